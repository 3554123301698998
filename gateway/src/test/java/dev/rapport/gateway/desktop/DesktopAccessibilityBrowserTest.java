package dev.rapport.gateway.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * axe-core (the npm dev dependency, pinned in package.json) over the desktop with an interaction open, its alerts,
 * an Info Banner, the End button, a running action and an offered second interaction: no serious or critical
 * violation. (The wrap-up form is checked open in {@code InteractionActionsBrowserTest}.)
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class DesktopAccessibilityBrowserTest extends DesktopBrowserTest {
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
            ((com.fasterxml.jackson.databind.node.ObjectNode) s.page()).putObject("banner")
                    .put("message", "Caller is a VIP: offer the loyalty discount").put("level", "warning");
            probe.send(Sessions.record(new SessionState(id, 1, "connected", s.ani(), s.dnis(),
                    Map.of("Reason", "billing"), null, s.agent(), s.updatedAt(), s.script(), s.page(), Map.of(),
                    s.alerts(), s.actions())));
            assertThat(page.locator("[data-component='greeting']")).isVisible();
            probe.send(Sessions.record(AgentShiftBrowserTest.workshop(other, 1, "connected", List.of(), List.of())));
            assertThat(page.locator("[data-offer='" + other + "']")).isVisible();
            probe.send(Sessions.record(Sessions.state(UUID.randomUUID().toString(), 1, "ended", "alex")));
            assertThat(page.locator(".interactions ul.recent")).isVisible();

            assertThat(page.locator("[data-action='end']")).isVisible();
            assertThat(page.locator("[data-banner='warning']")).isVisible();

            JsonNode violations = axeViolations(page);
            assertThat(grave(violations)).as("axe-core's serious and critical violations").isEmpty();
            Files.writeString(Path.of("target/axe-desktop.json"), violations.toPrettyString());
            probe.send(Sessions.record(Sessions.state(id, 99, "ended", "alex")));
            probe.send(Sessions.record(Sessions.state(other, 99, "ended", "alex")));
        }
    }
}
