package dev.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.testkit.TestBrowser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * What the admin console's browser tests of one section share: the shared system, one Chromium per class, a fresh
 * signed-in admin page per test (1280 px wide unless a test opens another), the API as the admin, and a screenshot
 * of the page when a test fails.
 */
abstract class AdminConsole {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TABLES = "/api/v2/flows/datatables";

    static RapportSystem system;
    static String admin;
    private static TestBrowser browser;

    BrowserContext context;
    Page page;
    private String testName;

    @BeforeAll
    static void startBrowser() throws Exception {
        system = RapportSystem.shared();
        browser = new TestBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signIn(TestInfo info) throws Exception {
        testName = getClass().getSimpleName() + "-" + info.getTestMethod().map(m -> m.getName()).orElse("test");
        admin = system.token("password", "admin", "admin");
        signInAt(1280, 860);
    }

    /** A new page of the given size, signed in as the admin (the one of the test is closed). */
    void signInAt(int width, int height) throws Exception {
        if (context != null) {
            context.close();
        }
        context = browser.newContext();
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        page.setViewportSize(width, height);
        page.onDialog(dialog -> dialog.accept());
        TestBrowser.signIn(page, system.gateway.toURL(), "admin", "admin", "Ada Admin");
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** Runs the browser part; on failure keeps a screenshot and says where the page was. */
    void inBrowser(Steps steps) throws Exception {
        try {
            steps.run();
        } catch (Exception | AssertionError e) {
            Path failed = RapportSystem.ROOT.resolve("e2e-tests/target/" + testName + "-failure.png");
            try {
                Files.createDirectories(failed.getParent());
                page.screenshot(new Page.ScreenshotOptions().setPath(failed).setFullPage(true));
            } catch (RuntimeException ignored) {
                // the failure itself matters more
            }
            throw new AssertionError("failed at " + page.url() + " (screenshot " + failed + ")", e);
        }
    }

    void open(String hash) {
        page.navigate(system.gateway + "/#/admin/" + hash);
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator tab(String name) {
        return page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator exact(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** The rendered box of a locator: {x, y, width, height}. */
    static Map<String, Double> box(Locator locator) {
        var b = locator.boundingBox();
        assertThat(b).as("a box for " + locator).isNotNull();
        return Map.of("x", b.x, "y", b.y, "width", b.width, "height", b.height);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A table made through the API, as the schema editor would send it; answers its id. */
    static String createTable(String name, String keyLabel, Map<String, String> columnTypes) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("key", Map.of("title", keyLabel, "type", "string", "$id", "/properties/key", "displayOrder", 0));
        int order = 1;
        for (Map.Entry<String, String> c : columnTypes.entrySet()) {
            properties.put(c.getKey(), Map.of("title", c.getKey(), "type", c.getValue(),
                    "$id", "/properties/" + c.getKey(), "displayOrder", order++));
        }
        Map<String, Object> schema = Map.of("$schema", "http://json-schema.org/draft-04/schema#", "title", name,
                "type", "object", "required", List.of("key"), "properties", properties, "additionalProperties", false);
        return call("POST", TABLES, Map.of("name", name, "schema", schema)).path("id").asText();
    }

    /** Any call as the admin that must succeed; answers the JSON body (a missing node when empty). */
    static JsonNode call(String method, String path, Object body) throws Exception {
        HttpResponse<String> r = system.send(method, path, admin, body, Map.of());
        assertThat(r.statusCode()).as(method + " " + path + " " + r.body()).isBetween(200, 299);
        return r.body().isBlank() ? JSON.missingNode() : JSON.readTree(r.body());
    }

    @FunctionalInterface
    interface Steps {
        void run() throws Exception;
    }
}
