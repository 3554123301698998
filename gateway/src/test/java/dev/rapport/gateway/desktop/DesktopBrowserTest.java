package dev.rapport.gateway.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import dev.rapport.contract.EventJson;
import dev.rapport.testkit.TestBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the desktop's browser tests share: one headless Chromium per class, the broker, the desktop's address, and
 * axe-core's verdict on a page.
 */
abstract class DesktopBrowserTest {
    /** axe-core from the web UI's npm modules (a pinned dev dependency); add it to a context as an init script. */
    static final Path AXE = Path.of("src/main/webui/node_modules/axe-core/axe.min.js");

    static TestBrowser browser;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL desktop;

    @BeforeAll
    static void startBrowser() {
        browser = new TestBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** axe-core's violations on the page (frames left out), as JSON. The context must have {@link #AXE} added. */
    static JsonNode axeViolations(Page page) throws Exception {
        Object result = page.evaluate("async () => JSON.stringify((await axe.run(document, "
                + "{ resultTypes: ['violations'], iframes: false })).violations)");
        return EventJson.mapper().readTree(String.valueOf(result));
    }

    /** The serious and critical ones, each with where it is. */
    static List<String> grave(JsonNode violations) {
        List<String> grave = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> where = new ArrayList<>();
                v.path("nodes").forEach(n -> where.add(n.path("html").asText()));
                grave.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " at " + where);
            }
        }
        return grave;
    }
}
