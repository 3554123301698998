package dev.rapport.datatable.importing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.rapport.datatable.tables.Column;
import dev.rapport.datatable.tables.TableSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streams the records of an uploaded CSV file, one at a time, each checked against the table: a UTF-8 byte order
 * mark is skipped, quoting is RFC 4180 / Excel's ({@code "a ""b"""}, line breaks inside quotes), empty lines are
 * skipped. Memory stays bounded whatever the size of the file.
 */
final class CsvRecords implements AutoCloseable {
    private static final CsvMapper CSV = new CsvMapper();

    private final CountingStream counted;
    private final MappingIterator<List<String>> records;
    private final CsvHeader header;
    private final TableSchema schema;
    private final int maxKeyLength;
    private final int maxStringLength;
    private long recordNumber = 1;

    /** A record that can be written, with a value for every field of the table. */
    record Row(long line, String key, Map<String, Object> values) implements CsvRecord {
    }

    CsvRecords(InputStream in, TableSchema schema, int maxKeyLength, int maxStringLength) throws IOException {
        this.counted = new CountingStream(in);
        this.schema = schema;
        this.maxKeyLength = maxKeyLength;
        this.maxStringLength = maxStringLength;
        this.records = CSV.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(withoutByteOrderMark(new InputStreamReader(counted, StandardCharsets.UTF_8)));
        if (!records.hasNext()) {
            throw new CsvHeader.ImportRefused("The file is empty: it needs a header line");
        }
        this.header = CsvHeader.resolve(records.next(), schema);
    }

    long bytesRead() {
        return counted.count;
    }

    boolean hasNext() {
        return records.hasNext();
    }

    /** The next record: a {@link Row}, or an {@link ImportFailure} saying why it cannot be imported. */
    CsvRecord next() {
        List<String> cells = records.next();
        long line = ++recordNumber;
        String key = header.keyIndex() < cells.size() ? cells.get(header.keyIndex()) : null;
        if (cells.size() > header.width()) {
            return new ImportFailure(line, key, null, "The record has " + cells.size() + " values; the header has "
                    + header.width());
        }
        if (key == null || key.isBlank()) {
            return new ImportFailure(line, null, "key", "The record has no key");
        }
        if (key.length() > maxKeyLength) {
            return new ImportFailure(line, key.substring(0, 40) + "...", "key",
                    "A key has at most " + maxKeyLength + " characters; this one has " + key.length());
        }
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            Column column = header.at(i);
            String text = cells.get(i);
            if (column == null || text == null) {
                continue;
            }
            if (text.isEmpty() && column.type() != dev.rapport.datatable.tables.ColumnType.STRING) {
                continue; // blank: the field's default
            }
            Optional<Object> value = column.type().fromText(text);
            if (value.isEmpty()) {
                return new ImportFailure(line, key, column.name(), "Field " + column.name() + " is a "
                        + column.type().jsonName() + "; '" + abbreviate(text) + "' is not");
            }
            if (value.get() instanceof String s && s.length() > maxStringLength) {
                return new ImportFailure(line, key, column.name(), "Field " + column.name() + " has more than "
                        + maxStringLength + " characters");
            }
            given.put(column.name(), value.get());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column c : schema.columns()) {
            Object v = given.get(c.name());
            values.put(c.name(), v == null ? c.effectiveDefault() : v);
        }
        return new Row(line, key, values);
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
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
