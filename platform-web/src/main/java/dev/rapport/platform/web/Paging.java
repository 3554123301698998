package dev.rapport.platform.web;

import dev.rapport.contract.failure.DomainException.InvalidInput;
import java.util.Locale;

/** A page asked for with Genesys's {@code pageNumber} (from 1) and {@code pageSize} (25 unless given). */
public record Paging(int pageNumber, int pageSize) {
    public static final int DEFAULT_PAGE_SIZE = 25;
    /** The largest page of a listing that sets no bound of its own. */
    public static final int MAX_PAGE_SIZE = 500;

    /** @throws InvalidInput naming {@code pageNumber} or {@code pageSize} when out of bounds */
    public static Paging of(Integer pageNumber, Integer pageSize, int maxPageSize) {
        int number = pageNumber == null ? 1 : pageNumber;
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        if (number < 1) {
            throw InvalidInput.field("pageNumber", "pageNumber starts at 1");
        }
        if (size < 1 || size > maxPageSize) {
            throw InvalidInput.field("pageSize", "pageSize is between 1 and " + maxPageSize);
        }
        return new Paging(number, size);
    }

    public static Paging of(Integer pageNumber, Integer pageSize) {
        return of(pageNumber, pageSize, MAX_PAGE_SIZE);
    }

    /** Rows to skip before this page. */
    public int offset() {
        return (pageNumber - 1) * pageSize;
    }

    /** Genesys's {@code sortOrder}: ascending unless {@code desc}/{@code descending}. */
    public static boolean descending(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank()) {
            return false;
        }
        return switch (sortOrder.toLowerCase(Locale.ROOT)) {
            case "asc", "ascending" -> false;
            case "desc", "descending" -> true;
            default -> throw InvalidInput.field("sortOrder", "sortOrder is ascending or descending");
        };
    }
}
