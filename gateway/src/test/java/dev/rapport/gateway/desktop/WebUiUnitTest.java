package dev.rapport.gateway.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web app's own unit tests (the designer's model: tree edits, ids, undo) with Node's built-in runner, so that
 * `./mvnw verify` runs them too: every {@code *.test.js} under src/main/webui/src.
 */
class WebUiUnitTest {
    private static final Path WEBUI = Path.of("src/main/webui");

    @Test
    void theWebAppsUnitTestsPass() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getenv().getOrDefault("NODE", "node"), "--test"));
        try (Stream<Path> files = Files.walk(WEBUI.resolve("src"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".test.js"))
                    .map(f -> WEBUI.relativize(f).toString()).sorted().forEach(command::add);
        }
        assertThat(command).as("test files").hasSizeGreaterThan(2);
        Process node = new ProcessBuilder(command).directory(WEBUI.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node --test finished").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
    }
}
