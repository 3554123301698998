package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.testkit.TestBrowser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The script designer in the browser, beyond the workshop path: drag and drop into nested containers, the keyboard
 * (move, delete, copy/paste, undo/redo), pages, dynamic variables and the reference picker, problems, versions,
 * the preview running a real data action, and the Genesys import. Each test makes its own script through the API
 * (unique names) and checks what the designer saved through the API.
 */
class DesignerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    private static RapportSystem system;
    private static TestBrowser browser;
    private static String admin;

    private BrowserContext context;
    private Page page;
    private String testName;

    @BeforeAll
    static void start() throws Exception {
        system = RapportSystem.shared();
        browser = new TestBrowser();
        admin = system.token("password", "admin", "admin");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signIn(TestInfo info) throws Exception {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
        admin = system.token("password", "admin", "admin");
        context = browser.newContext();
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        page.onDialog(dialog -> dialog.accept());
        TestBrowser.signIn(page, system.gateway.toURL(), "admin", "admin", "Ada Admin");
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    /** Runs the browser part; on failure keeps a screenshot and says where the page was. */
    private void inBrowser(Steps steps) throws Exception {
        try {
            steps.run();
        } catch (Exception | AssertionError e) {
            Path failed = RapportSystem.ROOT.resolve("e2e-tests/target/designer-" + testName + "-failure.png");
            try {
                Files.createDirectories(failed.getParent());
                page.screenshot(new Page.ScreenshotOptions().setPath(failed).setFullPage(true));
            } catch (Exception ignored) {
                // the failure itself matters more
            }
            throw new AssertionError("failed at " + page.url() + " (screenshot " + failed + ")", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ the tests

    @Test
    void dragFromThePaletteIntoANestedContainerAndDragToMoveAndReorder() throws Exception {
        ObjectNode script = script("Drag " + suffix());
        ArrayNode children = root(script);
        children.add(text("t-a", "Alpha"));
        ObjectNode box = container("verticalContainer", "box");
        ObjectNode inner = container("horizontalContainer", "inner");
        inner.putObject("style").put("height", "80px").put("width", "stretch");
        ((ArrayNode) box.get("children")).add(inner);
        children.add(box);
        children.add(text("t-b", "Beta"));
        String id = create(script);

        inBrowser(() -> {
            openDesigner(id);
            Locator inBox = canvas().locator("[data-cid='inner']");
            // a new Text from the palette, dropped in the middle of the inner container (nested two deep)
            button("Add Text").dragTo(inBox);
            awaitDraft(id, d -> childIds(component(d, "inner")).size() == 1);
            JsonNode made = component(draft(id), "inner").path("children").get(0);
            org.assertj.core.api.Assertions.assertThat(made.path("type").asText()).isEqualTo("text");
            // empty: what to type is a placeholder of the Text field, never a value to type after
            org.assertj.core.api.Assertions.assertThat(made.path("text").asText()).isEmpty();
            String madeId = made.path("id").asText();
            org.assertj.core.api.Assertions.assertThat(madeId).isNotIn("t-a", "t-b", "box", "inner");
            assertThat(inBox.getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions().setName("Text: (empty text)")))
                    .isVisible();

            // reorder: Beta dropped on the upper half of Alpha goes before it
            Locator alpha = canvas().locator("[data-cid='t-a']");
            canvas().locator("[data-cid='t-b']").dragTo(alpha,
                    new Locator.DragToOptions().setTargetPosition(5, 2));
            awaitDraft(id, d -> childIds(d.path("pages").get(0).path("root")).equals(List.of("t-b", "t-a", "box")));

            // move: Alpha dropped on the right half of the new text (in the horizontal inner container) goes after it
            Locator newText = canvas().locator("[data-cid='" + madeId + "']");
            double width = newText.boundingBox().width;
            alpha.dragTo(newText, new Locator.DragToOptions().setTargetPosition(width - 3, 5));
            awaitDraft(id, d -> childIds(d.path("pages").get(0).path("root")).equals(List.of("t-b", "box"))
                    && childIds(component(d, "inner")).equals(List.of(madeId, "t-a")));
            assertThat(inBox.getByRole(AriaRole.GROUP).getByRole(AriaRole.TREEITEM)).hasCount(2);
        });
        // the whole tree as saved: root [Beta, box [inner [new text, Alpha]]]
        JsonNode root = draft(id).path("pages").get(0).path("root");
        org.assertj.core.api.Assertions.assertThat(childIds(root)).containsExactly("t-b", "box");
        org.assertj.core.api.Assertions.assertThat(childIds(component(draft(id), "box"))).containsExactly("inner");
        org.assertj.core.api.Assertions.assertThat(component(draft(id), "t-a").path("text").asText()).isEqualTo("Alpha");
    }

    @Test
    void theKeyboardMovesDeletesCopiesPastesUndoesAndRedoes() throws Exception {
        ObjectNode script = script("Keys " + suffix());
        root(script).add(text("k-1", "Alpha")).add(text("k-2", "Beta")).add(text("k-3", "Gamma"));
        String id = create(script);

        inBrowser(() -> {
            openDesigner(id);
            Locator beta = canvas().getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions().setName("Text: Beta"));
            beta.click();
            assertThat(beta).hasAttribute("aria-selected", "true");
            assertThat(exact("Text")).hasValue("Beta");

            page.keyboard().press("Alt+ArrowUp");
            awaitRoot(id, "k-2", "k-1", "k-3");
            page.keyboard().press("Alt+ArrowDown");
            page.keyboard().press("Alt+ArrowDown");
            awaitRoot(id, "k-1", "k-3", "k-2");

            page.keyboard().press("Control+c");
            page.keyboard().press("Control+v");
            awaitDraft(id, d -> childIds(d.path("pages").get(0).path("root")).size() == 4);
            List<String> ids = childIds(draft(id).path("pages").get(0).path("root"));
            String copy = ids.get(3);
            org.assertj.core.api.Assertions.assertThat(ids.subList(0, 3)).containsExactly("k-1", "k-3", "k-2");
            org.assertj.core.api.Assertions.assertThat(copy).isNotIn("k-1", "k-2", "k-3");
            org.assertj.core.api.Assertions.assertThat(component(draft(id), copy).path("text").asText()).isEqualTo("Beta");
            // the copy is selected: its id is in the properties' heading
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Text " + copy)))
                    .isVisible();

            page.keyboard().press("Delete");
            awaitRoot(id, "k-1", "k-3", "k-2");
            assertThat(canvas().getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions().setName("Text: Beta")))
                    .hasCount(1);

            page.keyboard().press("Control+z");
            awaitRoot(id, "k-1", "k-3", "k-2", copy);
            page.keyboard().press("Control+Shift+z");
            awaitRoot(id, "k-1", "k-3", "k-2");

            button("Undo").click();
            awaitRoot(id, "k-1", "k-3", "k-2", copy);
            button("Undo").click();
            awaitRoot(id, "k-1", "k-3", "k-2");
            assertThat(canvas().getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions().setName("Text: Beta")))
                    .hasCount(1);
            button("Redo").click();
            awaitRoot(id, "k-1", "k-3", "k-2", copy);
            button("Redo").click();
            awaitRoot(id, "k-1", "k-3", "k-2");
            assertThat(button("Redo")).isDisabled();
        });
    }

    @Test
    void pagesAreAddedRenamedReorderedAndOneBecomesTheStartPage() throws Exception {
        String id = create(script("Pages " + suffix()));
        inBrowser(() -> {
            openDesigner(id);
            tab("Pages").click();
            page.getByLabel("Name of the new page").fill("Details");
            button("Add page").click();
            assertThat(button("Details")).hasAttribute("aria-pressed", "true");
            exact("Page name").fill("Customer details");
            assertThat(button("Customer details")).isVisible();

            page.getByLabel("Name of the new page").fill("Wrap up");
            button("Add page").click();
            assertThat(button("Wrap up")).hasAttribute("aria-pressed", "true");
            button("Move page Wrap up up").click();
            Locator pages = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Pages"));
            assertThat(pages.getByRole(AriaRole.LISTITEM).nth(1)).containsText("Wrap up");

            button("Customer details").click();
            exact("Start page").check();
            assertThat(button("Customer details (start)")).isVisible();
            assertThat(button("Start Page")).isVisible();
        });
        JsonNode d = awaitDraft(id, x -> names(x.path("pages")).equals(List.of("Start Page", "Wrap up", "Customer details"))
                && pageNamed(x, "Customer details").path("id").asText().equals(x.path("startPageId").asText()));
        org.assertj.core.api.Assertions.assertThat(d.path("pages")).hasSize(3);
    }

    @Test
    void aDynamicVariableShowsItsErrorWhileTypedThenItsValueAndThePickerFiltersAndInserts() throws Exception {
        ObjectNode script = script("Variables " + suffix());
        ArrayNode variables = (ArrayNode) script.get("variables");
        variables.add(variable("Age", "number", "basic").put("default", 20));
        variables.add(variable("CustomerName", "string", "basic"));
        String id = create(script);

        inBrowser(() -> {
            openDesigner(id);
            tab("Variables").click();
            button("New variable").click();
            page.getByLabel("Variable name").fill("Double");
            exact("Type").selectOption("number");
            exact("Kind").selectOption("dynamic");
            Locator expression = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Expression"));
            expression.click();
            expression.pressSequentially("{{Ag");
            Locator picker = page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Insert a reference"));
            assertThat(picker.getByRole(AriaRole.OPTION).first()).hasText("Age");
            assertThat(picker.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("CustomerName")))
                    .hasCount(0);
            // built-ins are offered too, but only those that match what is typed
            assertThat(picker.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Scripter.Agent Name")))
                    .hasCount(1);
            assertThat(picker.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Scripter.Queue Name")))
                    .hasCount(0);
            expression.press("Enter");
            assertThat(picker).hasCount(0);
            assertThat(expression).hasValue("{{Age}}");
            expression.pressSequentially(" * * 2", new Locator.PressSequentiallyOptions().setDelay(60));
            Locator error = page.locator(".d-expression-result [role=alert]");
            assertThat(error).containsText(Pattern.compile("Error at character \\d+:"), SLOW);
            // the marked character is the one at the position the error names
            String shown = error.textContent();
            int position = Integer.parseInt(shown.replaceAll("(?s).*Error at character (\\d+):.*", "$1"));
            String value = "{{Age}} * * 2";
            org.assertj.core.api.Assertions.assertThat(position).isBetween(9, value.length() + 1);
            assertThat(page.locator(".d-where mark")).hasText(
                    position <= value.length() ? value.substring(position - 1, position) : " ");

            expression.fill("{{Age}} * 2");
            assertThat(page.getByText(Pattern.compile("Value with the defaults: 40"))).isVisible();
            assertThat(page.locator(".d-expression-result [role=alert]")).hasCount(0);
            button("Add variable").click();
            assertThat(button("Edit variable Double")).isVisible();
        });
        JsonNode d = awaitDraft(id, x -> x.path("variables").size() == 3);
        JsonNode added = d.path("variables").get(2);
        org.assertj.core.api.Assertions.assertThat(added.path("name").asText()).isEqualTo("Double");
        org.assertj.core.api.Assertions.assertThat(added.path("kind").asText()).isEqualTo("dynamic");
        org.assertj.core.api.Assertions.assertThat(added.path("type").asText()).isEqualTo("number");
        org.assertj.core.api.Assertions.assertThat(added.path("expression").asText()).isEqualTo("{{Age}} * 2");
    }

    @Test
    void aProblemLeadsToItsComponentAndGoesAwayWhenFixed() throws Exception {
        ObjectNode script = script("Problems " + suffix());
        root(script).add(text("p-intro", "Please confirm"));
        ObjectNode send = JSON.createObjectNode().put("type", "button").put("id", "p-send").put("text", "Send")
                .put("action", "No Such Action");
        root(script).add(send);
        ObjectNode action = ((ArrayNode) script.get("customActions")).addObject().put("name", "Real Action");
        action.putArray("steps").addObject().put("type", "alert").put("message", "Sent");
        String id = create(script);
        JsonNode before = call("GET", "/api/v2/scripts/" + id + "/validation", null).path("problems");
        org.assertj.core.api.Assertions.assertThat(before.toString()).contains("No Such Action");

        inBrowser(() -> {
            openDesigner(id);
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(Pattern.compile("^Problems"))).click();
            Locator list = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Problem list"));
            Locator problem = list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName(Pattern.compile("^Component p-send: ")));
            assertThat(problem).isVisible();
            problem.click();
            assertThat(tab("Properties")).hasAttribute("aria-selected", "true");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Button p-send")))
                    .isVisible();
            assertThat(exact("Custom action")).hasValue("No Such Action");
            assertThat(canvas().getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions().setName("Button: Send")))
                    .hasAttribute("aria-selected", "true");

            exact("Custom action").fill("Real Action");
            assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Problems").setExact(true)))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
            tab("Problems").click();
            assertThat(page.getByText("No problems: the script can be published.")).isVisible();
        });
        awaitDraft(id, d -> "Real Action".equals(component(d, "p-send").path("action").asText()));
        JsonNode after = call("GET", "/api/v2/scripts/" + id + "/validation", null).path("problems");
        org.assertj.core.api.Assertions.assertThat(after).isEmpty();
    }

    @Test
    void versionsArePublishedComparedRestoredAndMadeCurrent() throws Exception {
        ObjectNode script = script("Versions " + suffix());
        root(script).add(text("v-greeting", "Hello from version one"));
        String id = create(script);
        String base = "/api/v2/scripts/" + id;

        inBrowser(() -> {
            openDesigner(id);
            tab("Versions").click();
            button("Publish").click();
            assertThat(page.getByText(Pattern.compile("Published version 1")).first()).isVisible();

            canvas().getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions()
                    .setName("Text: Hello from version one")).click();
            tab("Properties").click();
            page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Text").setExact(true))
                    .fill("Hello from the draft");
            awaitDraft(id, d -> "Hello from the draft".equals(component(d, "v-greeting").path("text").asText()));
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Saved")))
                    .isVisible();

            tab("Versions").click();
            page.getByLabel("Compare from").selectOption("1");
            page.getByLabel("Compare to").selectOption("draft");
            button("Show differences").click();
            assertThat(page.getByText(Pattern.compile("\\d+ changes? from version 1 to the draft"))).isVisible();
            Locator diff = page.getByLabel("Differences");
            assertThat(diff).containsText("Hello from version one");
            assertThat(diff).containsText("Hello from the draft");
            assertThat(diff).containsText("v-greeting");

            button("Publish").click();
            assertThat(page.getByText(Pattern.compile("Published version 2")).first()).isVisible();
            button("Restore version 1 to the draft").click();
            assertThat(page.getByText("Version 1 was restored into the draft.")).isVisible();
            assertThat(canvas().getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions()
                    .setName("Text: Hello from version one"))).isVisible();
        });
        org.assertj.core.api.Assertions.assertThat(component(draft(id), "v-greeting").path("text").asText())
                .isEqualTo("Hello from version one");
        org.assertj.core.api.Assertions.assertThat(currentVersion(base)).isEqualTo(2);

        inBrowser(() -> {
            tab("Versions").click();
            button("Make version 1 current").click();
            assertThat(page.getByText("Version 1 is now current: new interactions get it.")).isVisible();
            assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("1 (current)"))).isVisible();
        });
        org.assertj.core.api.Assertions.assertThat(currentVersion(base)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(call("GET", base, null).path("currentVersion").asInt())
                .isEqualTo(1);
    }

    @Test
    void thePreviewShowsTypedInputsAndItsSubmitRunsTheDataActionForReal() throws Exception {
        String s = suffix();
        // the data table with a caller's row
        JsonNode table = JSON.readTree(Files.readString(RapportSystem.ROOT.resolve("demo/health-client-services.table.json")));
        ((ObjectNode) table).put("name", "Designer Preview " + s);
        String tableId = call("POST", "/api/v2/flows/datatables", table).path("id").asText();
        String key = "555" + (100000 + (int) (Math.random() * 899999));
        call("POST", "/api/v2/flows/datatables/" + tableId + "/rows", Map.of("key", key,
                "CustomerName", "Pat Preview", "CaseStatus", "Open", "Services", "Dental", "EmbeddedMap", "",
                "KBURL", ""));
        // the workshop's data action, imported into its own integration, then its draft published
        String integrationId = call("POST", "/api/v2/integrations", Map.of("name", "Designer Preview " + s,
                "integrationType", Map.of("id", "purecloud-data-actions"))).path("id").asText();
        JsonNode imported = call("POST", "/api/v2/integrations/actions/import?integrationId=" + integrationId
                + "&name=" + RapportSystem.enc("Designer Preview Update " + s),
                JSON.readTree(Files.readString(RapportSystem.ROOT.resolve("demo/workshop-data-action.json"))));
        String actionId = imported.path("id").asText();
        ObjectNode publish = JSON.createObjectNode();
        if (imported.hasNonNull("version")) {
            publish.put("version", imported.path("version").asInt());
        }
        call("POST", "/api/v2/integrations/actions/" + actionId + "/draft/publish", publish);
        // the workshop's script using it
        ObjectNode script = (ObjectNode) JSON.readTree(Files.readString(RapportSystem.ROOT
                .resolve("demo/architect-workshop.script.json")).replace("${DATA_ACTION_ID}", actionId));
        script.put("name", "Preview " + s);
        String id = create(script);

        inBrowser(() -> {
            openDesigner(id);
            tab("Preview").click();
            page.getByLabel("Preview input ANI").fill(key);
            page.getByLabel("Preview input CustomerName").fill("Pat Preview");
            page.getByLabel("Preview input Services").fill("Dental");
            page.getByLabel("Preview input DataTableID").fill(tableId);
            page.getByLabel("Preview agent name").fill("Priya Previewer");
            button("Start preview").click();
            Locator preview = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions()
                    .setName("Preview of the agent's page"));
            assertThat(preview).containsText("Hi Pat Preview, thanks for calling Health Client Services. "
                    + "My name is Priya Previewer", SLOW);
            preview.locator("[data-variable='CaseStatus']").fill("Closed in the preview");
            page.waitForTimeout(800); // the input sends its value after a pause in typing (400 ms)
            preview.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit")).click();
            Locator alerts = page.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Preview alerts"));
            assertThat(alerts).containsText("Case Updated Successfully", SLOW);
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Custom action runs")))
                    .containsText("succeeded");
        });
        JsonNode row = call("GET", "/api/v2/flows/datatables/" + tableId + "/rows/" + key + "?showbrief=false", null);
        org.assertj.core.api.Assertions.assertThat(row.path("CaseStatus").asText()).isEqualTo("Closed in the preview");
        org.assertj.core.api.Assertions.assertThat(row.path("CustomerName").asText()).isEqualTo("Pat Preview");
        JsonNode interactions = call("GET", "/api/v2/interactions?scriptId=" + id + "&limit=100", null);
        org.assertj.core.api.Assertions.assertThat(interactions.path("entities")).isEmpty();
    }

    @Test
    void aGenesysScriptIsImportedWithWhatWasNotCarriedOverAndOpensInTheDesigner() throws Exception {
        Path file = RapportSystem.ROOT.resolve(
                "fixtures/genesys/scripts/workautomation-hubspot-ticketing-sample__Sky_Inbound_Case.script");
        String renamed = "Imported Sky " + suffix();
        String[] id = new String[1];
        inBrowser(() -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Scripts").setExact(true)).click();
            button("Import Genesys script").click();
            page.getByLabel("Genesys .script file").setInputFiles(file);
            Locator result = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                    .setHasText("Imported"));
            assertThat(result).containsText("Genesys export", SLOW);
            Locator notCarried = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Not carried over"));
            assertThat(notCarried.getByRole(AriaRole.LISTITEM).first()).isVisible();
            int count = notCarried.getByRole(AriaRole.LISTITEM).count();
            org.assertj.core.api.Assertions.assertThat(count).isGreaterThan(1);
            assertThat(result).containsText("Not carried over (" + count + "):");
            // the export uses Genesys's email feature, which Rapport has no counterpart for
            assertThat(notCarried.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                    .setHasText(Pattern.compile("^feature 'email'")))).hasCount(1);
            assertThat(result).containsText("Imported “Sky Inbound Case” from "
                    + "workautomation-hubspot-ticketing-sample__Sky_Inbound_Case.script (Genesys export).");
            String importedName = result.locator("p").first().textContent()
                    .replaceAll("(?s)^Imported “(.*)” from .*$", "$1");

            button("Open the imported script").click();
            assertThat(page).hasURL(Pattern.compile("#/admin/scripts/[^/]+$"));
            assertThat(tab("Components")).isVisible();
            id[0] = java.net.URLDecoder.decode(page.url().replaceAll(".*#/admin/scripts/", ""),
                    java.nio.charset.StandardCharsets.UTF_8);
            Locator name = page.getByLabel("Script name");
            assertThat(name).hasValue(importedName);
            assertThat(canvas().getByRole(AriaRole.TREEITEM).first()).isVisible();
            name.fill(renamed);
        });
        JsonNode d = awaitDraft(id[0], x -> renamed.equals(x.path("name").asText()));
        org.assertj.core.api.Assertions.assertThat(d.path("pages")).isNotEmpty();
        org.assertj.core.api.Assertions.assertThat(call("GET", "/api/v2/scripts/" + id[0], null).path("name").asText())
                .isEqualTo(renamed);
    }

    @Test
    void aScriptIsDeletedFromTheListUnlessALiveFlowShowsIt() throws Exception {
        String sfx = suffix();
        String unused = create(script("Unused " + sfx));
        String shown = create(script("Shown " + sfx));
        call("POST", "/api/v2/scripts/" + shown + "/publish", java.util.Map.of());
        String flow = call("POST", "/api/v2/flows/inbound", java.util.Map.of("name", "Shows " + sfx,
                "match", java.util.Map.of("dnis", List.of("555" + System.nanoTime())),
                "steps", List.of(java.util.Map.of("type", "screenPop", "scriptId", shown,
                        "inputs", java.util.Map.of())))).path("id").asText();
        call("POST", "/api/v2/flows/inbound/" + flow + "/publish", java.util.Map.of());
        inBrowser(() -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Scripts").setExact(true)).click();
            page.getByLabel("Search scripts").fill(sfx);
            button("Delete Unused " + sfx).click();
            button("Yes, delete Unused " + sfx).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Script “Unused " + sfx + "” deleted.");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unused " + sfx)))
                    .hasCount(0);

            button("Delete Shown " + sfx).click();
            button("Yes, delete Shown " + sfx).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("is shown by the published inbound flow(s) Shows "
                    + sfx);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Shown " + sfx)))
                    .isVisible();
        });
        org.assertj.core.api.Assertions.assertThat(status("/api/v2/scripts/" + unused)).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(status("/api/v2/scripts/" + shown)).isEqualTo(200);
    }

    @Test
    void anEditElsewhereStopsTheAutosaveUntilTheAdminKeepsTheirVersion() throws Exception {
        ObjectNode script = script("Conflict " + suffix());
        root(script).add(text("c-1", "Alpha")).add(text("c-2", "Beta"));
        String id = create(script);
        String path = "/api/v2/scripts/" + RapportSystem.enc(id);

        inBrowser(() -> {
            openDesigner(id);
            // another admin saves the draft through the API, with the revision they read
            JsonNode theirs = call("GET", path, null);
            ObjectNode changed = (ObjectNode) theirs.path("draft").deepCopy();
            ((ObjectNode) component(changed, "c-1")).put("text", "Changed by the API");
            HttpResponse<String> put = system.send("PUT", path, admin, changed,
                    java.util.Map.of("If-Match", "\"" + theirs.path("draftRevision").asLong() + "\""));
            org.assertj.core.api.Assertions.assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

            // the designer, still on the revision it loaded, edits: its save is refused and it says so
            canvas().getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions().setName("Text: Beta")).click();
            exact("Text").fill("Beta, mine");
            Locator alert = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                    .setHasText("This script was changed elsewhere"));
            assertThat(alert).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                    .setHasText("changed elsewhere"))).isVisible();
            JsonNode stored = draft(id);
            org.assertj.core.api.Assertions.assertThat(component(stored, "c-1").path("text").asText())
                    .isEqualTo("Changed by the API");
            org.assertj.core.api.Assertions.assertThat(component(stored, "c-2").path("text").asText()).isEqualTo("Beta");
            // the local edit is still shown
            assertThat(exact("Text")).hasValue("Beta, mine");

            // "Keep mine" saves the designer's version over the API's
            alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep mine")).click();
            awaitDraft(id, d -> "Beta, mine".equals(component(d, "c-2").path("text").asText())
                    && "Alpha".equals(component(d, "c-1").path("text").asText()));
            assertThat(alert).isHidden();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                    .setHasText(Pattern.compile("^Saved$")))).isVisible();
        });
    }

    @Test
    void restoringAVersionDoesNotReplaceADraftSavedElsewhere() throws Exception {
        ObjectNode script = script("Restore race " + suffix());
        root(script).add(text("r-1", "Version one"));
        String id = create(script);
        String path = "/api/v2/scripts/" + RapportSystem.enc(id);
        call("POST", path + "/publish", java.util.Map.of());

        inBrowser(() -> {
            openDesigner(id);
            JsonNode theirs = call("GET", path, null);
            ObjectNode changed = (ObjectNode) theirs.path("draft").deepCopy();
            ((ObjectNode) component(changed, "r-1")).put("text", "Saved elsewhere");
            call("PUT", path, changed);

            tab("Versions").click();
            button("Restore version 1 to the draft").click();
            assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                    .setHasText("Version 1 was not restored: someone else saved the draft meanwhile"))).isVisible();
        });
        org.assertj.core.api.Assertions.assertThat(component(draft(id), "r-1").path("text").asText())
                .isEqualTo("Saved elsewhere");
    }

    @Test
    void aContainerRepeatsForAListWithItsItemOfferedAndAWebPageSendsASignedContext() throws Exception {
        ObjectNode script = script("Cards " + suffix());
        ArrayNode variables = (ArrayNode) script.get("variables");
        variables.add(variable("Services", "string", "basic").put("input", true));
        variables.add(variable("Service List", "string", "dynamic").put("expression", "split({{Services}}, \"|\")"));
        variables.add(variable("CustomerName", "string", "basic"));
        ObjectNode cards = container("horizontalContainer", "cards");
        ((ArrayNode) cards.get("children")).add(text("t-service", "Service: "));
        root(script).add(cards);
        root(script).add(JSON.createObjectNode().put("type", "webPage").put("id", "web")
                .put("source", "https://crm.example.com/case"));
        String id = create(script);

        inBrowser(() -> {
            openDesigner(id);
            canvas().getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions().setName("Text: Service:")).click();
            button("Select parent").click();
            exact("Repeat for each item of").selectOption("Service List");
            awaitDraft(id, d -> "Service List".equals(component(d, "cards").path("repeatFor").asText()));

            canvas().getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions().setName("Text: Service:")).click();
            Locator text = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Text").setExact(true));
            text.click();
            text.press("End");
            text.pressSequentially("{{It");
            Locator picker = page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Insert a reference"));
            assertThat(picker.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Item Index")))
                    .hasCount(1);
            picker.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Item").setExact(true)).click();
            awaitDraft(id, d -> component(d, "t-service").path("text").asText().equals("Service: {{Item}}"));

            canvas().getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions()
                    .setName(Pattern.compile("crm\\.example\\.com"))).click();
            page.getByLabel("Send signed context").check();
            exact("CustomerName").check();
            awaitDraft(id, d -> component(d, "web").path("signedContext").path("variables").toString()
                    .equals("[\"CustomerName\"]"));
        });
        // what the designer saved publishes: the item is known inside the repeat
        call("POST", "/api/v2/scripts/" + RapportSystem.enc(id) + "/publish", java.util.Map.of());
    }

    private static int status(String path) throws Exception {
        return system.send("GET", path, admin, null, java.util.Map.of()).statusCode();
    }

    // ------------------------------------------------------------------------------------------------ the UI

    private void openDesigner(String scriptId) {
        page.navigate(system.gateway + "/#/admin/scripts/" + RapportSystem.enc(scriptId));
        assertThat(tab("Components")).isVisible();
        assertThat(canvas()).isVisible();
    }

    private Locator canvas() {
        return page.getByRole(AriaRole.TREE, new Page.GetByRoleOptions().setName("Canvas"));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator tab(String name) {
        return page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator exact(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    // ------------------------------------------------------------------------------------------------ the model

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static ObjectNode script(String name) {
        ObjectNode s = JSON.createObjectNode().put("name", name);
        s.putObject("features").put("inbound", true).put("outbound", false).put("dataActions", true);
        s.put("startPageId", "page-1");
        ObjectNode p = s.putArray("pages").addObject().put("id", "page-1").put("name", "Start Page");
        p.set("root", container("verticalContainer", "root-1"));
        s.putArray("variables");
        s.putArray("customActions");
        return s;
    }

    private static ArrayNode root(ObjectNode script) {
        return (ArrayNode) script.path("pages").get(0).path("root").path("children");
    }

    private static ObjectNode container(String type, String id) {
        ObjectNode c = JSON.createObjectNode().put("type", type).put("id", id);
        c.putArray("children");
        return c;
    }

    private static ObjectNode text(String id, String text) {
        return JSON.createObjectNode().put("type", "text").put("id", id).put("text", text);
    }

    private static ObjectNode variable(String name, String type, String kind) {
        return JSON.createObjectNode().put("name", name).put("type", type).put("kind", kind).put("input", false)
                .put("output", false);
    }

    private static List<String> childIds(JsonNode container) {
        List<String> ids = new ArrayList<>();
        container.path("children").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path("name").asText()));
        return out;
    }

    private static JsonNode pageNamed(JsonNode draft, String name) {
        for (JsonNode p : draft.path("pages")) {
            if (name.equals(p.path("name").asText())) {
                return p;
            }
        }
        return JSON.missingNode();
    }

    /** The component with this id anywhere in the draft (missing node when there is none). */
    private static JsonNode component(JsonNode draft, String id) {
        for (JsonNode p : draft.path("pages")) {
            JsonNode hit = find(p.path("root"), id);
            if (hit != null) {
                return hit;
            }
        }
        return JSON.missingNode();
    }

    private static JsonNode find(JsonNode c, String id) {
        if (id.equals(c.path("id").asText())) {
            return c;
        }
        for (JsonNode child : c.path("children")) {
            JsonNode hit = find(child, id);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ the API

    private static String create(ObjectNode script) throws Exception {
        return call("POST", "/api/v2/scripts", script).path("id").asText();
    }

    private static JsonNode draft(String scriptId) throws Exception {
        return call("GET", "/api/v2/scripts/" + RapportSystem.enc(scriptId), null).path("draft");
    }

    private static int currentVersion(String base) {
        try {
            for (JsonNode v : call("GET", base + "/versions", null)) {
                if (v.path("current").asBoolean()) {
                    return v.path("version").asInt();
                }
            }
            return -1;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitRoot(String scriptId, String... ids) {
        awaitDraft(scriptId, d -> childIds(d.path("pages").get(0).path("root")).equals(List.of(ids)));
    }

    /** Polls the saved draft (the designer saves shortly after each change) until it is as wanted. */
    private static JsonNode awaitDraft(String scriptId, Predicate<JsonNode> wanted) {
        JsonNode[] last = new JsonNode[1];
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
                last[0] = draft(scriptId);
                return wanted.test(last[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the saved draft never got there; it is " + last[0], e);
        }
        return last[0];
    }

    private static JsonNode call(String method, String path, Object body) throws Exception {
        HttpResponse<String> r = system.send(method, path, admin, body, java.util.Map.of());
        org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(method + " " + path + " " + r.body())
                .isBetween(200, 299);
        return r.body().isBlank() ? JSON.missingNode() : JSON.readTree(r.body());
    }

    @FunctionalInterface
    private interface Steps {
        void run() throws Exception;
    }
}
