package dev.rapport.gateway.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.contract.EventJson;
import dev.rapport.gateway.agent.Sessions;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestBrowser;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The desktop draws a repeating container's items as script-service renders them (a card per service, the note past
 * the bound), and frames a web page that asks for a signed context with its token in the fragment.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class CardsAndSignedContextBrowserTest extends DesktopBrowserTest {

    @Test
    void oneCardPerServiceAndAFramedPageThatReceivesItsSignedContext() throws Exception {
        HttpServer crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // The page reads the fragment as an embedded app would, and says what it found.
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
        try {
            String origin = "http://127.0.0.1:" + crm.getAddress().getPort();
            String interactionId = UUID.randomUUID().toString();
            // As script-service renders a horizontal container repeating a card for split({{Services}}, "|").
            JsonNode page = EventJson.mapper().valueToTree(Map.of("id", "start", "name", "Start", "invalid", false,
                    "root", c("root", "verticalContainer", Map.of("children", List.of(
                            c("cards", "horizontalContainer", Map.of("children", List.of(
                                    card(1, "Insurance"), card(2, "Childcare"),
                                    c("cards#more", "text", Map.of("text",
                                            "Showing the first 2 of 3 items of Service List."))))),
                            c("crm", "webPage", Map.of("source", origin + "/case?ani=7204276664#top",
                                    "signedContext", Map.of("variables", Map.of("CustomerName", "Ada")))))))));
            new TopicProbe(bootstrap).send(Sessions.record(Sessions.state(interactionId, 1, "connected", "alex",
                    Instant.now(), page, List.of(), List.of())));

            try (BrowserContext context = browser.newContext()) {
                Page p = context.newPage();
                TestBrowser.signIn(p, desktop, "alex", "alex", "Alex Agent");
                p.locator("[data-interaction='" + interactionId + "']").click();

                Locator cards = p.locator("[data-component='cards'] > .vbox");
                assertThat(cards).hasCount(2);
                assertThat(cards.nth(0).locator("[data-component='service#1']")).hasText("1. Insurance");
                assertThat(cards.nth(1).locator("[data-component='service#2']")).hasText("2. Childcare");
                assertThat(p.locator("[data-component='cards#more']"))
                        .hasText("Showing the first 2 of 3 items of Service List.");

                Locator frame = p.locator("iframe[data-component='crm']");
                assertThat(frame).hasAttribute("sandbox", "allow-scripts allow-popups");
                assertThat(p.frameLocator("iframe[data-component='crm']").locator("h1")).hasText("context received");
                String src = frame.getAttribute("src");
                assertThat(src).startsWith(origin + "/case?ani=7204276664#top&rapport_context=");
                String token = src.substring(src.indexOf("rapport_context=") + "rapport_context=".length());
                JsonNode claims = EventJson.mapper().readTree(
                        Base64.getUrlDecoder().decode(token.split("\\.")[1]));
                JsonNode aud = claims.path("aud");
                assertThat(aud.isArray() ? aud.get(0).asText() : aud.asText()).isEqualTo(origin);
                assertThat(claims.path("interaction").path("id").asText()).isEqualTo(interactionId);
                assertThat(claims.path("agent").path("name").asText()).isEqualTo("Alex Agent");
                assertThat(claims.path("variables").path("CustomerName").asText()).isEqualTo("Ada");
            }
        } finally {
            crm.stop(0);
        }
    }

    private static Map<String, Object> card(int n, String service) {
        return c("card#" + n, "verticalContainer", Map.of("children", List.of(
                c("service#" + n, "text", Map.of("text", n + ". " + service)))));
    }

    private static Map<String, Object> c(String id, String type, Map<String, Object> fields) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("type", type);
        c.put("visible", true);
        c.put("enabled", true);
        c.putAll(fields);
        return c;
    }
}
