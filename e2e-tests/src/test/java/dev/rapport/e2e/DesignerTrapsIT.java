package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The script designer's traps a new user fell into (issue 15): Publish hidden in the Versions tab, the custom action
 * editor squeezed into a narrow column with an add-step pair per list, a data action picker without search,
 * side-by-side web pages drawn stacked at 1024 px, and forms opening without the focus.
 */
class DesignerTrapsIT extends AdminConsole {

    @Test
    void publishIsInTheToolbarAndTheVersionsTabStillListsTheVersions() throws Exception {
        String id = create(script("Toolbar publish " + suffix()));
        inBrowser(() -> {
            openDesigner(id);
            Locator toolbar = page.locator(".d-toolbar");
            toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish").setExact(true))
                    .click();
            assertThat(toolbar.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                    .setHasText("Published version 1"))).isVisible();
            tab("Versions").click();
            assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("1 (current)")))
                    .isVisible();
        });
        assertThat(call("GET", "/api/v2/scripts/" + id, null).path("currentVersion").asInt()).isEqualTo(1);
    }

    @Test
    void theCustomActionEditorHasRoomAndOneAddStepControlPerList() throws Exception {
        ObjectNode script = script("Roomy actions " + suffix());
        ArrayNode steps = ((ArrayNode) script.path("customActions")).addObject().put("name", "Update Case")
                .putArray("steps");
        steps.addObject().put("type", "alert").put("message", "A message long enough to be cut off in a narrow column");
        ObjectNode ifElse = steps.addObject().put("type", "ifElse").put("variable", "CaseStatus")
                .put("operator", "equal");
        ifElse.putObject("right").put("kind", "text").put("value", "Case Updated Successfully");
        ifElse.putArray("then");
        ifElse.putArray("otherwise");
        String id = create(script);
        inBrowser(() -> {
            openDesigner(id);
            tab("Custom actions").click();
            Locator editor = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Custom actions"));
            assertThat(box(editor).get("width")).as("the editor's width").isGreaterThanOrEqualTo(600.0);
            Locator message = exact("Message of step 1");
            assertThat((Boolean) message.evaluate("e => e.scrollWidth <= e.clientWidth"))
                    .as("the message fits its field").isTrue();
            // one add control per list (the action's own, If true, Otherwise), not a type choice and a button each
            assertThat(page.getByLabel(Pattern.compile("^New step in"))).hasCount(0);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^Add step to")))).hasCount(3);

            button("Add step to step 2 if true").click();
            page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Alert").setExact(true)).click();
            assertThat(exact("Message of step 2 if true 1")).isFocused();
        });
    }

    @Test
    void theDataActionPickerFiltersByName() throws Exception {
        String s = suffix();
        String integration = call("POST", "/api/v2/integrations", Map.of("name", "Picker " + s,
                "integrationType", Map.of("id", "purecloud-data-actions"))).path("id").asText();
        for (String name : new String[] {"Picker Lookup " + s, "Picker Update " + s}) {
            JsonNode imported = call("POST", "/api/v2/integrations/actions/import?integrationId=" + integration
                    + "&name=" + RapportSystem.enc(name),
                    JSON.readTree(Files.readString(RapportSystem.ROOT.resolve("demo/workshop-data-action.json"))));
            ObjectNode publish = JSON.createObjectNode();
            if (imported.hasNonNull("version")) {
                publish.put("version", imported.path("version").asInt());
            }
            call("POST", "/api/v2/integrations/actions/" + imported.path("id").asText() + "/draft/publish", publish);
        }
        ObjectNode script = script("Picker " + s);
        ((ArrayNode) script.path("customActions")).addObject().put("name", "Run it").putArray("steps").addObject()
                .put("type", "executeDataAction").put("dataActionId", "");
        String id = create(script);
        inBrowser(() -> {
            openDesigner(id);
            tab("Custom actions").click();
            exact("Find a data action for step 1").fill("update " + s);
            Locator picker = exact("Data action of step 1");
            assertThat(page.getByText("1 data action matches")).isVisible(); // the list has loaded
            assertThat(String.valueOf(picker.evaluate("s => [...s.options].map(o => o.text).join('|')")))
                    .contains("Picker Update " + s).doesNotContain("Picker Lookup " + s);
            picker.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Picker Update " + s));
            assertThat(exact("Input ANI of step 1")).isVisible();
        });
    }

    @Test
    void sideBySideWebPagesStaySideBySideAt1024PixelsAndWithThePreviewOpen() throws Exception {
        ObjectNode script = script("Side by side " + suffix());
        ObjectNode row = ((ArrayNode) script.path("pages").get(0).path("root").path("children")).addObject()
                .put("type", "horizontalContainer").put("id", "pages-row");
        ArrayNode pages = row.putArray("children");
        pages.addObject().put("type", "webPage").put("id", "map").put("source", "{{EmbeddedMap}}");
        pages.addObject().put("type", "webPage").put("id", "kb").put("source", "{{KBURL}}");
        String id = create(script);
        signInAt(1024, 768);
        inBrowser(() -> {
            openDesigner(id);
            assertSideBySide();
            tab("Preview").click();
            assertSideBySide();
        });
    }

    private void assertSideBySide() {
        Locator canvas = page.getByRole(AriaRole.TREE, new Page.GetByRoleOptions().setName("Canvas"));
        Map<String, Double> map = box(canvas.locator("[data-cid='map']"));
        Map<String, Double> kb = box(canvas.locator("[data-cid='kb']"));
        assertThat(kb.get("y")).as("the second page's top").isEqualTo(map.get("y"));
        assertThat(kb.get("x")).as("the second page's left").isGreaterThan(map.get("x") + map.get("width") - 1);
    }

    @Test
    void formsThatOpenTakeTheFocus() throws Exception {
        String id = create(script("Focus " + suffix()));
        inBrowser(() -> {
            open("scripts");
            button("New script").click();
            assertThat(page.getByLabel("Script name")).isFocused();
            button("Import Genesys script").click();
            assertThat(page.getByLabel("Genesys .script file")).isFocused();

            openDesigner(id);
            tab("Variables").click();
            button("New variable").click();
            assertThat(page.getByLabel("Variable name")).isFocused();
            tab("Custom actions").click();
            page.getByLabel("New custom action name").fill("Fresh");
            button("Add custom action").click();
            assertThat(page.getByLabel("Custom action name", new Page.GetByLabelOptions().setExact(true)))
                    .isFocused();
        });
    }

    private void openDesigner(String scriptId) {
        open("scripts/" + RapportSystem.enc(scriptId));
        assertThat(tab("Components")).isVisible();
    }

    private static String create(ObjectNode script) throws Exception {
        return call("POST", "/api/v2/scripts", script).path("id").asText();
    }

    /** A script of one page with a text, the workshop's variables and no custom action. */
    private static ObjectNode script(String name) {
        ObjectNode s = JSON.createObjectNode().put("name", name);
        s.putObject("features").put("inbound", true).put("outbound", false).put("dataActions", true);
        s.put("startPageId", "page-1");
        ObjectNode p = s.putArray("pages").addObject().put("id", "page-1").put("name", "Start Page");
        ObjectNode root = p.putObject("root").put("type", "verticalContainer").put("id", "root-1");
        root.putArray("children").addObject().put("type", "text").put("id", "hello").put("text", "Hello");
        ArrayNode variables = s.putArray("variables");
        for (String v : new String[] {"CaseStatus", "EmbeddedMap", "KBURL", "ANI"}) {
            variables.addObject().put("name", v).put("type", "string").put("kind", "basic").put("input", false)
                    .put("output", false);
        }
        s.putArray("customActions");
        return s;
    }
}
