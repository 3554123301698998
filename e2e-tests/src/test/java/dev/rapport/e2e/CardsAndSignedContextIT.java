package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.testkit.TestBrowser;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workshop's never-shown {@code Services} as one card per service, and a framed CRM page that trusts the desktop
 * through its signed context: a script published through the API, a call popping it, script-service rendering the
 * repeat and the gateway signing the context, the agent's desktop in Chromium. Nothing faked.
 */
class CardsAndSignedContextIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RapportSystem system;
    private static HttpServer crm;
    private static String crmOrigin;

    @BeforeAll
    static void start() throws Exception {
        system = new RapportSystem("e2e_cards");
        crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        crm.createContext("/", exchange -> {
            byte[] body = ("<!doctype html><title>CRM</title><h1>waiting</h1><script>"
                    + "var m = /rapport_context=([^&]+)/.exec(location.hash);"
                    + "document.querySelector('h1').textContent = m ? 'context received' : 'no context';"
                    + "</script>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        crm.start();
        crmOrigin = "http://127.0.0.1:" + crm.getAddress().getPort();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (crm != null) {
            crm.stop(0);
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theAgentSeesACardPerServiceAndTheFramedPageGetsItsSignedContext() throws Exception {
        String admin = system.token("password", "admin", "admin");
        Map<String, Object> script = Map.of("name", "Cards " + java.util.UUID.randomUUID(), "startPageId", "start",
                "variables", List.of(
                        Map.of("name", "CustomerName", "type", "string", "input", true),
                        Map.of("name", "Services", "type", "string", "input", true),
                        Map.of("name", "Service List", "type", "string", "kind", "dynamic",
                                "expression", "split({{Services}}, \"|\")")),
                "pages", List.of(Map.of("id", "start", "name", "Start", "root", Map.of(
                        "type", "verticalContainer", "id", "root", "children", List.of(
                                Map.of("type", "horizontalContainer", "id", "cards", "repeatFor", "Service List",
                                        "children", List.of(Map.of("type", "verticalContainer", "id", "card",
                                                "children", List.of(Map.of("type", "text", "id", "service",
                                                        "text", "{{Item Index}}. {{Item}}"))))),
                                Map.of("type", "webPage", "id", "crm", "source", crmOrigin + "/case",
                                        "signedContext", Map.of("variables", List.of("CustomerName"))))))));
        HttpResponse<String> created = system.send("POST", "/api/v2/scripts", admin, script, Map.of());
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
        String scriptId = JSON.readTree(created.body()).path("id").asText();
        system.post("/api/v2/scripts/" + scriptId + "/publish", admin, Map.of());

        String interactionId = system.call("7204276664", "alex", Map.of("scriptId", scriptId,
                "inputs", Map.of("CustomerName", "Jane Doe", "Services", "Insurance|Childcare")));
        try (TestBrowser browser = new TestBrowser(); BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            TestBrowser.signIn(page, system.gateway.toURL(), "alex", "alex", "Alex Agent");
            page.locator("[data-interaction='" + interactionId + "']").click();

            Locator cards = page.locator("[data-component='cards'] > .vbox");
            assertThat(cards).hasCount(2);
            assertThat(page.locator("[data-component='service#1']")).hasText("1. Insurance");
            assertThat(page.locator("[data-component='service#2']")).hasText("2. Childcare");

            assertThat(page.frameLocator("iframe[data-component='crm']").locator("h1")).hasText("context received");
            String src = page.locator("iframe[data-component='crm']").getAttribute("src");
            String token = src.substring(src.indexOf("#rapport_context=") + "#rapport_context=".length());
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            JsonNode aud = claims.path("aud");
            assertThat(aud.isArray() ? aud.get(0).asText() : aud.asText()).isEqualTo(crmOrigin);
            assertThat(claims.path("interaction").path("id").asText()).isEqualTo(interactionId);
            assertThat(claims.path("agent").path("id").asText()).isEqualTo("alex");
            assertThat(claims.path("script").path("id").asText()).isEqualTo(scriptId);
            assertThat(claims.path("variables").path("CustomerName").asText()).isEqualTo("Jane Doe");

            // The API takes it for no token of its own.
            HttpResponse<String> refused = system.send("GET", "/api/v2/agent/interactions", token, null, Map.of());
            assertThat(refused.statusCode()).isEqualTo(401);
        }
    }
}
