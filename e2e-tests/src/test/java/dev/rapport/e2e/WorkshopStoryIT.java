package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.rapport.infra.demo.DemoLoader;
import dev.rapport.testkit.TestBrowser;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workshop story of ARCHITECTURE.md with nothing faked: the four services as processes, the demo loaded through
 * the API as an admin would, a call from a known number, the agent's Submit running the imported Genesys action
 * against datatable-service, the alert, and the row holding the new status.
 */
class WorkshopStoryIT {
    private static RapportSystem system;
    private static URI gateway;
    private static DemoLoader.Loaded demo;

    @BeforeAll
    static void start() throws Exception {
        system = new RapportSystem("e2e");
        gateway = system.gateway;
        demo = new DemoLoader(gateway, RapportSystem.ROOT.resolve("demo")).load("admin", "admin");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aKnownCallerReachesTheAgentWhoUpdatesTheCaseWithTheWorkshopAction() throws Exception {
        String ivr = token("client_credentials", "ivr", "ivr-secret");
        String alex = token("password", "alex", "alex");
        String admin = token("password", "admin", "admin");
        String interactionId = UUID.randomUUID().toString();

        post("/api/v2/interactions/events", ivr, Map.of("id", UUID.randomUUID().toString(), "type", "started",
                "interactionId", interactionId, "ani", "7204276664", "dnis", "8005551234"));
        post("/api/v2/interactions/events", ivr, Map.of("id", UUID.randomUUID().toString(), "type", "connected",
                "interactionId", interactionId, "agent", Map.of("id", "alex", "name", "Alex Agent")));

        JsonNode session = awaitSession(interactionId, alex, s -> s.path("script").has("id")
                && "connected".equals(s.path("state").asText()));
        String page = session.path("page").toString();
        assertThat(page).contains("Hi Jane Doe").contains("My name is Alex Agent").contains("openstreetmap.org");

        post("/api/v2/agent/interactions/" + interactionId + "/commands", alex,
                Map.of("type", "setVariable", "variable", "CaseStatus", "value", "Resolved by phone"));
        post("/api/v2/agent/interactions/" + interactionId + "/commands", alex,
                Map.of("type", "click", "component", "Submit"));

        JsonNode alerted = awaitSession(interactionId, alex, s -> s.path("variables").path("successresponse")
                .asText().equals("Case Updated Successfully"));
        assertThat(alerted.path("variables").path("CaseStatus").asText()).isEqualTo("Resolved by phone");

        JsonNode row = get("/api/v2/flows/datatables/" + demo.tableId() + "/rows/7204276664?showbrief=false", admin);
        assertThat(row.path("CaseStatus").asText()).isEqualTo("Resolved by phone");
        assertThat(row.path("CustomerName").asText()).isEqualTo("Jane Doe");

        // Every agent action attributed: the row's history names alex and the action, not only action-service...
        JsonNode change = get("/api/v2/flows/datatables/" + demo.tableId() + "/rows/7204276664/history", admin)
                .path("entities").get(0);
        assertThat(change.path("newValues").path("CaseStatus").asText()).isEqualTo("Resolved by phone");
        assertThat(change.path("changedBy").asText()).as("the agent, and what they clicked").isEqualTo("alex via Update Case");
        assertThat(change.path("principal").asText()).isEqualTo("action-service");
        assertThat(change.path("onBehalfOf").path("name").asText()).isEqualTo("Alex Agent");
        // ...and the timeline says who clicked what, and which data action ran for whom
        JsonNode timeline = get("/api/v2/interactions/" + interactionId + "/timeline", admin).path("entities");
        assertThat(timeline.findValuesAsText("summary")).contains("Alex Agent clicked Submit")
                .anySatisfy(summary -> assertThat(summary).startsWith(DemoLoader.ACTION + " succeeded for Alex Agent"));
    }

    @Test
    void inTheBrowserTheAgentSeesTheCustomerAndUpdatesTheCase() throws Exception {
        String interactionId = call("7204276664", "alex", null);
        try (TestBrowser browser = new TestBrowser(); BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            TestBrowser.signIn(page, gateway.toURL(), "alex", "alex", "Alex Agent");
            page.locator("[data-interaction='" + interactionId + "']").click();

            Locator greeting = page.locator("[data-component='greeting']");
            assertThat(greeting).containsText("Hi Jane Doe");
            assertThat(greeting).containsText("My name is Alex Agent");
            assertThat(page.locator("iframe.webpage")).hasCount(2);
            assertThat(page.locator("iframe.webpage").first()).hasAttribute("src",
                    java.util.regex.Pattern.compile("openstreetmap\\.org"));
            page.locator("[data-variable='CaseStatus']").fill("Closed in the browser");
            // The input sends its value after a short pause; Submit then runs the imported Genesys action for real.
            page.waitForTimeout(800);
            page.locator("button[data-component='submit']").click();
            try {
                assertThat(page.locator(".notice")).containsText("Case Updated Successfully",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            } catch (AssertionError e) {
                throw new AssertionError("no notice; the timeline: " + timeline(interactionId), e);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(RapportSystem.ROOT.resolve("docs/images/workshop-story.png")));
        }
        String admin = token("password", "admin", "admin");
        JsonNode row = get("/api/v2/flows/datatables/" + demo.tableId() + "/rows/7204276664?showbrief=false", admin);
        org.assertj.core.api.Assertions.assertThat(row.path("CaseStatus").asText()).isEqualTo("Closed in the browser");
    }

    @Test
    void inTheBrowserAFailingDataActionShowsTheWorkshopsFailureAlert() throws Exception {
        // The IVR pops the script for a number without a row: the action's PUT answers 404 and the action fails.
        String scriptId = get("/api/v2/scripts?name=" + enc(DemoLoader.SCRIPT), token("password", "admin", "admin"))
                .path("entities").get(0).path("id").asText();
        String interactionId = call("5550001111", "alex", Map.of("scriptId", scriptId, "inputs",
                Map.of("ANI", "5550001111", "CustomerName", "Nobody", "DataTableID", demo.tableId())));
        try (TestBrowser browser = new TestBrowser(); BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            TestBrowser.signIn(page, gateway.toURL(), "alex", "alex", "Alex Agent");
            page.locator("[data-interaction='" + interactionId + "']").click();
            assertThat(page.locator("[data-component='greeting']")).containsText("Hi Nobody");
            page.locator("[data-variable='CaseStatus']").fill("Anything");
            page.waitForTimeout(800);
            page.locator("button[data-component='submit']").click();
            assertThat(page.locator(".notice")).containsText("Failed to Update Case",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        }
    }

    @Test
    void inTheBrowserAnAgentCannotOpenAnotherAgentsInteraction() throws Exception {
        String theirs = call("7204276664", "blake", null);
        awaitSession(theirs, token("password", "admin", "admin"), s -> s.path("script").has("id"));
        try (TestBrowser browser = new TestBrowser(); BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            TestBrowser.signIn(page, gateway.toURL(), "alex", "alex", "Alex Agent");
            page.navigate(gateway + "/#/interactions/" + theirs);
            assertThat(page.locator(".detail [role='alert']")).containsText("403");
            assertThat(page.locator("[data-interaction='" + theirs + "']")).hasCount(0);
        }
    }

    private static String call(String ani, String agent, Map<String, Object> screenPop) throws Exception {
        return system.call(ani, agent, screenPop);
    }

    private static JsonNode awaitSession(String interactionId, String token, java.util.function.Predicate<JsonNode> wanted) {
        return system.awaitSession(interactionId, token, wanted);
    }

    private static String timeline(String interactionId) {
        return system.timeline(interactionId);
    }

    private static String token(String grant, String user, String secret) throws Exception {
        return system.token(grant, user, secret);
    }

    private static void post(String path, String token, Object body) throws Exception {
        system.post(path, token, body);
    }

    private static JsonNode get(String path, String token) throws Exception {
        return system.get(path, token);
    }

    private static String enc(String s) {
        return RapportSystem.enc(s);
    }
}
