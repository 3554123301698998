package dev.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * axe-core (the web app's npm dev dependency, pinned in package.json) over every admin section with something in it:
 * data tables (list, a table with rows), data actions (list, integrations, an action), flows (list, a flow with its
 * steps) and scripts (list, the designer's tabs): no serious or critical violation. The report goes to
 * target/axe-admin.json.
 */
class AdminAccessibilityIT extends AdminConsole {
    private static final Path AXE =
            RapportSystem.ROOT.resolve("gateway/src/main/webui/node_modules/axe-core/axe.min.js");
    private final ObjectNode report = JSON.createObjectNode();

    @Test
    void everyAdminSectionHasNoSeriousOrCriticalViolations() throws Exception {
        assertThat(AXE).as("axe-core from npm (npm ci in gateway/src/main/webui)").exists();
        String s = suffix();
        String table = createTable("Axe table " + s, "ANI", Map.of("CustomerName", "string", "Visits", "integer"));
        call("POST", TABLES + "/" + table + "/rows", Map.of("key", "1234", "CustomerName", "Ann", "Visits", 2));
        String integration = call("POST", "/api/v2/integrations", Map.of("name", "Axe " + s,
                "integrationType", Map.of("id", "purecloud-data-actions"))).path("id").asText();
        String action = call("POST", "/api/v2/integrations/actions/import?integrationId=" + integration
                + "&name=" + RapportSystem.enc("Axe action " + s),
                JSON.readTree(Files.readString(RapportSystem.ROOT.resolve("demo/workshop-data-action.json"))))
                .path("id").asText();
        ObjectNode script = (ObjectNode) JSON.readTree(Files.readString(RapportSystem.ROOT
                .resolve("demo/architect-workshop.script.json")).replace("${DATA_ACTION_ID}", action));
        script.put("name", "Axe script " + s);
        String scriptId = call("POST", "/api/v2/scripts", script).path("id").asText();
        String flow = call("POST", "/api/v2/flows/inbound", Map.of("name", "Axe flow " + s, "steps", List.of(
                Map.of("type", "dataTableLookup", "tableId", table, "key", "{{Call.Ani}}",
                        "outputs", Map.of("CustomerName", "CustomerName"), "found", List.of(
                                Map.of("type", "screenPop", "scriptId", scriptId, "inputs", Map.of()),
                                Map.of("type", "transferToQueue", "queueId", "q", "queueName", "Q"))))))
                .path("id").asText();

        context.addInitScript(AXE);
        List<String> grave = new ArrayList<>();
        inBrowser(() -> {
            page.reload();
            check("tables", "Data tables", grave);
            check("tables/" + table, "Axe table " + s, grave);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New row")).click();
            check(null, "New row", grave);
            check("actions", "Data actions", grave);
            check("actions/integrations", "Integrations", grave);
            check("actions/" + action, "Axe action " + s, grave);
            check("flows", "Inbound flows", grave);
            check("flows/" + flow, "Axe flow " + s, grave);
            check("scripts", "Scripts", grave);
            open("scripts/" + RapportSystem.enc(scriptId));
            for (String tab : List.of("Components", "Pages", "Variables", "Custom actions")) {
                tab(tab).click();
                check(null, "designer: " + tab, grave);
            }
            for (String tab : List.of("Properties", "Problems", "Versions", "Preview")) {
                tab(tab).click();
                check(null, "designer: " + tab, grave);
            }
        });
        Path file = RapportSystem.ROOT.resolve("e2e-tests/target/axe-admin.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toPrettyString());
        assertThat(grave).as("axe-core's serious and critical violations").isEmpty();
    }

    /** Opens the section (unless null: the page as it is), waits for its text, runs axe and keeps the grave ones. */
    private void check(String hash, String shows, List<String> grave) throws Exception {
        if (hash != null) {
            open(hash);
        }
        if (!shows.startsWith("designer: ") && !shows.equals("New row")) {
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName(shows).setExact(true)).first()).isVisible();
        }
        page.waitForLoadState();
        page.waitForTimeout(300); // lists and pickers load after the heading
        Object result = page.evaluate("async () => JSON.stringify((await axe.run(document, "
                + "{ resultTypes: ['violations'], iframes: false })).violations)");
        JsonNode violations = JSON.readTree(String.valueOf(result));
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> where = new ArrayList<>();
                v.path("nodes").forEach(n -> where.add(n.path("html").asText()));
                grave.add(shows + ": " + impact + " " + v.path("id").asText() + " (" + v.path("help").asText()
                        + ") at " + where);
            }
        }
        report.set(shows, violations);
    }
}
