package dev.rapport.platform.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * Genesys's query of a listing that pages, filters by name and sorts: {@code pageNumber}, {@code pageSize},
 * {@code name}, {@code sortBy} and {@code sortOrder}. A resource takes it as a {@code @BeanParam} and answers
 * {@link #answer}: the page (400 naming {@code pageNumber}, {@code pageSize} or {@code sortOrder} when out of bounds)
 * of what its service lists, in Genesys's {@link EntityListing}. What {@code sortBy} may name is the service's to say.
 */
public class ListingQuery {
    @QueryParam("pageNumber")
    Integer pageNumber;
    @QueryParam("pageSize")
    Integer pageSize;
    @QueryParam("name")
    String name;
    @QueryParam("sortBy")
    String sortBy;
    @QueryParam("sortOrder")
    String sortOrder;
    @Context
    UriInfo uri;

    /** A service's listing: one page of what it has whose name contains {@code name} (if given), sorted. */
    @FunctionalInterface
    public interface Lister<T> {
        EntityListing.Page<T> page(Paging paging, String name, String sortBy, boolean descending);
    }

    public <T> EntityListing<T> answer(Lister<T> lister) {
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(lister.page(paging, name, sortBy, Paging.descending(sortOrder)), paging, uri);
    }
}
