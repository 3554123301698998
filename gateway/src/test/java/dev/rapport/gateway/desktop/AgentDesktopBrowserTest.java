package dev.rapport.gateway.desktop;

import dev.rapport.testkit.TestBrowser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Roles;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.gateway.agent.Sessions;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.gateway.Tokens;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent desktop in headless Chromium against the real gateway and broker. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class AgentDesktopBrowserTest {
    private static final String GREETING = "Hi <script>alert(1)</script>, thanks for calling Health Client Services. "
            + "My name is Alex Agent, how can I help you today?";
    private static final Path SCREENSHOT = Path.of("..", "docs", "images", "agent-page.png");

    private static TestBrowser browser;
    private static FramedPages framed;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL desktop;

    @BeforeAll
    static void start() throws Exception {
        browser = new TestBrowser();
        framed = new FramedPages();
    }

    @AfterAll
    static void stop() {
        browser.close();
        framed.close();
    }

    @Test
    void theAgentSeesTheScriptEscapedFramedAndLiveAndTheirInputsBecomeCommands() {
        String interactionId = UUID.randomUUID().toString();
        String mapUrl = framed.url("/map?ani=7204276664");
        String kbUrl = framed.url("/kb/billing");
        TopicProbe probe = new TopicProbe(bootstrap);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            AtomicBoolean dialog = new AtomicBoolean();
            page.onDialog(d -> {
                dialog.set(true);
                d.dismiss();
            });
            signIn(page, "alex", "alex");

            probe.send(Sessions.record(session(interactionId, 1, null, List.of(), List.of(), mapUrl, kbUrl)));
            page.locator("[data-interaction='" + interactionId + "']").click();

            Locator greeting = page.locator("[data-component='greeting']");
            assertThat(greeting).hasText(GREETING);
            assertThat(page.locator(".script-page script")).hasCount(0);
            Locator frames = page.locator("iframe.webpage");
            assertThat(frames).hasCount(2);
            assertThat(frames.nth(0)).hasAttribute("src", mapUrl);
            assertThat(frames.nth(1)).hasAttribute("src", kbUrl);
            assertThat(frames.nth(0)).hasAttribute("sandbox", "allow-scripts allow-popups");
            assertThat(frames.nth(0)).hasAttribute("referrerpolicy", "no-referrer");
            assertThat(page.frameLocator("iframe.webpage >> nth=0").locator("h1")).hasText("Map of the caller");

            page.locator("[data-variable='CaseStatus']").fill("Resolved");
            AgentCommand set = awaitCommand(interactionId, AgentCommand.Kind.SET_VARIABLE);
            assertThat(set.variable()).isEqualTo("CaseStatus");
            assertThat(set.value()).isEqualTo("Resolved");
            assertThat(set.agentId()).isEqualTo("alex");

            page.locator("button[data-component='submit']").click();
            assertThat(awaitCommand(interactionId, AgentCommand.Kind.CLICK).component()).isEqualTo("submit");

            probe.send(Sessions.record(session(interactionId, 2, "Resolved", List.of(), List.of(
                    new SessionState.ActionRun("run-1", "Update Case", "submit", "running", null, Instant.now())),
                    mapUrl, kbUrl)));
            assertThat(page.locator("button[data-component='submit']")).isDisabled();
            assertThat(page.locator("button[data-component='submit']")).hasAttribute("aria-busy", "true");

            probe.send(Sessions.record(session(interactionId, 3, "Resolved", List.of(
                    new SessionState.Alert("a-1", "Case Updated Successfully", "info", Instant.now())), List.of(
                    new SessionState.ActionRun("run-1", "Update Case", "submit", "succeeded", null, Instant.now())),
                    mapUrl, kbUrl)));
            assertThat(page.locator(".notice.info")).hasText("ℹInfo: Case Updated Successfully×");
            assertThat(page.locator("button[data-component='submit']")).isEnabled();
            assertThat(page.locator("[data-variable='CaseStatus']")).hasValue("Resolved");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT).setFullPage(true));
            assertThat(dialog).isFalse();
        }
    }

    @Test
    void anAgentCannotOpenAnotherAgentsInteraction() {
        String theirs = UUID.randomUUID().toString();
        new TopicProbe(bootstrap).send(Sessions.record(Sessions.state(theirs, 1, "connected", "blake")));
        // Once the gateway holds it, the API refuses it to alex (and it is not merely unknown).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .header("Authorization", Tokens.get().bearer("alex", Roles.AGENT))
                .get("/api/v2/agent/interactions/{id}/session", theirs).then().statusCode(403));
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "alex", "alex");
            page.navigate(desktop + "#/interactions/" + theirs);
            assertThat(page.locator(".detail [role='alert']")).containsText("403");
            assertThat(page.locator("[data-interaction='" + theirs + "']")).hasCount(0);
        }
    }

    private void signIn(Page page, String user, String password) {
        TestBrowser.signIn(page, desktop, user, password, "Alex Agent");
    }

    private AgentCommand awaitCommand(String interactionId, AgentCommand.Kind kind) {
        var records = new TopicProbe(bootstrap).read(Topics.AGENT_COMMANDS, r -> interactionId.equals(r.key())
                && EventJson.read(KafkaCloudEvents.fromRecord(r).data(), AgentCommand.class).type() == kind,
                1, Duration.ofSeconds(20), Duration.ZERO);
        assertThat(records).as("a %s command on %s", kind, Topics.AGENT_COMMANDS).isNotEmpty();
        return EventJson.read(KafkaCloudEvents.fromRecord(records.get(records.size() - 1)).data(), AgentCommand.class);
    }

    private static SessionState session(String interactionId, long version, String caseStatus,
                                        List<SessionState.Alert> alerts, List<SessionState.ActionRun> actions,
                                        String mapUrl, String kbUrl) {
        return Sessions.state(interactionId, version, "connected", "alex", Instant.now(),
                WorkshopPage.render(GREETING, mapUrl, kbUrl, caseStatus), alerts, actions);
    }
}
