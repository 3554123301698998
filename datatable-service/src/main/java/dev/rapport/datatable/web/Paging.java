package dev.rapport.datatable.web;

import dev.rapport.platform.web.ApiException;

/** A page asked for with Genesys's {@code pageNumber} (from 1) and {@code pageSize}. */
public record Paging(int pageNumber, int pageSize) {

    public static Paging of(Integer pageNumber, Integer pageSize, int maxPageSize) {
        int number = pageNumber == null ? 1 : pageNumber;
        int size = pageSize == null ? 25 : pageSize;
        if (number < 1) {
            throw ApiException.invalidField("pageNumber", "pageNumber starts at 1");
        }
        if (size < 1 || size > maxPageSize) {
            throw ApiException.invalidField("pageSize", "pageSize is between 1 and " + maxPageSize);
        }
        return new Paging(number, size);
    }

    public int offset() {
        return (pageNumber - 1) * pageSize;
    }

    /** Genesys's {@code sortOrder}: ascending unless {@code desc}/{@code descending}. */
    public static boolean descending(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank()) {
            return false;
        }
        return switch (sortOrder.toLowerCase(java.util.Locale.ROOT)) {
            case "asc", "ascending" -> false;
            case "desc", "descending" -> true;
            default -> throw ApiException.invalidField("sortOrder", "sortOrder is ascending or descending");
        };
    }
}
