package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * A committed change of a data table, on topic {@link Topics#DATATABLE_CHANGES}. Record key: {@code <tableId>:<rowKey>}
 * for row events ({@link #rowRecordKey}), {@code <tableId>} for table events. Schema:
 * {@code schemas/datatable-change.v1.json}.
 *
 * <ul>
 *   <li>{@code rowUpserted}: {@code rowKey}, {@code version} and {@code row} (the full row, key included, as the API
 *       returns it).</li>
 *   <li>{@code rowDeleted}: {@code rowKey} and the {@code version} the row had.</li>
 *   <li>{@code tableChanged}: {@code reason} ({@code created}, {@code updated}, {@code deleted}, {@code imported});
 *       a consumer that caches rows of the table drops them all, since an import or a removed column changes many
 *       rows at once without one event per row.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataTableChange(
        Kind change,
        String tableId,
        String tableName,
        String rowKey,
        Long version,
        Map<String, Object> row,
        String reason,
        String changedBy,
        Instant changedAt) {

    /** Separates table id and row key in a row event's record key; table ids never contain it. */
    public static final String KEY_SEPARATOR = ":";

    public static String rowRecordKey(String tableId, String rowKey) {
        return tableId + KEY_SEPARATOR + rowKey;
    }

    public enum Kind {
        ROW_UPSERTED("rowUpserted", EventTypes.DATATABLE_ROW_UPSERTED),
        ROW_DELETED("rowDeleted", EventTypes.DATATABLE_ROW_DELETED),
        TABLE_CHANGED("tableChanged", EventTypes.DATATABLE_TABLE_CHANGED);

        private final String wireName;
        private final String eventType;

        Kind(String wireName, String eventType) {
            this.wireName = wireName;
            this.eventType = eventType;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        /** The CloudEvents type of this kind of change. */
        public String eventType() {
            return eventType;
        }

        @JsonCreator
        public static Kind fromWireName(String name) {
            return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown data table change '" + name + "'"));
        }
    }
}
