package dev.rapport.datatable.importing;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.rapport.contract.GenesysError.Detail;
import dev.rapport.datatable.exporting.CsvFormulas;
import dev.rapport.datatable.rows.RowValidator;
import dev.rapport.datatable.tables.Column;
import dev.rapport.datatable.tables.ColumnType;
import dev.rapport.datatable.tables.TableSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the records of an uploaded CSV file, one at a time, each checked against the table by the same
 * {@link RowValidator} as the API's rows (types, key, lengths, row size, defaults): a UTF-8 byte order mark is
 * skipped, quoting is RFC 4180 / Excel's ({@code "a ""b"""}, line breaks inside quotes), empty lines are skipped.
 * Memory stays bounded whatever the size of the file.
 */
final class CsvRecords implements AutoCloseable {
    private final CountingStream counted;
    private final CsvParser parser;
    /** Cells kept of one record: enough to see that it has too many, so a line of a million commas stays small. */
    private final int maxCells;
    private Cells pending;
    private final CsvHeader header;
    private final TableSchema schema;
    private final RowValidator validator;
    private long recordNumber = 1;

    /** A record that can be written, with a value for every field of the table. */
    record Row(long line, String key, Map<String, Object> values) implements CsvRecord {
    }

    CsvRecords(InputStream in, TableSchema schema, RowValidator validator) throws IOException {
        this.counted = new CountingStream(in);
        this.schema = schema;
        this.validator = validator;
        // Bytes that are not UTF-8 stop the reader instead of becoming U+FFFD (Utf8Check finds them first).
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // A cell far longer than any valid value fails the file instead of filling memory; a little longer fails its line.
        CsvFactory factory = CsvFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(validator.maxCellLength()).build()).enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        this.parser = factory.createParser(withoutByteOrderMark(new InputStreamReader(counted, utf8)));
        this.maxCells = schema.columns().size() + 2;
        if (!hasNext()) {
            throw new CsvHeader.ImportRefused("The file is empty: it needs a header line");
        }
        Cells first = take();
        if (first.count() > maxCells) {
            throw new CsvHeader.ImportRefused("The header has " + first.count() + " columns; the table has "
                    + schema.columns().size() + " fields and the key");
        }
        this.header = CsvHeader.resolve(first.kept(), schema);
    }

    /** The first cells of a record and how many it has in all. */
    private record Cells(List<String> kept, int count) {
    }

    /** The table's fields the header does not name, in display order. */
    List<String> columnsNotInFile() {
        return schema.columns().stream().filter(c -> !header.columns().contains(c)).map(Column::name).toList();
    }

    long bytesRead() {
        return counted.count;
    }

    boolean hasNext() {
        if (pending == null) {
            try {
                pending = read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pending != null;
    }

    private Cells take() {
        hasNext();
        Cells cells = pending;
        pending = null;
        return cells;
    }

    /** The next record's cells, or null at the end of the file. */
    private Cells read() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new IOException("Unexpected CSV token " + token);
        }
        List<String> kept = new ArrayList<>();
        int count = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("The file ends inside a record");
            }
            if (count++ < maxCells) {
                kept.add(parser.getText());
            }
        }
        return new Cells(kept, count);
    }

    /** The next record: a {@link Row}, or an {@link ImportFailure} saying why it cannot be imported. */
    CsvRecord next() {
        Cells read = take();
        List<String> cells = read.kept();
        long line = ++recordNumber;
        String key = header.keyIndex() < cells.size() ? cells.get(header.keyIndex()) : null;
        if (read.count() > header.width()) {
            return new ImportFailure(line, shown(key), null, "The record has " + read.count() + " values; the header has "
                    + header.width());
        }
        Map<Column, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            Column column = header.at(i);
            String text = cells.get(i);
            if (column != null && text != null) {
                // what the export protected from spreadsheets' formulas is read back as it was
                texts.put(column, column.type() == ColumnType.STRING ? CsvFormulas.restore(text) : text);
            }
        }
        String rowKey = key == null ? null : CsvFormulas.restore(key);
        RowValidator.Checked checked = validator.checkText(schema, rowKey, "key", texts);
        if (!checked.valid()) {
            Detail first = checked.problems().get(0);
            return new ImportFailure(line, shown(rowKey), first.fieldName(), first.message());
        }
        return new Row(line, rowKey, checked.row().values());
    }

    /** A key as a failure shows it: short, so a hostile key does not fill the job. */
    private static String shown(String key) {
        return key == null || key.isBlank() ? null : RowValidator.shown(key);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    /** Counts the bytes read, for the job's progress. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
