package dev.rapport.datatable.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/** Genesys's paged listing ({@code DataTablesDomainEntityListing}, {@code DataTableRowEntityListing}, ...). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityListing<T>(List<T> entities, int pageSize, int pageNumber, long total, long pageCount,
                               String firstUri, String selfUri, String nextUri, String previousUri, String lastUri) {

    /** A page of a listing whose links repeat the request's query with another {@code pageNumber}. */
    public static <T> EntityListing<T> of(List<T> entities, Paging paging, long total, UriInfo uri) {
        long pageCount = total == 0 ? 0 : (total + paging.pageSize() - 1) / paging.pageSize();
        int page = paging.pageNumber();
        return new EntityListing<>(entities, paging.pageSize(), page, total, pageCount,
                link(uri, 1), link(uri, page),
                page < pageCount ? link(uri, page + 1) : null,
                page > 1 ? link(uri, page - 1) : null,
                link(uri, Math.max(pageCount, 1)));
    }

    private static String link(UriInfo uri, long page) {
        URI u = uri.getRequestUriBuilder().replaceQueryParam("pageNumber", page).build();
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }
}
