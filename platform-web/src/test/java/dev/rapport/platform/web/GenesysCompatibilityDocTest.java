package dev.rapport.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.platform.web.GenesysApiPaths.Api;
import dev.rapport.platform.web.GenesysApiPaths.Entry;
import dev.rapport.platform.web.GenesysApiPaths.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/genesys-compatibility.md shows the list of Genesys's paths as it is: its tables are generated from the list,
 * so the page and what the gateway answers cannot drift apart. After a change of the list, run this test with
 * {@code -Drapport.docs.write=true} to rewrite the tables (the text around them is the page's own).
 */
class GenesysCompatibilityDocTest {
    static final String BEGIN = "<!-- generated from the list by GenesysCompatibilityDocTest: change the list, not"
            + " the tables -->";
    static final String END = "<!-- end of the generated tables -->";

    @Test
    void thePageHoldsTheTablesOfTheList() throws IOException {
        Path doc = projectRoot().resolve("docs/genesys-compatibility.md");
        String page = Files.readString(doc);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertThat(begin).as(doc + " marks its generated tables with " + BEGIN).isNotNegative();
        assertThat(end).as(doc + " ends its generated tables with " + END).isGreaterThan(begin);
        String current = page.substring(begin + BEGIN.length(), end);
        String wanted = "\n" + tables(GenesysApiPaths.listed());
        if (!current.equals(wanted) && Boolean.getBoolean("rapport.docs.write")) {
            Files.writeString(doc, page.substring(0, begin + BEGIN.length()) + wanted + page.substring(end));
            return;
        }
        assertThat(current).as(doc + " is behind " + GenesysApiPaths.RESOURCE
                + ": rerun with -Drapport.docs.write=true").isEqualTo(wanted);
    }

    @Test
    void eachApiHasItsCountsAndEveryOperationItsRow() {
        String tables = tables(GenesysApiPaths.listed());
        assertThat(tables).contains("## Data tables", "## Data actions", "## Scripts")
                .contains("| `GET` | `/api/v2/scripts/published/{scriptId}/variables` |"
                        + " `getScriptsPublishedScriptIdVariables` | served:")
                .contains("| `GET` | `/api/v2/scripts/divisionviews` | `getScriptsDivisionviews` | 501:");
        assertThat(tables.lines().filter(l -> l.startsWith("| `"))).hasSize(GenesysApiPaths.listed().entries().size());
    }

    /** One section per API: its counts, Genesys's operations in the list's order, then Rapport's own. */
    static String tables(GenesysApiPaths paths) {
        StringBuilder md = new StringBuilder();
        for (Api api : Api.values()) {
            List<Entry> genesys = paths.entries().stream()
                    .filter(e -> e.api() == api && e.status() != Status.RAPPORT).toList();
            List<Entry> own = paths.entries().stream()
                    .filter(e -> e.api() == api && e.status() == Status.RAPPORT).toList();
            md.append("\n## ").append(api.title).append("\n\n")
                    .append("Genesys's ").append(api.genesysApi).append(" under `").append(api.prefix)
                    .append("`, served by ").append(api.service).append(": ").append(genesys.size())
                    .append(" operations, ").append(count(genesys, Status.SERVED)).append(" served, ")
                    .append(count(genesys, Status.DIFFERS)).append(" served with differences, ")
                    .append(count(genesys, Status.NOT_IMPLEMENTED)).append(" answered 501.\n\n")
                    .append("| method | path | Genesys SDK operation | in Rapport |\n|---|---|---|---|\n");
            for (Entry e : genesys) {
                md.append("| `").append(e.method()).append("` | `").append(e.path()).append("` | `")
                        .append(e.operation()).append("` | ").append(inRapport(e)).append(" |\n");
            }
            md.append("\nRapport's own paths under `").append(api.prefix).append("`:\n\n")
                    .append("| method | path | what |\n|---|---|---|\n");
            for (Entry e : own) {
                md.append("| `").append(e.method()).append("` | `").append(e.path()).append("` | ")
                        .append(e.note()).append(" |\n");
            }
        }
        return md.append("\n").toString();
    }

    private static String inRapport(Entry e) {
        String status = switch (e.status()) {
            case SERVED -> "served";
            case DIFFERS -> "served with differences";
            case NOT_IMPLEMENTED -> "501";
            case RAPPORT -> throw new IllegalArgumentException("Rapport's own path: " + e.path());
        };
        return e.note().isEmpty() ? status : status + ": " + e.note();
    }

    private static long count(List<Entry> entries, Status status) {
        return entries.stream().filter(e -> e.status() == status).count();
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
