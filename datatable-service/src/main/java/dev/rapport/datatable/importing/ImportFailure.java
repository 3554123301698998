package dev.rapport.datatable.importing;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CSV record that was not imported. {@code line} is the record's number in the file, the header being 1 (a quoted
 * value spanning lines is one record); {@code field} names the column at fault when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportFailure(long line, String key, String field, String reason) implements CsvRecord {
}
