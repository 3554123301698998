package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The data table screens' traps a new user fell into (issue 15): letters in a number cell saved as nothing, Enter in
 * a default field saving the schema, the table id nowhere to copy, forms opening without the focus, and a partial CSV
 * whose import blanked the other columns.
 */
class TablesTrapsIT extends AdminConsole {

    private static String tableWithPriority(String name) throws Exception {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("Name", "string");
        columns.put("Priority", "integer");
        String id = createTable(name, "ANI", columns);
        call("POST", TABLES + "/" + id + "/rows", Map.of("key", "1234", "Name", "Ann", "Priority", 5));
        return id;
    }

    @Test
    void lettersInANumberCellAreRefusedAloudAndNothingIsSaved() throws Exception {
        String id = tableWithPriority("Number cells " + suffix());
        inBrowser(() -> {
            open("tables/" + id);
            page.getByLabel("Edit Priority of 1234").click();
            Locator cell = exact("Priority of 1234");
            cell.fill("");
            cell.pressSequentially("abc");
            assertThat(cell).hasValue("abc");
            Locator problem = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                    .setHasText("Priority must be a whole number"));
            assertThat(problem).isVisible();
            assertThat(cell).hasAttribute("aria-invalid", "true");
            cell.press("Enter");
            button("Save").click();
            assertThat(page.getByText("Saved Priority of row 1234")).hasCount(0);
            assertThat(call("GET", TABLES + "/" + id + "/rows/1234?showbrief=false", null).path("Priority").asInt())
                    .isEqualTo(5);

            cell.fill("7");
            assertThat(problem).hasCount(0);
            cell.press("Enter");
            assertThat(page.getByText("Saved Priority of row 1234.")).isVisible();
        });
        assertThat(call("GET", TABLES + "/" + id + "/rows/1234?showbrief=false", null).path("Priority").asInt())
                .isEqualTo(7);
    }

    @Test
    void lettersInANewRowsNumberFieldAreRefusedAndTheRowIsNotAdded() throws Exception {
        String id = tableWithPriority("Number fields " + suffix());
        inBrowser(() -> {
            open("tables/" + id);
            button("New row").click();
            Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New row"));
            form.getByLabel("ANI").fill("999");
            form.getByLabel("Priority").pressSequentially("high");
            assertThat(form.getByLabel("Priority")).hasValue("high");
            assertThat(form.getByRole(AriaRole.ALERT)).containsText("Priority must be a whole number");
            button("Add row").click();
            assertThat(page.getByText("Row 999 added.")).hasCount(0);
        });
        assertThat(system.send("GET", TABLES + "/" + id + "/rows/999", admin, null, Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void enterInADefaultFieldDoesNotSaveTheSchema() throws Exception {
        String id = tableWithPriority("Enter in defaults " + suffix());
        inBrowser(() -> {
            open("tables/" + id);
            button("Edit schema").click();
            exact("Default of Priority").fill("3");
            exact("Default of Priority").press("Enter");
            page.getByLabel("Column default").fill("x");
            page.getByLabel("Column default").press("Enter");
            assertThat(button("Save schema")).isVisible();
            assertThat(page.getByText("Schema saved.")).hasCount(0);
            assertThat(page.getByText("Unsaved changes")).isVisible();
        });
        assertThat(call("GET", TABLES + "/" + id + "?expand=schema", null).path("schema").path("properties")
                .path("Priority").has("default")).as("the Enter saved the default").isFalse();
    }

    @Test
    void theTablePageShowsItsIdWithACopyButton() throws Exception {
        String id = tableWithPriority("Table id " + suffix());
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        inBrowser(() -> {
            open("tables/" + id);
            assertThat(page.getByText(id, new Page.GetByTextOptions().setExact(true))).isVisible();
            button("Copy table id").click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                    .setHasText("Table id copied"))).isVisible();
            assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(id);
        });
    }

    @Test
    void formsThatOpenTakeTheFocus() throws Exception {
        String id = tableWithPriority("Focus " + suffix());
        inBrowser(() -> {
            open("tables");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New table")).click();
            assertThat(page.getByLabel("Table name")).isFocused();

            open("tables/" + id);
            button("New row").click();
            assertThat(page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New row"))
                    .getByLabel("ANI")).isFocused();
            button("Edit schema").click();
            assertThat(page.getByLabel("Table name")).isFocused();
        });
    }

    @Test
    void theDryRunOfAPartialFileSaysWhichColumnsAppendKeeps() throws Exception {
        String id = tableWithPriority("Partial import " + suffix());
        Path csv = Files.createTempDirectory("partial").resolve("priorities.csv");
        Files.writeString(csv, "ANI,Priority\n1234,9\n");
        inBrowser(() -> {
            open("tables/" + id);
            page.getByLabel("CSV file to import").setInputFiles(csv);
            assertThat(page.getByText("Kept as they are in the table: Name")).isVisible();
            button("Confirm import").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Imported priorities.csv"))).isVisible();

            page.getByLabel("Import mode").selectOption("ReplaceRows");
            button("Import another file").click();
            page.getByLabel("CSV file to import").setInputFiles(csv);
            assertThat(page.getByText("Set to their defaults in the file's rows: Name")).isVisible();
        });
        var row = call("GET", TABLES + "/" + id + "/rows/1234?showbrief=false", null);
        assertThat(row.path("Priority").asInt()).isEqualTo(9);
        assertThat(row.path("Name").asText()).isEqualTo("Ann");
    }
}
