package dev.rapport.gateway.desktop;

import dev.rapport.testkit.TestBrowser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.gateway.agent.Sessions;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every component type of the script model is drawn, inputs send typed values, unsafe addresses are refused. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class EveryComponentBrowserTest extends DesktopBrowserTest {
    @Test
    void everyComponentTypeIsDrawnAndInputsSendTypedValues() {
        String interactionId = UUID.randomUUID().toString();
        String sameOrigin = desktop + "oauth/jwks";
        JsonNode page = EventJson.mapper().valueToTree(Map.of("id", "p", "name", "All", "invalid", false,
                "root", c("root", "verticalContainer", Map.of("children", List.of(
                        c("row", "horizontalContainer", Map.of("children", List.of(
                                c("hidden", "text", Map.of("text", "Never shown", "visible", false)),
                                c("note", "text", Map.of("text", "<b>not bold</b>"))))),
                        c("age", "numberInput", Map.of("variable", "Age", "value", 41)),
                        c("born", "dateInput", Map.of("variable", "Born", "value", "1984-02-03T00:00:00Z")),
                        c("notes", "multiLineInput", Map.of("variable", "Notes", "text", "Notes here")),
                        c("vip", "checkbox", Map.of("variable", "Vip", "text", "Very important", "value", false)),
                        c("plan", "radioGroup", Map.of("variable", "Plan", "options", List.of(
                                Map.of("value", "gold", "label", "Gold"), Map.of("value", "basic", "label", "Basic")))),
                        c("city", "dropdown", Map.of("variable", "City", "text", "Pick a city", "options", List.of(
                                Map.of("value", "den", "label", "Denver"), Map.of("value", "bos", "label", "Boston")))),
                        c("docs", "link", Map.of("text", "Docs", "source", "https://example.com/docs")),
                        c("evil", "link", Map.of("text", "Evil", "source", "javascript:alert(1)")),
                        c("relative", "link", Map.of("text", "Relative", "source", "/api/v2/users/me")),
                        c("schemeless", "link", Map.of("text", "Schemeless", "source", "//evil.example/x")),
                        c("home", "link", Map.of("text", "Home", "source", desktop + "#/admin")),
                        c("selfimg", "image", Map.of("text", "SelfImg", "source", desktop + "oauth/jwks")),
                        c("relimg", "image", Map.of("text", "RelImg", "source", "/favicon.ico")),
                        c("logo", "image", Map.of("text", "Logo", "source", "https://example.com/logo.png")),
                        c("self", "webPage", Map.of("source", sameOrigin)),
                        c("data", "webPage", Map.of("source", "data:text/html,<script>alert(1)</script>")),
                        c("locked", "button", Map.of("text", "Locked", "enabled", false)),
                        c("table", "listView", Map.of("headers", List.of("Name", "Plan"),
                                "rows", List.of(List.of("<i>Jo</i>", "gold"), List.of("Al", "basic")))))))));
        new TopicProbe(bootstrap).send(Sessions.record(Sessions.state(interactionId, 1, "connected", "alex",
                Instant.now(), page, List.of(), List.of())));

        try (BrowserContext context = browser.newContext()) {
            Page p = context.newPage();
            TestBrowser.signIn(p, desktop, "alex", "alex", "Alex Agent");
            p.locator("[data-interaction='" + interactionId + "']").click();

            assertThat(p.locator("[data-component='note']")).hasText("<b>not bold</b>");
            assertThat(p.locator("[data-component='hidden']")).hasCount(0);
            assertThat(p.locator("[data-variable='Age']")).hasValue("41");
            assertThat(p.locator("[data-variable='Born']")).hasValue("1984-02-03");
            assertThat(p.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Docs"))).hasAttribute("href", "https://example.com/docs");
            assertThat(p.locator("a", new Page.LocatorOptions().setHasText("Evil"))).hasCount(0);
            // Relative, scheme-relative and same-origin URLs are inert: text, no link, no image.
            for (String inert : List.of("Relative", "Schemeless", "Home")) {
                assertThat(p.locator("a", new Page.LocatorOptions().setHasText(inert))).hasCount(0);
                assertThat(p.getByText(inert, new Page.GetByTextOptions().setExact(true))).isVisible();
            }
            assertThat(p.locator("img[alt='SelfImg'], img[alt='RelImg']")).hasCount(0);
            assertThat(p.locator("img[alt='Logo']")).hasAttribute("src", "https://example.com/logo.png");
            assertThat(p.locator("iframe")).hasCount(0);
            assertThat(p.locator(".blocked")).hasCount(2);
            assertThat(p.locator("button[data-component='locked']")).isDisabled();
            assertThat(p.locator("table.list tbody tr")).hasCount(2);
            assertThat(p.locator("table.list tbody tr").first().locator("td").first()).hasText("<i>Jo</i>");

            p.locator("[data-variable='Age']").fill("42");
            p.locator("[data-variable='Vip']").check();
            p.getByLabel("Basic").check();
            p.locator("[data-variable='City']").selectOption("bos");
            p.locator("[data-variable='Notes']").fill("line one\nline two");
            p.locator("[data-variable='Notes']").blur();

            Map<String, Object> sent = new java.util.HashMap<>();
            new TopicProbe(bootstrap).read(Topics.AGENT_COMMANDS, r -> interactionId.equals(r.key()), 5,
                            Duration.ofSeconds(20), Duration.ofMillis(500)).stream()
                    .map(r -> EventJson.read(KafkaCloudEvents.fromRecord(r).data(), AgentCommand.class))
                    .filter(c -> c.type() == AgentCommand.Kind.SET_VARIABLE)
                    .forEach(c -> sent.put(c.variable(), c.value()));
            assertThat(sent).containsEntry("Age", 42).containsEntry("Vip", true).containsEntry("Plan", "basic")
                    .containsEntry("City", "bos").containsEntry("Notes", "line one\nline two");
        }
    }

    private static Map<String, Object> c(String id, String type, Map<String, Object> fields) {
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("id", id);
        c.put("type", type);
        c.put("visible", true);
        c.put("enabled", true);
        c.putAll(fields);
        return c;
    }
}
