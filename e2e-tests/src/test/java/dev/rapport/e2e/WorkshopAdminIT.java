package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.rapport.testkit.TestBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workshop "Meaningful Interactions Part 1" done the way its administrator does it: in the browser only, on an
 * empty system (no demo). The admin builds the data table and its rows, imports the workshop's Genesys data action
 * file and tests it, builds the script from a blank one, publishes it, sets the inbound flow; then a call comes in
 * and the agent updates the case and sees the alert. Screenshots of each stage go to docs/images/admin/ for the
 * admin guide.
 */
class WorkshopAdminIT {
    private static final Path IMAGES = RapportSystem.ROOT.resolve("docs/images/admin");
    private static final String TABLE = "Health Client Services";
    private static final String SCRIPT = "Architect Workshop";
    private static final String ACTION = "Architect WS - Data Table Update";
    private static final List<String> COLUMNS = List.of("CustomerName", "CaseStatus", "Services", "EmbeddedMap", "KBURL");
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    private static RapportSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RapportSystem.shared();
        Files.createDirectories(IMAGES);
    }

    @Test
    void anAdminDoesTheWholeWorkshopInTheBrowserThenTheAgentUpdatesTheCase() throws Exception {
        String tableId;
        try (TestBrowser browser = new TestBrowser(); BrowserContext context = browser.newContext()) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            page.onDialog(dialog -> dialog.accept());
            TestBrowser.signIn(page, system.gateway.toURL(), "admin", "admin", "Ada Admin");

            try {
                tableId = createTheTableAndItsRows(page);
                importAndTestTheDataAction(page, tableId);
                buildAndPublishTheScript(page);
                setTheInboundFlow(page);
            } catch (RuntimeException | AssertionError e) {
                Path failed = RapportSystem.ROOT.resolve("e2e-tests/target/workshop-admin-failure.png");
                page.screenshot(new Page.ScreenshotOptions().setPath(failed).setFullPage(true));
                throw new AssertionError("failed at " + page.url() + " (screenshot " + failed + ")", e);
            }
        }

        String interactionId = system.call("7204276664", "alex", null);
        try (TestBrowser browser = new TestBrowser(); BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            TestBrowser.signIn(page, system.gateway.toURL(), "alex", "alex", "Alex Agent");
            page.locator("[data-interaction='" + interactionId + "']").click();
            assertThat(page.locator(".script-page")).containsText("Hi Jane Doe", SLOW);
            assertThat(page.locator(".script-page")).containsText("My name is Alex Agent");
            assertThat(page.locator("iframe.webpage")).hasCount(2);
            page.locator("[data-variable='CaseStatus']").fill("Resolved in the workshop");
            page.waitForTimeout(800);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
            try {
                assertThat(page.locator(".notice")).containsText("Case Updated Successfully", SLOW);
            } catch (AssertionError e) {
                throw new AssertionError("no alert; the timeline: " + system.timeline(interactionId), e);
            }
            shot(page, "8-agent-alert.png");
        }
        String admin = system.token("password", "admin", "admin");
        JsonNode row = system.get("/api/v2/flows/datatables/" + tableId + "/rows/7204276664?showbrief=false", admin);
        org.assertj.core.api.Assertions.assertThat(row.path("CaseStatus").asText()).isEqualTo("Resolved in the workshop");
        org.assertj.core.api.Assertions.assertThat(row.path("CustomerName").asText()).isEqualTo("Jane Doe");
    }

    /** Data tables: the table with its key ANI and five string columns, Jane Doe's row and the blank row 1234. */
    private String createTheTableAndItsRows(Page page) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Data tables")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New table")).click();
        page.getByLabel("Table name").fill(TABLE);
        page.getByLabel("Description").fill("Callers of the workshop, by phone number");
        page.getByLabel("Key label").fill("ANI");
        for (String column : COLUMNS) {
            page.getByLabel("Column name").fill(column);
            button(page, "Add column").click();
        }
        shot(page, "1-data-table-schema.png");
        button(page, "Create table").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(TABLE))).isVisible();
        String tableId = page.url().replaceAll(".*#/admin/tables/", "").replaceAll("[/?].*", "");

        button(page, "New row").click();
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New row"));
        form.getByLabel("ANI").fill("7204276664");
        form.getByLabel("CustomerName").fill("Jane Doe");
        form.getByLabel("CaseStatus").fill("Open");
        form.getByLabel("Services").fill("Insurance|Childcare");
        form.getByLabel("EmbeddedMap").fill("https://www.openstreetmap.org/export/embed.html"
                + "?bbox=-105.29%2C39.98%2C-105.22%2C40.03&layer=mapnik");
        form.getByLabel("KBURL").fill("https://en.wikipedia.org/wiki/Health_insurance");
        button(page, "Add row").click();
        assertThat(page.getByText("Row 7204276664 added.")).isVisible();
        form.getByLabel("ANI").fill("1234");
        button(page, "Add row").click();
        assertThat(page.getByText("Row 1234 added.")).isVisible();
        Locator rows = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Rows").setExact(true));
        assertThat(rows.getByRole(AriaRole.ROWHEADER, new Locator.GetByRoleOptions().setName("1234"))).isVisible();
        assertThat(rows.getByRole(AriaRole.ROWHEADER, new Locator.GetByRoleOptions().setName("7204276664")))
                .isVisible();
        shot(page, "1-data-table-rows.png");
        return tableId;
    }

    /** Data actions: a Rapport API integration, the workshop's export file imported, tested with ANI 1234, published. */
    private void importAndTestTheDataAction(Page page, String tableId) {
        page.navigate(system.gateway + "/#/admin/actions/integrations");
        page.getByLabel("Integration type").selectOption("purecloud-data-actions");
        page.getByLabel("Integration name").fill("Rapport API");
        button(page, "Create integration").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("created");

        page.navigate(system.gateway + "/#/admin/actions");
        page.getByLabel("Export file").setInputFiles(RapportSystem.ROOT.resolve("demo/workshop-data-action.json"));
        exact(page, "Integration").selectOption(new SelectOption().setLabel("Rapport API (Genesys Cloud Data Actions)"));
        page.getByLabel("Action name").fill(ACTION);
        button(page, "Import").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(ACTION))).isVisible();

        exact(page, "ANI").fill("1234");
        exact(page, "DataTableID").fill(tableId);
        button(page, "Run test").click();
        assertThat(page.getByText("Success", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Steps of the run"))
                .getByRole(AriaRole.LISTITEM)).not().hasCount(0);
        shot(page, "2-data-action-test.png");

        button(page, "Publish").click();
        assertThat(page.getByText("Published version 1").first()).isVisible();
    }

    /** The designer: a blank script built up to the workshop's, with its custom action, then published. */
    private void buildAndPublishTheScript(Page page) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Scripts").setExact(true)).click();
        button(page, "New script").click();
        page.getByLabel("Script name").fill(SCRIPT);
        button(page, "Create script").click();
        assertThat(tab(page, "Components")).isVisible();

        tab(page, "Variables").click();
        for (String input : List.of("ANI", "CustomerName", "Services", "EmbeddedMap", "KBURL", "DataTableID")) {
            addVariable(page, input, true, false);
        }
        addVariable(page, "CaseStatus", false, true);
        addVariable(page, "successresponse", false, false);
        shot(page, "3-variables.png");

        tab(page, "Components").click();
        button(page, "Add Text").click();
        Locator text = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Text").setExact(true));
        text.fill("Hi {{CustomerName}}, thanks for calling Health Client Services. My name is ");
        // The variable picker: {{ opens it, typing narrows it, Enter inserts the reference.
        text.pressSequentially("{{Agent N");
        page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Insert a reference"))
                .getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Scripter.Agent Name")).click();
        text.press("End");
        text.pressSequentially(", how can I help you today?");
        assertThat(text).hasValue("Hi {{CustomerName}}, thanks for calling Health Client Services. My name is "
                + "{{Scripter.Agent Name}}, how can I help you today?");

        tab(page, "Components").click();
        button(page, "Add Horizontal container").click();
        button(page, "Add Web page").click();
        exact(page, "Source").fill("{{EmbeddedMap}}");
        tab(page, "Components").click();
        button(page, "Add Web page").click();
        exact(page, "Source").fill("{{KBURL}}");
        tab(page, "Properties").click();
        button(page, "Select parent").click();
        button(page, "Select parent").click();

        tab(page, "Components").click();
        button(page, "Add Text input").click();
        exact(page, "Variable").selectOption("CaseStatus");
        exact(page, "Placeholder").fill("Enter Case Status");
        tab(page, "Components").click();
        button(page, "Add Button").click();
        exact(page, "Text").fill("Submit");
        exact(page, "Custom action").fill("Update Case");
        Locator canvas = page.getByRole(AriaRole.TREE, new Page.GetByRoleOptions().setName("Canvas"));
        assertThat(canvas.getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Web page: ")))).hasCount(2);
        assertThat(canvas.getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions()
                .setName("Button: Submit"))).isVisible();
        shot(page, "4-designer.png");
        tab(page, "Custom actions").click();
        page.getByLabel("New custom action name").fill("Update Case");
        button(page, "Add custom action").click();
        addStep(page, "Update Case", "Execute data action");
        page.getByLabel("Data action of step 1").selectOption(new SelectOption().setLabel(ACTION));
        for (String input : List.of("ANI", "CustomerName", "CaseStatus", "Services", "EmbeddedMap", "KBURL",
                "DataTableID")) {
            exact(page, "Input " + input + " of step 1").fill("{{" + input + "}}");
        }
        page.getByLabel("Output successresponse of step 1 to variable").selectOption("successresponse");
        addStep(page, "Update Case", "If/else");
        page.getByLabel("Variable of step 2").selectOption("successresponse");
        page.getByLabel("Operator of step 2").selectOption(new SelectOption().setLabel("equals"));
        exact(page, "Compare with (step 2)").fill("Case Updated Successfully");
        addStep(page, "step 2 if true", "Alert");
        page.getByLabel("Message of step 2 if true 1").fill("Case Updated Successfully");
        addStep(page, "step 2 otherwise", "Alert");
        page.getByLabel("Message of step 2 otherwise 1").fill("Failed to Update Case");
        shot(page, "5-custom-action.png");

        button(page, "Publish").click(); // in the toolbar
        assertThat(page.getByText(Pattern.compile("Published version 1")).first()).isVisible();
        tab(page, "Versions").click();
        shot(page, "6-published.png");
    }

    /** The default inbound flow: look the caller up by ANI, screen-pop the script with what was found, queue. */
    private void setTheInboundFlow(Page page) {
        page.navigate(system.gateway + "/#/admin/flows");
        page.getByLabel("Flow name").fill("Workshop Inbound");
        page.getByLabel(Pattern.compile("^Default flow")).check();
        button(page, "Create flow").click();
        assertThat(page).hasURL(Pattern.compile("#/admin/flows/.+"));

        page.getByLabel("New step in Flow steps").selectOption(new SelectOption().setLabel("Data table lookup"));
        button(page, "Add step to Flow steps").click();
        exact(page, "Data table").selectOption(new SelectOption().setLabel(TABLE));
        exact(page, "Lookup key").fill("{{Call.Ani}}");
        for (String column : COLUMNS) {
            page.getByLabel("Flow variable for column " + column).fill(column);
        }
        page.getByLabel("New step in Found (step 1)").selectOption(new SelectOption().setLabel("Screen pop"));
        button(page, "Add step to Found (step 1)").click();
        page.getByLabel("Script to show").selectOption(new SelectOption().setLabel(SCRIPT));
        exact(page, "Script input ANI").fill("{{Call.Ani}}");
        for (String input : List.of("CustomerName", "Services", "EmbeddedMap", "KBURL")) {
            exact(page, "Script input " + input).fill("{{Flow." + input + "}}");
        }
        button(page, "Fill empty inputs by name").click();
        assertThat(exact(page, "Script input DataTableID")).not().hasValue("");

        page.getByLabel("New step in Flow steps").selectOption(new SelectOption().setLabel("Transfer to queue"));
        button(page, "Add step to Flow steps").click();
        page.getByLabel("Queue name").fill(TABLE);
        button(page, "Save").click();
        assertThat(page.getByText("Flow saved.")).isVisible();
        button(page, "Publish").click();
        assertThat(page.getByText(Pattern.compile("Published version \\d+")).first()).isVisible();
        shot(page, "7-inbound-flow.png");
    }

    private static void addVariable(Page page, String name, boolean input, boolean output) {
        button(page, "New variable").click();
        page.getByLabel("Variable name").fill(name);
        exact(page, "Type").selectOption("string");
        exact(page, "Kind").selectOption("basic");
        exact(page, "Input").setChecked(input);
        exact(page, "Output").setChecked(output);
        button(page, "Add variable").click();
        assertThat(button(page, "Edit variable " + name)).isVisible();
    }

    /** The list's one add control opens the kinds of step; the one chosen is added. */
    private static void addStep(Page page, String list, String kind) {
        button(page, "Add step to " + list).click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(kind).setExact(true)).click();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator tab(Page page, String name) {
        return page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator exact(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(IMAGES.resolve(name)).setFullPage(true));
    }
}
