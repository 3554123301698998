package dev.rapport.gateway.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.SessionState;
import dev.rapport.gateway.agent.Sessions;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestBrowser;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * axe-core (the npm dev dependency, pinned in package.json) over the desktop with an interaction open, its alerts,
 * a running action and an offered second interaction: no serious or critical violation.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class DesktopAccessibilityBrowserTest extends DesktopBrowserTest {
    private static final Path AXE = Path.of("src/main/webui/node_modules/axe-core/axe.min.js");

    @Test
    void theDesktopWithAnInteractionOpenHasNoSeriousOrCriticalViolations() throws Exception {
        assertThat(AXE).as("axe-core from npm (npm ci in src/main/webui)").exists();
        AgentShiftBrowserTest.endOpenSessions(bootstrap, "alex");
        String id = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        try (BrowserContext context = browser.newContext()) {
            // An init script is not subject to the page's CSP (script-src 'self'); the page itself is unchanged.
            context.addInitScript(AXE);
            Page page = context.newPage();
            TestBrowser.signIn(page, desktop, "alex", "alex", "Alex Agent");
            SessionState s = AgentShiftBrowserTest.workshop(id, 1, "connected", List.of(
                    new SessionState.Alert("a-1", "Case Updated Successfully", "success", Instant.now()),
                    new SessionState.Alert("a-2", "Failed to Update Case", "error", Instant.now())), List.of(
                    new SessionState.ActionRun("run-1", "Update Case", "submit", "running", null, Instant.now())));
            probe.send(Sessions.record(new SessionState(id, 1, "connected", s.ani(), s.dnis(),
                    Map.of("Reason", "billing"), null, s.agent(), s.updatedAt(), s.script(), s.page(), Map.of(),
                    s.alerts(), s.actions())));
            assertThat(page.locator("[data-component='greeting']")).isVisible();
            probe.send(Sessions.record(AgentShiftBrowserTest.workshop(other, 1, "connected", List.of(), List.of())));
            assertThat(page.locator("[data-offer='" + other + "']")).isVisible();
            probe.send(Sessions.record(Sessions.state(UUID.randomUUID().toString(), 1, "ended", "alex")));
            assertThat(page.locator(".interactions ul.recent")).isVisible();

            Object result = page.evaluate("async () => JSON.stringify((await axe.run(document, "
                    + "{ resultTypes: ['violations'], iframes: false })).violations)");
            JsonNode violations = EventJson.mapper().readTree(String.valueOf(result));
            List<String> grave = new ArrayList<>();
            for (JsonNode v : violations) {
                String impact = v.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> where = new ArrayList<>();
                    v.path("nodes").forEach(n -> where.add(n.path("html").asText()));
                    grave.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " at " + where);
                }
            }
            assertThat(grave).as("axe-core's serious and critical violations").isEmpty();
            Files.writeString(Path.of("target/axe-desktop.json"), violations.toPrettyString());
            probe.send(Sessions.record(Sessions.state(id, 99, "ended", "alex")));
            probe.send(Sessions.record(Sessions.state(other, 99, "ended", "alex")));
        }
    }
}
