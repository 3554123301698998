package dev.rapport.script.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Our evaluator against the real math.js (npm package mathjs@15) on the corpus in src/test/resources/mathjs: same
 * value and type for every expression, or an error on both sides. math.js is installed into target/mathjs on first
 * run; the test is skipped only when node itself is absent.
 */
class MathJsDifferentialTest {
    private static final Path MODULE_DIR = Path.of("target", "mathjs");
    private static final Path CORPUS = Path.of("src", "test", "resources", "mathjs", "corpus.txt");
    private static final Path SCRIPT = Path.of("src", "test", "resources", "mathjs", "golden.js");

    @Test
    void everyCorpusExpressionMatchesMathJs() throws Exception {
        Assumptions.assumeTrue(run(List.of("node", "--version"), 30) != null,
                "node is not installed: the differential test against math.js cannot run (apt-get install nodejs)");
        if (!Files.isDirectory(MODULE_DIR.resolve("node_modules").resolve("mathjs"))) {
            Files.createDirectories(MODULE_DIR);
            String installed = run(List.of("npm", "install", "--prefix", MODULE_DIR.toString(), "--no-audit", "--no-fund",
                    "mathjs@15"), 300);
            assertThat(installed).as("npm install mathjs@15 into target/mathjs").isNotNull();
        }
        String golden = run(List.of("node", SCRIPT.toString(), CORPUS.toString(),
                MODULE_DIR.resolve("node_modules").toString()), 120);
        assertThat(golden).as("node golden.js").isNotNull();

        ObjectMapper json = new ObjectMapper();
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (String line : golden.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode expected = json.readTree(line);
            compared++;
            String expr = expected.get("expr").asText();
            String actual = describe(expr);
            String wanted = expected.get("type").asText() + ":" + (expected.get("type").asText().equals("error")
                    ? "*" : expected.get("value").asText());
            boolean same = actual.equals(wanted) || (wanted.startsWith("error:") && actual.startsWith("error:"));
            if (!same) {
                mismatches.add(expr + "  math.js=" + (wanted.startsWith("error") ? "error " + expected.get("value").asText() : wanted)
                        + "  ours=" + actual);
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(200);
        assertThat(mismatches).as("expressions where we differ from math.js").isEmpty();
    }

    private static String describe(String expr) {
        Object value;
        try {
            value = Expression.parse(expr).evaluate(Map.of());
        } catch (ExpressionException e) {
            return "error:" + e.getMessage();
        }
        if (value instanceof Double d) {
            return "number:" + jsNumber(d);
        }
        if (value instanceof String s) {
            return "string:" + s;
        }
        if (value instanceof Boolean b) {
            return "boolean:" + b;
        }
        return value == null ? "null:null" : "other:" + value;
    }

    /** JavaScript's String(number): shortest digits; exponent form from 1e21 and below 1e-6. */
    private static String jsNumber(double d) {
        return MathJsValues.text(d);
    }

    private static String run(List<String> command, int seconds) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
