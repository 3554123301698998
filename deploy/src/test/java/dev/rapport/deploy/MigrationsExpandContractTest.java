package dev.rapport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * During a rolling upgrade the previous release runs against the schema of the next one, so a migration only adds
 * (docs/decisions/0005-migrations-expand-contract.md). A statement that takes away or changes what the previous
 * release uses (dropping or renaming a column or table, changing a column's type) is refused unless its file says
 * why it is a safe contract step, with a comment {@value #MARKER} and the reason.
 */
class MigrationsExpandContractTest {
    static final String MARKER = "-- contract-step:";
    private static final List<Pattern> CONTRACTING = List.of(
            Pattern.compile("(?i)\\bDROP\\s+COLUMN\\b"),
            Pattern.compile("(?i)\\bRENAME\\b"),
            Pattern.compile("(?i)\\bDROP\\s+TABLE\\b"),
            Pattern.compile("(?i)\\bALTER\\s+COLUMN\\s+\\S+\\s+(SET\\s+DATA\\s+)?TYPE\\b"));
    private static final Pattern MARKER_WITH_REASON = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(MARKER) + "[ \\t]*\\S.{10,}$");

    private static List<Path> migrations;

    @BeforeAll
    static void find() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("deploy/kubernetes"))) {
            root = root.getParent();
        }
        assertThat(root).isNotNull();
        try (Stream<Path> files = Files.walk(root, 8)) {
            migrations = files.filter(p -> p.toString().replace('\\', '/').matches(".*/src/main/resources/db/.*\\.sql"))
                    .filter(p -> !p.toString().contains("/target/")).sorted().toList();
        }
    }

    @Test
    void everyServicesMigrationsAreFound() {
        assertThat(migrations).as("the Flyway migrations of the services and the platform")
                .anySatisfy(p -> assertThat(p.toString()).contains("datatable-service"))
                .anySatisfy(p -> assertThat(p.toString()).contains("script-service"))
                .anySatisfy(p -> assertThat(p.toString()).contains("action-service"))
                .anySatisfy(p -> assertThat(p.toString()).contains("platform"));
    }

    @Test
    void noMigrationTakesAwayWhatThePreviousReleaseUsesUnlessItSaysWhyItIsSafe() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : migrations) {
            problems.addAll(problems(file.toString(), Files.readString(file)));
        }
        assertThat(problems).as("see docs/decisions/0005-migrations-expand-contract.md").isEmpty();
    }

    @Test
    void theCheckFindsAContractStepAndAcceptsItOnlyWithAReason() {
        String drop = "ALTER TABLE data_table DROP COLUMN old_name;";
        assertThat(problems("V9__drop.sql", drop)).hasSize(1);
        assertThat(problems("V9__rename.sql", "ALTER TABLE row_entry RENAME COLUMN a TO b;")).hasSize(1);
        assertThat(problems("V9__type.sql", "ALTER TABLE t ALTER COLUMN c TYPE BIGINT;")).hasSize(1);
        assertThat(problems("V9__drop.sql", MARKER + "\n" + drop)).as("a marker without a reason").hasSize(1);
        assertThat(problems("V9__drop.sql", MARKER + " old_name unused since release 0.3 (V7 stopped writing it)\n" + drop))
                .isEmpty();
        assertThat(problems("V9__comment.sql", "-- we never DROP COLUMN here\nALTER TABLE t ADD COLUMN c TEXT;"))
                .as("comments are not statements").isEmpty();
        assertThat(problems("R__functions.sql", "DROP FUNCTION IF EXISTS f(); ALTER TABLE t ALTER COLUMN c DROP NOT NULL;"))
                .as("replacing a function or relaxing a constraint is compatible").isEmpty();
    }

    static List<String> problems(String file, String sql) {
        if (MARKER_WITH_REASON.matcher(sql).find()) {
            return List.of();
        }
        String statements = sql.replaceAll("--[^\\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ");
        List<String> problems = new ArrayList<>();
        for (Pattern pattern : CONTRACTING) {
            Matcher m = pattern.matcher(statements);
            if (m.find()) {
                problems.add(file + ": '" + m.group() + "' breaks the release still running during a rolling upgrade; "
                        + "expand now and contract in a later release, or say why it is safe with '" + MARKER + " <reason>'");
            }
        }
        return problems;
    }
}
