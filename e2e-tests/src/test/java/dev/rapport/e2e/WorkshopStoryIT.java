package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.rapport.infra.demo.DemoLoader;
import dev.rapport.testkit.TestBrowser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
    private static final Path ROOT = Path.of(System.getProperty("rapport.root", ".."));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Infra infra;
    private static final java.util.List<ServiceProcess> processes = new java.util.ArrayList<>();
    private static URI gateway;
    private static DemoLoader.Loaded demo;

    @BeforeAll
    static void start() throws Exception {
        infra = new Infra();
        int gatewayPort = ServiceProcess.freePort();
        gateway = URI.create("http://127.0.0.1:" + gatewayPort);
        String jwks = gateway + "/oauth/jwks";
        Path key = ROOT.resolve("e2e-tests/target/e2e-keys/jwt-signing-" + UUID.randomUUID() + ".pem");
        Files.createDirectories(key.getParent());

        ServiceProcess datatable = service("datatable-service", "e2e_datatable", jwks, Map.of());
        ServiceProcess action = service("action-service", "e2e_action", jwks, Map.of(
                "RAPPORT_ACTIONS_INTERNAL_BASE_URL", gateway.toString(),
                "RAPPORT_ACTIONS_ALLOWED_DESTINATIONS", "127.0.0.1"));
        ServiceProcess script = service("script-service", "e2e_script", jwks, Map.of(
                "RAPPORT_SCRIPTS_ACTION_SERVICE_URL", "http://127.0.0.1:" + action.port()));
        Map<String, String> gatewayEnv = new HashMap<>(infra.env(null));
        gatewayEnv.remove("RAPPORT_JWT_PUBLIC_KEY");
        gatewayEnv.put("QUARKUS_PROFILE", "prod,demo");
        gatewayEnv.put("RAPPORT_IDENTITY_SIGNING_KEY", key.toString());
        gatewayEnv.put("RAPPORT_ROUTES_DATATABLE", "http://127.0.0.1:" + datatable.port());
        gatewayEnv.put("RAPPORT_ROUTES_SCRIPT", "http://127.0.0.1:" + script.port());
        gatewayEnv.put("RAPPORT_ROUTES_ACTION", "http://127.0.0.1:" + action.port());
        ServiceProcess gw = new ServiceProcess("gateway", gatewayPort, gatewayEnv, List.of());
        for (ServiceProcess p : List.of(gw, datatable, action, script)) {
            processes.add(p.start());
        }
        demo = new DemoLoader(gateway, ROOT.resolve("demo")).load("admin", "admin");
    }

    private static ServiceProcess service(String name, String database, String jwks, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(infra.env(infra.postgres.newDatabase(database)));
        env.put("RAPPORT_JWT_PUBLIC_KEY", jwks);
        env.putAll(extra);
        return new ServiceProcess(name, env, List.of());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (ServiceProcess p : processes) {
            p.close();
        }
        if (infra != null) {
            infra.close();
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
            page.screenshot(new Page.ScreenshotOptions().setPath(ROOT.resolve("docs/images/workshop-story.png")));
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

    /** An IVR call connected to {@code agent}; {@code screenPop} null lets the demo's flow decide. */
    private static String call(String ani, String agent, Map<String, Object> screenPop) throws Exception {
        String ivr = token("client_credentials", "ivr", "ivr-secret");
        String interactionId = UUID.randomUUID().toString();
        Map<String, Object> started = new HashMap<>(Map.of("id", UUID.randomUUID().toString(), "type", "started",
                "interactionId", interactionId, "ani", ani, "dnis", "8005551234"));
        if (screenPop != null) {
            started.put("screenPop", screenPop);
        }
        post("/api/v2/interactions/events", ivr, started);
        post("/api/v2/interactions/events", ivr, Map.of("id", UUID.randomUUID().toString(), "type", "connected",
                "interactionId", interactionId, "agent", Map.of("id", agent,
                        "name", "alex".equals(agent) ? "Alex Agent" : agent)));
        return interactionId;
    }

    private interface Wanted {
        boolean test(JsonNode session);
    }

    private static JsonNode awaitSession(String interactionId, String token, Wanted wanted) {
        try {
            return awaitSessionOrFail(interactionId, token, wanted);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the session never got there; its timeline: " + timeline(interactionId), e);
        }
    }

    private static String timeline(String interactionId) {
        try {
            return get("/api/v2/interactions/" + interactionId + "/timeline", token("password", "admin", "admin"))
                    .toString();
        } catch (Exception | AssertionError e) {
            return e.toString();
        }
    }

    private static JsonNode awaitSessionOrFail(String interactionId, String token, Wanted wanted) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                            gateway.resolve("/api/v2/agent/interactions/" + interactionId + "/session"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return false;
            }
            last[0] = JSON.readTree(r.body());
            return wanted.test(last[0]);
        });
        return last[0];
    }

    private static String token(String grant, String user, String secret) throws Exception {
        String form = "grant_type=" + grant + (grant.equals("password")
                ? "&username=" + enc(user) + "&password=" + enc(secret)
                : "&client_id=" + enc(user) + "&client_secret=" + enc(secret));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static void post(String path, String token, Object body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(200, 299);
    }

    private static JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
