package dev.rapport.bench.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes bench-results.json and bench-results.md side by side. */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
            // derived values (ratios) are written for readers of the file and ignored when it is read back
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonReport() {
    }

    public static String json(BenchResults results) throws IOException {
        return JSON.writeValueAsString(results);
    }

    public static BenchResults read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), BenchResults.class);
    }

    /** Writes both files into {@code folder}; returns the Markdown. */
    public static String write(BenchResults results, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("bench-results.json"), json(results));
        String md = MarkdownReport.render(results);
        Files.writeString(folder.resolve("bench-results.md"), md);
        return md;
    }
}
