package dev.rapport.datatable.rows;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.contract.Attribution;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of {@code GET .../rows/{rowId}/history}: the values before and after a change, who made it and when.
 * {@code changedBy} reads "alex via Update Case" when a trusted service made the change for a person, who is then
 * {@code onBehalfOf} (user id, name, data action); {@code principal} is whose token made the request.
 */
public record RowHistoryEntry(long version, String operation, Instant changedAt, String changedBy, String principal,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Attribution onBehalfOf, String source,
                              Map<String, Object> oldValues, Map<String, Object> newValues) {

    static RowHistoryEntry of(RowChange c) {
        Attribution onBehalfOf = c.onBehalfOfUser == null ? null
                : new Attribution(c.onBehalfOfUser, c.onBehalfOfName, c.onBehalfOfAction);
        return new RowHistoryEntry(c.version, c.operation, c.changedAt, c.changedBy,
                c.principal == null ? c.changedBy : c.principal, onBehalfOf, c.source, c.oldValues, c.newValues);
    }
}
