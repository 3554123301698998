package dev.rapport.datatable.rows;

import java.time.Instant;
import java.util.Map;

/** One entry of {@code GET .../rows/{rowId}/history}: the values before and after a change, who made it and when. */
public record RowHistoryEntry(long version, String operation, Instant changedAt, String changedBy, String source,
                              Map<String, Object> oldValues, Map<String, Object> newValues) {

    static RowHistoryEntry of(RowChange c) {
        return new RowHistoryEntry(c.version, c.operation, c.changedAt, c.changedBy, c.source, c.oldValues,
                c.newValues);
    }
}
