package dev.rapport.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * Genesys's paged listing ({@code DataTablesDomainEntityListing}, {@code ScriptEntityListing}, ...), the one shape of
 * every list endpoint. {@code firstUri}, {@code selfUri} and {@code lastUri} are always there; {@code nextUri} and
 * {@code previousUri} only when such a page exists, as Genesys answers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityListing<T>(List<T> entities, int pageSize, int pageNumber, long total, long pageCount,
                               String firstUri, String selfUri, String nextUri, String previousUri, String lastUri) {

    /** What a service found for one page: its entities and how many there are in all. */
    public record Page<T>(List<T> entities, long total) {
    }

    public static <T> EntityListing<T> of(Page<T> page, Paging paging, UriInfo uri) {
        return of(page.entities(), paging, page.total(), uri);
    }

    /**
     * A page of a listing whose links repeat the request's query with another {@code pageNumber} and the page size
     * in force (named even when the request left it to its default, as Genesys's links do).
     */
    public static <T> EntityListing<T> of(List<T> entities, Paging paging, long total, UriInfo uri) {
        long pageCount = total == 0 ? 0 : (total + paging.pageSize() - 1) / paging.pageSize();
        int page = paging.pageNumber();
        return new EntityListing<>(entities, paging.pageSize(), page, total, pageCount,
                link(uri, 1, paging), link(uri, page, paging),
                page < pageCount ? link(uri, page + 1, paging) : null,
                page > 1 ? link(uri, page - 1, paging) : null,
                link(uri, Math.max(pageCount, 1), paging));
    }

    private static String link(UriInfo uri, long page, Paging paging) {
        URI u = uri.getRequestUriBuilder().replaceQueryParam("pageNumber", page)
                .replaceQueryParam("pageSize", paging.pageSize()).build();
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }
}
