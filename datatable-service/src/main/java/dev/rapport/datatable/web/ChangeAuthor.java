package dev.rapport.datatable.web;

import dev.rapport.contract.Attribution;

/**
 * Who a change is recorded as: {@code changedBy} (the caller, or "alex via Update Case" when a trusted service acted
 * for a person), the {@code principal} whose token made the request, and the person it was made for, if any.
 */
public record ChangeAuthor(String changedBy, String principal, Attribution onBehalfOf) {

    /** A change by the caller themself. */
    public static ChangeAuthor of(String principal) {
        return new ChangeAuthor(principal, principal, null);
    }

    static ChangeAuthor forPerson(String principal, Attribution onBehalfOf) {
        return new ChangeAuthor(onBehalfOf.changedBy(), principal, onBehalfOf);
    }
}
