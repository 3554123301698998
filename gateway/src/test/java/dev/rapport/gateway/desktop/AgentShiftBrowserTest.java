package dev.rapport.gateway.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.Roles;
import dev.rapport.gateway.Tokens;
import dev.rapport.contract.SessionState;
import dev.rapport.gateway.agent.Sessions;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestBrowser;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desktop through a shift: screen pops, the list's order and Recent, focus, alert levels, participant data. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class AgentShiftBrowserTest extends DesktopBrowserTest {
    private final List<String> opened = new ArrayList<>();

    @BeforeEach
    void startTheShift() {
        endOpenSessions(bootstrap, "alex");
    }

    /**
     * Ends every open session of the agent (other tests leave theirs connected, or owing a wrap-up), so a sign-in has
     * nothing to pop or list as active but what the test sends.
     */
    static void endOpenSessions(String bootstrap, String agent) {
        TopicProbe probe = new TopicProbe(bootstrap);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode list = EventJson.mapper().readTree(given()
                    .header("Authorization", Tokens.get().bearer(agent, Roles.AGENT))
                    .get("/api/v2/agent/interactions").then().statusCode(200).extract().asString());
            List<String> open = new ArrayList<>();
            for (JsonNode e : list.path("entities")) {
                // open: not ended, or a wrap-up still owed (it would stay in the active list)
                if (!"ended".equals(e.path("state").asText())
                        || "pending".equals(e.path("wrapup").path("status").asText())) {
                    open.add(e.path("interactionId").asText());
                    probe.send(Sessions.record(Sessions.state(e.path("interactionId").asText(),
                            e.path("version").asLong() + 1, "ended", agent)));
                }
            }
            assertThat(open).as("%s's open sessions", agent).isEmpty();
        });
    }

    /** Ends what the test connected, so the next test's sign-in has nothing of it to pop. */
    @AfterEach
    void endSessions() {
        TopicProbe probe = new TopicProbe(bootstrap);
        opened.forEach(id -> probe.send(Sessions.record(Sessions.state(id, 99, "ended", "alex"))));
    }

    @Test
    void anAnsweredInteractionOpensByItselfAndASecondOneIsOfferedWithoutStealingTheFocus() {
        String first = newId();
        String second = newId();
        TopicProbe probe = new TopicProbe(bootstrap);
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context);
            probe.send(Sessions.record(workshop(first, 1, "connected", List.of(), List.of())));

            assertThat(page).hasURL(Pattern.compile("#/interactions/" + first + "$"));
            assertThat(page.locator("[data-component='greeting']")).isVisible();
            assertThat(page.locator("#detail-title")).isFocused();

            page.locator("[data-variable='CaseStatus']").focus();
            probe.send(Sessions.record(workshop(second, 1, "connected", List.of(), List.of())));
            Locator offer = page.locator("[role='status'] [data-offer='" + second + "']");
            assertThat(offer).containsText("New interaction connected to you");
            assertThat(page).hasURL(Pattern.compile("#/interactions/" + first + "$"));
            assertThat(page.locator("[data-variable='CaseStatus']")).isFocused();

            offer.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Switch to 7204276664")).click();
            assertThat(page).hasURL(Pattern.compile("#/interactions/" + second + "$"));
            assertThat(page.locator("#detail-title")).isFocused();
            assertThat(page.locator("[data-offer]")).hasCount(0);
        }
    }

    @Test
    void activeInteractionsKeepTheirPlaceAndEndedOnesMoveToRecent() {
        String a = newId();
        String b = newId();
        String c = newId();
        TopicProbe probe = new TopicProbe(bootstrap);
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context);
            Instant start = Instant.now();
            probe.send(Sessions.record(plain(a, 1, "alerting", start)));
            probe.send(Sessions.record(plain(b, 1, "alerting", start.plusSeconds(1))));
            probe.send(Sessions.record(plain(c, 1, "alerting", start.plusSeconds(2))));
            Locator active = page.locator(".interactions ul.active [data-interaction]");
            assertThat(active).hasCount(3);
            // The first one is updated last: it stays where it was.
            probe.send(Sessions.record(plain(a, 2, "connected", start.plusSeconds(30))));
            assertThat(page.locator("[data-interaction='" + a + "'] .badge")).hasText("connected");
            assertThat(active.nth(0)).hasAttribute("data-interaction", a);
            assertThat(active.nth(1)).hasAttribute("data-interaction", b);

            probe.send(Sessions.record(plain(b, 2, "ended", start.plusSeconds(40))));
            assertThat(page.locator(".interactions ul.recent [data-interaction='" + b + "']")).isVisible();
            assertThat(page.locator(".interactions h3")).hasText("Recent");
            assertThat(active).hasCount(2);
            assertThat(active.nth(0)).hasAttribute("data-interaction", a);
            assertThat(active.nth(1)).hasAttribute("data-interaction", c);
        }
    }

    @Test
    void afterSubmitTheFocusStaysOnTheButtonAndAFailedDataActionIsAFailure() {
        String id = newId();
        TopicProbe probe = new TopicProbe(bootstrap);
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context);
            probe.send(Sessions.record(workshop(id, 1, "connected", List.of(), List.of())));
            Locator submit = page.locator("button[data-component='submit']");
            submit.focus();
            page.keyboard().press("Enter");
            probe.send(Sessions.record(workshop(id, 2, "connected", List.of(), List.of(
                    new SessionState.ActionRun("run-1", "Update Case", "submit", "running", null, Instant.now())))));
            assertThat(submit).hasAttribute("aria-busy", "true");
            assertThat(submit).isFocused();
            // The run reports succeeded, but its data action failed: the agent reads a failure.
            probe.send(Sessions.record(workshop(id, 3, "connected", List.of(), List.of(
                    new SessionState.ActionRun("run-1", "Update Case", "submit", "succeeded",
                            "data action Update Case failed: 404", Instant.now())))));
            assertThat(submit).hasAttribute("aria-busy", "false");
            assertThat(submit).isFocused();
            assertThat(page.locator(".button-wrap [role='alert']")).containsText("Failed: data action Update Case failed");
        }
    }

    @Test
    void alertsSayTheirLevelAndErrorsAreAlerts() {
        String id = newId();
        TopicProbe probe = new TopicProbe(bootstrap);
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context);
            probe.send(Sessions.record(workshop(id, 1, "connected", List.of(
                    new SessionState.Alert("a-1", "Case Updated Successfully", "success", Instant.now()),
                    new SessionState.Alert("a-2", "Customer has an open complaint", "warning", Instant.now()),
                    new SessionState.Alert("a-3", "Failed to Update Case", "error", Instant.now())), List.of())));
            assertThat(page.locator("[role='status'] .notice.success")).hasText("✓Success: Case Updated Successfully×");
            assertThat(page.locator("[role='status'] .notice.warning")).containsText("Warning: Customer has an open");
            assertThat(page.locator(".notice.error[role='alert']")).containsText("Error: Failed to Update Case");
            assertThat(page.locator("[role='status'] .notice.error")).hasCount(0);
        }
    }

    @Test
    void participantDataIsExplained() {
        String id = newId();
        TopicProbe probe = new TopicProbe(bootstrap);
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context);
            SessionState s = workshop(id, 1, "connected", List.of(), List.of());
            probe.send(Sessions.record(new SessionState(id, 1, "connected", s.ani(), s.dnis(),
                    Map.of("Reason", "billing"), null, s.agent(), s.updatedAt(), s.script(), s.page(), Map.of(),
                    List.of(), List.of())));
            Locator data = page.locator(".participant-data");
            assertThat(data.locator("h3")).hasText("Participant data");
            assertThat(data).containsText("What the caller gave");
            assertThat(data.locator("dl[aria-labelledby='participant-data-title']")).containsText("billing");
        }
    }

    private String newId() {
        String id = UUID.randomUUID().toString();
        opened.add(id);
        return id;
    }

    private Page signedIn(BrowserContext context) {
        Page page = context.newPage();
        TestBrowser.signIn(page, desktop, "alex", "alex", "Alex Agent");
        assertThat(page.locator(".interactions .status")).hasText("live");
        return page;
    }

    static SessionState workshop(String id, long version, String state, List<SessionState.Alert> alerts,
                                 List<SessionState.ActionRun> actions) {
        return Sessions.state(id, version, state, "alex", Instant.now(),
                WorkshopPage.render("Hello", "https://maps.example.org/", "https://kb.example.org/", null),
                alerts, actions);
    }

    private static SessionState plain(String id, long version, String state, Instant at) {
        return new SessionState(id, version, state, "7204276664", "8005551234", Map.of(), null,
                new InteractionEvent.AgentRef("alex", "alex", null), at);
    }
}
