package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataTableChangeSchemaTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void rowUpsertWrittenByEventJsonMeetsItsSchema() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", "1234");
        row.put("CaseStatus", "Open");
        row.put("Visits", 3);
        DataTableChange change = new DataTableChange(DataTableChange.Kind.ROW_UPSERTED, "t1", "Health Client Services",
                "1234", 2L, row, null, "alex", AT);

        DataTableChange read = EventSchemas.DATATABLE_CHANGE.parse(EventJson.write(change), DataTableChange.class);

        assertThat(read).isEqualTo(change);
        assertThat(read.change().eventType()).isEqualTo(EventTypes.DATATABLE_ROW_UPSERTED);
        assertThat(DataTableChange.rowRecordKey("t1", "1234")).isEqualTo("t1:1234");
    }

    @Test
    void anUpsertWithoutItsRowAndATableEventWithoutReasonAreRefused() {
        assertThatThrownBy(() -> EventSchemas.DATATABLE_CHANGE.parse("""
                {"change":"rowUpserted","tableId":"t1","rowKey":"1","version":1,"changedAt":"2026-11-27T10:00:00Z"}""",
                DataTableChange.class)).isInstanceOf(InvalidEventException.class).hasMessageContaining("row");
        assertThatThrownBy(() -> EventSchemas.DATATABLE_CHANGE.parse("""
                {"change":"tableChanged","tableId":"t1","changedAt":"2026-11-27T10:00:00Z"}""",
                DataTableChange.class)).isInstanceOf(InvalidEventException.class).hasMessageContaining("reason");
    }
}
