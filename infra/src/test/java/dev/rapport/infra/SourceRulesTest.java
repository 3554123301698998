package dev.rapport.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules of the main code of every module that a compiler does not check. */
class SourceRulesTest {
    /** Without a locale, "TITLE".toLowerCase() is "tıtle" on a Turkish machine: names, keys and SQL break. */
    private static final Pattern LOCALE_LESS_CASE_CHANGE = Pattern.compile("\\.to(Lower|Upper)Case\\(\\)");

    @Test
    void caseChangesOfMainCodeNameTheirLocale() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path source : mainJavaSources(projectRoot())) {
            found.addAll(localeLessCaseChanges(source));
        }
        assertThat(found).as("toLowerCase()/toUpperCase() without Locale.ROOT in src/main/java").isEmpty();
    }

    @Test
    void aCaseChangeWithoutALocaleIsFound() throws IOException {
        Path source = Files.createTempFile("Sample", ".java");
        Files.writeString(source, "class Sample {\n  String a(String s) { return s.toLowerCase(Locale.ROOT); }\n"
                + "  String b(String s) { return s.toUpperCase(); }\n}\n");
        assertThat(localeLessCaseChanges(source)).singleElement().asString().endsWith(":3");
        Files.delete(source);
    }

    private static List<String> localeLessCaseChanges(Path source) {
        try {
            List<String> lines = Files.readAllLines(source);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (LOCALE_LESS_CASE_CHANGE.matcher(lines.get(i)).find()) {
                    found.add(source + ":" + (i + 1));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> mainJavaSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().contains("/src/main/java/"))
                    .filter(p -> Stream.of(root.relativize(p).toString().split("/"))
                            .noneMatch(part -> part.equals("node_modules") || part.equals("target") || part.startsWith(".")))
                    .sorted()
                    .toList();
        }
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a folder above " + Path.of("").toAbsolutePath() + " holds docker-compose.yml").isNotNull();
        return dir;
    }
}
