package dev.rapport.datatable.exporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rapport.datatable.tables.Column;
import dev.rapport.datatable.tables.TableSchema;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes a table as CSV, streaming: rows come from a server-side cursor and go straight to the response. Header:
 * {@code key}, then the field names (not labels) in display order, as Genesys exports; what it writes, the import reads.
 * Cells a spreadsheet would run as formulas are written as text ({@link CsvFormulas}).
 */
@ApplicationScoped
public class CsvExport {
    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;

    CsvExport(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the number of rows written */
    public long write(String tableId, TableSchema schema, OutputStream out) {
        CsvSchema.Builder header = CsvSchema.builder().addColumn(TableSchema.KEY);
        schema.columns().forEach(c -> header.addColumn(CsvFormulas.neutralise(c.name())));
        long n = 0;
        try (CsvGenerator csv = CSV.getFactory().createGenerator(out);
             Connection c = dataSource.getConnection()) {
            csv.setSchema(header.build().withHeader());
            c.setAutoCommit(false); // a cursor, so a million rows never sit in memory
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT row_key, row_values::text FROM datatable_row WHERE table_id = ? ORDER BY row_key")) {
                ps.setFetchSize(1000);
                ps.setString(1, tableId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JsonNode values = JSON.readTree(rs.getString(2));
                        csv.writeStartArray();
                        csv.writeString(CsvFormulas.neutralise(rs.getString(1)));
                        for (Column col : schema.columns()) {
                            JsonNode v = values.get(col.name());
                            Object value = v == null || v.isNull() ? col.effectiveDefault() : v.isTextual()
                                    ? v.textValue() : v.toString();
                            csv.writeString(CsvFormulas.neutralise(String.valueOf(value)));
                        }
                        csv.writeEndArray();
                        n++;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the rows of table " + tableId + ": " + e.getMessage(), e);
        }
        return n;
    }
}
