package dev.rapport.datatable.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.datatable.tables.Column;
import dev.rapport.datatable.tables.ColumnType;
import dev.rapport.datatable.tables.TableSchema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV reading of imports, without a server: header matching, BOM, Excel quoting, typing. */
class CsvRecordsTest {
    private static final TableSchema SCHEMA = new TableSchema("ANI", List.of(
            new Column("CustomerName", "Customer Name", ColumnType.STRING, 1, null),
            new Column("Visits", "Visits", ColumnType.INTEGER, 2, 5L),
            new Column("Vip", "VIP", ColumnType.BOOLEAN, 3, null)));

    @Test
    void headerTakesTheKeyLabelAndFieldLabelsAndSkipsAByteOrderMark() throws Exception {
        List<CsvRecord> records = read("\uFEFFANI,Customer Name,VIP\r\n7204276664,\"Doe, \"\"JD\"\" Jane\",TRUE\r\n\r\n");

        assertThat(records).containsExactly(new CsvRecords.Row(2, "7204276664",
                java.util.Map.of("CustomerName", "Doe, \"JD\" Jane", "Visits", 5L, "Vip", true)));
    }

    @Test
    void eachBadRecordIsReportedWithItsNumberAndField() throws Exception {
        List<CsvRecord> records = read("KEY,Visits,Vip\na,1.0,false\nb,1.5,false\nc,2,yes\n,3,true\nd,1,true,extra\n");

        assertThat(records.get(0)).isInstanceOf(CsvRecords.Row.class);
        assertThat(((CsvRecords.Row) records.get(0)).values()).containsEntry("Visits", 1L).containsEntry("CustomerName", "");
        assertThat(records.subList(1, 5)).extracting(r -> ((ImportFailure) r).line(), r -> ((ImportFailure) r).field())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "Visits"),
                        org.assertj.core.groups.Tuple.tuple(4L, "Vip"), org.assertj.core.groups.Tuple.tuple(5L, "key"),
                        org.assertj.core.groups.Tuple.tuple(6L, null));
    }

    @Test
    void aHeaderThatDoesNotFitIsRefusedWhole() {
        assertThatThrownBy(() -> read("Visits\n1\n")).hasMessageContaining("no key column");
        assertThatThrownBy(() -> read("key,Colour\n1,red\n")).hasMessageContaining("Colour");
        assertThatThrownBy(() -> read("key,Visits,Visits\n1,1,1\n")).hasMessageContaining("twice");
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
    }

    @Test
    void aRecordOfAMillionCellsIsCountedNotKeptAndAHugeCellStopsTheFile() throws Exception {
        List<CsvRecord> records = read("key,Visits\na," + ",".repeat(1_000_000) + "\nb,1\n");
        assertThat(((ImportFailure) records.get(0)).reason()).contains("1000002 values");
        assertThat(records.get(1)).isInstanceOf(CsvRecords.Row.class);
        assertThatThrownBy(() -> read("key,CustomerName\na," + "x".repeat(200_000) + "\n"))
                .hasMessageContaining("exceeds the maximum");
    }

    private static List<CsvRecord> read(String csv) throws Exception {
        List<CsvRecord> out = new ArrayList<>();
        try (CsvRecords records = new CsvRecords(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                SCHEMA, new dev.rapport.datatable.rows.RowValidator(256, 1000, 65_536))) {
            while (records.hasNext()) {
                out.add(records.next());
            }
        }
        return out;
    }
}
