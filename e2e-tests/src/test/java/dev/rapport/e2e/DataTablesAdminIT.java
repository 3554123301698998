package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.testkit.TestBrowser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The admin console's data tables and timeline, in the browser, beyond what the workshop needs: searching tables,
 * editing a schema, importing CSV with a dry run, paging and editing rows safely against a concurrent change, a
 * row's history, export, and the supervisor's timeline of a call. Each test makes its own table (or call) with a
 * unique name; what the user sees is checked against what the server holds.
 */
class DataTablesAdminIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/v2/flows/datatables";
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);
    private static final LocatorAssertions.IsVisibleOptions SLOW_VISIBLE =
            new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

    private static RapportSystem system;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        system = RapportSystem.shared();
        admin = system.token("password", "admin", "admin");
        // A shared machine and Kafka in between: more patience than the default 5 s, for this class only.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @AfterAll
    static void restoreTimeout() {
        PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }

    /** 1. The list's search: a '*' pattern finds the table, a name that matches nothing says so. */
    @Test
    void searchingTablesWithAWildcardFindsTheTableAndANonMatchingNameSaysSo(TestInfo test) throws Exception {
        String suffix = suffix();
        String name = "Wildcard Clients " + suffix;
        String id = createTable(name, "Phone", column("Name", "string"));

        asAdmin(test, page -> {
            page.navigate(system.gateway + "/#/admin/tables");
            Locator search = page.getByLabel("Search by name (* is a wildcard)");
            Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));

            search.fill("wildcard*" + suffix);
            button(page, "Search").click();
            assertThat(page.getByText("1 table(s)")).isVisible();
            assertThat(link).isVisible();
            assertThat(link).hasAttribute("href", "#/admin/tables/" + id);

            search.fill("*Clients " + suffix.toUpperCase());
            button(page, "Search").click();
            assertThat(page.getByText("1 table(s)")).isVisible();
            assertThat(link).isVisible();

            search.fill("Nothing*" + suffix);
            button(page, "Search").click();
            assertThat(page.getByText("No table matches Nothing*" + suffix + ".")).isVisible();
            assertThat(page.getByText("0 table(s)")).isVisible();
            assertThat(link).hasCount(0);

            search.fill("Wild*" + suffix);
            button(page, "Search").click();
            link.click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
        });
    }

    /** 2. Schema: a column added with a default, a label renamed, a column removed after the explicit confirmation. */
    @Test
    void theSchemaEditorAddsRenamesAndRemovesColumnsOnTheServer(TestInfo test) throws Exception {
        String name = "Schema Edits " + suffix();
        String id = createTable(name, "Account", column("Name", "string"), column("Status", "string"),
                column("Obsolete", "string"));
        send("POST", BASE + "/" + id + "/rows", Map.of("key", "a1", "Name", "Ann", "Status", "Open",
                "Obsolete", "old value"), null, 200);

        asAdmin(test, page -> {
            page.navigate(system.gateway + "/#/admin/tables/" + id);
            button(page, "Edit schema").click();
            page.getByLabel("Column name").fill("Priority");
            page.getByLabel("Column type").selectOption("integer");
            page.getByLabel("Column default").fill("3");
            button(page, "Add column").click();
            assertThat(page.getByLabel("Default of Priority")).hasValue("3");
            page.getByLabel("Label of Status").fill("Case status");
            button(page, "Remove Obsolete").click();
            assertThat(page.getByText("Will be removed, with its values in every row.")).isVisible();

            button(page, "Save schema").click();
            Locator confirm = page.getByRole(AriaRole.ALERTDIALOG, new Page.GetByRoleOptions().setName("Remove Obsolete?"));
            assertThat(confirm).containsText("This cannot be undone.");
            // Asked, not done: the server still has the old schema until the removal is confirmed.
            JsonNode before = send("GET", BASE + "/" + id + "?expand=schema", null, null, 200);
            assertThat(names(before.path("schema").path("properties"))).containsExactlyInAnyOrder("key", "Name",
                    "Status", "Obsolete");
            confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove and save")).click();
            assertThat(page.getByText("Schema saved; removed Obsolete.")).isVisible();
            assertThat(page.locator(".schema-summary")).containsText("Case status (Status): string");
            assertThat(page.locator(".schema-summary")).containsText("Priority: integer");
            assertThat(page.locator(".schema-summary")).not().containsText("Obsolete");
        });

        JsonNode properties = send("GET", BASE + "/" + id + "?expand=schema", null, null, 200)
                .path("schema").path("properties");
        assertThat(names(properties)).containsExactlyInAnyOrder("key", "Name", "Status", "Priority");
        assertThat(properties.path("Status").path("title").asText()).isEqualTo("Case status");
        assertThat(properties.path("Status").path("type").asText()).isEqualTo("string");
        assertThat(properties.path("Name").path("title").asText()).isEqualTo("Name");
        assertThat(properties.path("Priority").path("type").asText()).isEqualTo("integer");
        assertThat(properties.path("Priority").path("default").asInt(-1)).isEqualTo(3);
        assertThat(properties.path("Priority").path("default").isIntegralNumber()).isTrue();
        JsonNode row = send("GET", BASE + "/" + id + "/rows/a1?showbrief=false", null, null, 200);
        assertThat(row.has("Obsolete")).as(row.toString()).isFalse();
        assertThat(row.path("Name").asText()).isEqualTo("Ann");
    }

    /** 3. CSV import from the file input: the dry run's diff writes nothing; confirming writes it, with progress. */
    @Test
    void aCsvDryRunShowsTheDiffAndWritesNothingThenTheConfirmedImportWrites(TestInfo test) throws Exception {
        String name = "Import Clients " + suffix();
        String id = createTable(name, "Phone", column("Name", "string"), column("Status", "string"),
                column("Visits", "integer"));
        String rows = BASE + "/" + id + "/rows";
        send("POST", rows, Map.of("key", "1001", "Name", "Ann", "Status", "Open", "Visits", 1), null, 200);
        send("POST", rows, Map.of("key", "1002", "Name", "Bob", "Status", "Open", "Visits", 1), null, 200);
        Path csv = Files.createTempDirectory("tables-import").resolve("clients-" + suffix() + ".csv");
        Files.writeString(csv, """
                key,Name,Status,Visits
                1001,Ann,Closed,2
                1002,Bob,Open,1
                1003,Cid,New,0
                1005,Eve,Open,many
                """);
        String file = csv.getFileName().toString();

        asAdmin(test, page -> {
            page.navigate(system.gateway + "/#/admin/tables/" + id);
            page.getByLabel("CSV file to import").setInputFiles(csv);

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Dry run of " + file + ": nothing written yet"))).isVisible(SLOW_VISIBLE);
            Locator summary = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Dry run summary"));
            assertThat(summary).containsText("1 row(s) would be added");
            assertThat(summary).containsText("1 row(s) would be changed");
            assertThat(summary).containsText("1 row(s) unchanged");
            assertThat(summary).containsText("1 row(s) would be rejected");
            Locator diff = table(page, "Dry run diff");
            Locator changed = diff.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("1001"));
            assertThat(changed).containsText("changed");
            assertThat(changed).containsText("Status: Open → Closed");
            assertThat(changed).containsText("Visits: 1 → 2");
            Locator added = diff.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("1003"));
            assertThat(added).containsText("added");
            assertThat(added).containsText("Name: Cid");
            assertThat(added).containsText("Status: New");
            assertThat(diff.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("1002"))).hasCount(0);
            Locator rejected = table(page, "Rejected lines").getByRole(AriaRole.ROW)
                    .filter(new Locator.FilterOptions().setHasText("1005"));
            assertThat(rejected.locator("td").first()).hasText("5");
            assertThat(rejected).containsText("Visits");
            assertThat(rejected).containsText("'many' is not");

            // A dry run: nothing in the table changed.
            assertThat(send("GET", rows + "/1001?showbrief=false", null, null, 200).path("Status").asText())
                    .isEqualTo("Open");
            send("GET", rows + "/1003", null, null, 404);
            assertThat(send("GET", rows + "?pageSize=100", null, null, 200).path("total").asInt()).isEqualTo(2);

            // The upload of the real import is held back until its progress has been seen.
            AtomicReference<Route> held = new AtomicReference<>();
            page.route("**/import/jobs/*/upload", held::set);
            button(page, "Confirm import").click();
            assertThat(page.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Import progress")))
                    .isVisible();
            assertThat(page.locator(".progress [role=status]")).hasText("Uploading…");
            page.waitForCondition(() -> held.get() != null);
            page.unroute("**/import/jobs/*/upload");
            held.get().resume();

            Locator done = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Imported " + file));
            assertThat(done).isVisible(SLOW_VISIBLE);
            Locator result = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Import summary"));
            assertThat(result).containsText("1 row(s) added");
            assertThat(result).containsText("1 row(s) changed");
            assertThat(result).containsText("1 row(s) rejected");
            assertThat(table(page, "Rejected lines")).containsText("'many' is not");
            Locator grid = table(page, "Rows");
            assertThat(grid.getByRole(AriaRole.ROWHEADER, new Locator.GetByRoleOptions().setName("1003"))).isVisible();
        });

        JsonNode ann = send("GET", rows + "/1001?showbrief=false", null, null, 200);
        assertThat(ann.path("Status").asText()).isEqualTo("Closed");
        assertThat(ann.path("Visits").asInt()).isEqualTo(2);
        JsonNode cid = send("GET", rows + "/1003?showbrief=false", null, null, 200);
        assertThat(cid.path("Name").asText()).isEqualTo("Cid");
        assertThat(cid.path("Status").asText()).isEqualTo("New");
        send("GET", rows + "/1005", null, null, 404);
        assertThat(send("GET", rows + "?pageSize=100", null, null, 200).path("total").asInt()).isEqualTo(3);
    }

    /** 4. The grid pages through 120 rows, finds a key, edits a cell, and refuses to overwrite a concurrent change. */
    @Test
    void theRowsGridPagesFindsEditsAndNeverOverwritesAConcurrentChange(TestInfo test) throws Exception {
        String name = "Paged Rows " + suffix();
        String id = createTable(name, "Code", column("Name", "string"), column("Status", "string"));
        String rows = BASE + "/" + id + "/rows";
        for (int i = 1; i <= 120; i++) {
            String key = String.format("r%03d", i);
            send("POST", rows, Map.of("key", key, "Name", "Name " + i, "Status", "Open"), null, 200);
        }

        asAdmin(test, page -> {
            page.navigate(system.gateway + "/#/admin/tables/" + id);
            Locator grid = table(page, "Rows");
            Locator pager = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages of rows"));
            assertThat(pager).containsText("of 5");
            assertThat(pager).containsText("120 in all");
            assertThat(grid.getByRole(AriaRole.ROWHEADER)).hasText(keys(1, 25));

            pager.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Last")).click();
            assertThat(grid.getByRole(AriaRole.ROWHEADER)).hasText(keys(101, 120));
            assertThat(pager.getByRole(AriaRole.SPINBUTTON)).hasValue("5");
            pager.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Previous")).click();
            assertThat(grid.getByRole(AriaRole.ROWHEADER)).hasText(keys(76, 100));
            page.getByLabel("Rows per page").selectOption("100");
            assertThat(pager).containsText("of 2");
            pager.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next")).click();
            assertThat(grid.getByRole(AriaRole.ROWHEADER)).hasText(keys(101, 120));

            // Find a key that is not on this page, and one that does not exist.
            Locator find = page.getByLabel("Find a row by Code");
            find.fill("nope");
            button(page, "Find").click();
            assertThat(page.getByText("No row has Code nope.")).isVisible();
            find.fill("r077");
            button(page, "Find").click();
            Locator found = table(page, "Row r077");
            assertThat(found.getByRole(AriaRole.ROWHEADER)).hasText("r077");
            assertThat(found).containsText("Name 77");

            // A cell edited in place.
            found.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit Status of r077")).click();
            Locator status = exact(found, "Status of r077");
            assertThat(status).hasValue("Open");
            status.fill("Escalated");
            status.press("Enter");
            assertThat(page.getByText("Saved Status of row r077.")).isVisible();
            assertThat(found.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit Status of r077")))
                    .hasText("Escalated");
            assertThat(row(rows, "r077").path("Status").asText()).isEqualTo("Escalated");

            // Someone else changes the row while the editor is open: the save is refused, their value kept.
            found.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit Name of r077")).click();
            Locator nameBox = exact(found, "Name of r077");
            assertThat(nameBox).hasValue("Name 77");
            send("PUT", rows + "/r077", Map.of("Name", "Set by the API", "Status", "Escalated"), null, 200);
            nameBox.fill("Typed in the UI");
            found.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
            Locator alert = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                    .setHasText("changed by someone else"));
            assertThat(alert).containsText("Row r077 was changed by someone else since you opened it");
            assertThat(alert).containsText("Name is now \"Set by the API\"");
            assertThat(nameBox).hasValue("Typed in the UI");
            assertThat(row(rows, "r077").path("Name").asText()).isEqualTo("Set by the API");

            // Reloaded with the new version: saving now is the user's informed choice, and it succeeds.
            found.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
            assertThat(page.getByText("Saved Name of row r077.")).isVisible();
            assertThat(alert).hasCount(0);
            assertThat(found.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit Name of r077")))
                    .hasText("Typed in the UI");
        });

        JsonNode r077 = row(rows, "r077");
        assertThat(r077.path("Name").asText()).isEqualTo("Typed in the UI");
        assertThat(r077.path("Status").asText()).isEqualTo("Escalated");
        JsonNode history = send("GET", rows + "/r077/history", null, null, 200).path("entities");
        assertThat(history.get(1).path("newValues").path("Name").asText()).isEqualTo("Set by the API");
        assertThat(history.get(0).path("oldValues").path("Name").asText()).isEqualTo("Set by the API");
    }

    /** 5. A row's history: who changed it, when, and each value's old -> new, newest first. */
    @Test
    void aRowsHistoryListsWhoWhenAndOldToNewForEachEdit(TestInfo test) throws Exception {
        String name = "History Rows " + suffix();
        String id = createTable(name, "Ticket", column("Name", "string"), column("Status", "string"));
        String rows = BASE + "/" + id + "/rows";
        send("POST", rows, Map.of("key", "t1", "Name", "Alpha", "Status", "Open"), null, 200);

        asAdmin(test, page -> {
            page.navigate(system.gateway + "/#/admin/tables/" + id);
            Locator grid = table(page, "Rows");
            grid.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit Status of t1")).click();
            exact(grid, "Status of t1").fill("Closed");
            exact(grid, "Status of t1").press("Enter");
            assertThat(page.getByText("Saved Status of row t1.")).isVisible();
            grid.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit Name of t1")).click();
            exact(grid, "Name of t1").fill("Beta");
            exact(grid, "Name of t1").press("Enter");
            assertThat(page.getByText("Saved Name of row t1.")).isVisible();

            grid.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("History of t1")).click();
            Locator history = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("History of Ticket t1"));
            Locator entries = history.locator("tbody tr");
            assertThat(entries).hasCount(3);
            JsonNode api = send("GET", rows + "/t1/history", null, null, 200).path("entities");
            assertThat(api.size()).isEqualTo(3);
            String[][] expected = {
                {"3", "updated", "Name: Alpha → Beta"},
                {"2", "updated", "Status: Open → Closed"},
                {"1", "created", "Name: Alpha"},
            };
            for (int i = 0; i < 3; i++) {
                Locator cells = entries.nth(i).locator("td");
                assertThat(cells.nth(0)).hasText(expected[i][0]);
                assertThat(cells.nth(2)).hasText("admin");
                assertThat(cells.nth(3)).hasText(expected[i][1]);
                assertThat(cells.nth(4)).containsText(expected[i][2]);
                String when = cells.nth(1).locator("time").getAttribute("datetime");
                assertThat(Instant.parse(when)).isEqualTo(Instant.parse(api.get(i).path("changedAt").asText()));
                assertThat(Instant.parse(when)).isBetween(Instant.now().minus(Duration.ofMinutes(10)),
                        Instant.now().plusSeconds(60));
                assertThat(cells.nth(1)).not().hasText("");
            }
            // Only what changed is listed: the name edit does not mention the status.
            assertThat(entries.nth(0).locator("td").nth(4)).not().containsText("Status");
            assertThat(entries.nth(1).locator("td").nth(4)).not().containsText("Name");
        });
    }

    /** 6. Export: the job runs, a download link appears, and the file holds the table's rows. */
    @Test
    void anExportOffersADownloadHoldingTheRows(TestInfo test) throws Exception {
        String name = "Export Rows " + suffix();
        String id = createTable(name, "Phone", column("Name", "string"), column("Visits", "integer"));
        String rows = BASE + "/" + id + "/rows";
        send("POST", rows, Map.of("key", "555-0101", "Name", "Ann", "Visits", 3), null, 200);
        send("POST", rows, Map.of("key", "555-0102", "Name", "Bob", "Visits", 0), null, 200);
        send("POST", rows, Map.of("key", "555-0103", "Name", "Cid Smith", "Visits", 12), null, 200);

        asAdmin(test, page -> {
            page.navigate(system.gateway + "/#/admin/tables/" + id);
            button(page, "Export CSV").click();
            String file = name + ".csv";
            Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download " + file));
            assertThat(link).isVisible(SLOW_VISIBLE);
            assertThat(page.getByText("3 rows ready")).isVisible();
            Download download = page.waitForDownload(link::click);
            assertThat(download.suggestedFilename()).isEqualTo(file);
            String content = Files.readString(download.path(), StandardCharsets.UTF_8).replace("\"", "");
            assertThat(content.lines().toList()).containsExactly("key,Name,Visits", "555-0101,Ann,3",
                    "555-0102,Bob,0", "555-0103,Cid Smith,12");
        });
    }

    /** 7. The timeline of a call, as an admin (who is also a supervisor): its events, in order. */
    @Test
    void theTimelineShowsACallsEventsInOrder(TestInfo test) throws Exception {
        String ani = "720" + (1_000_000 + (int) (Math.random() * 8_999_999));
        String interactionId = system.call(ani, "alex", null);
        // The call reaches the timeline through Kafka: until then the interaction is unknown (404).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> kinds(send("GET", "/api/v2/interactions/" + interactionId + "/timeline", null, null, 200))
                        .contains("interaction.connected"));

        asAdmin(test, page -> {
            page.navigate(system.gateway + "/#/admin/timeline/" + interactionId);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Timeline of " + interactionId))).isVisible();
            Locator entries = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Timeline").setExact(true))
                    .getByRole(AriaRole.LISTITEM);
            assertThat(entries.first()).containsText("Call from " + ani + " to 8005551234", SLOW);

            List<String> kinds = entries.locator("code.kind").allTextContents();
            assertThat(kinds).contains("interaction.started", "interaction.connected");
            assertThat(kinds.get(0)).isEqualTo("interaction.started");
            assertThat(kinds.indexOf("interaction.connected")).isGreaterThan(0);
            Locator connected = entries.nth(kinds.indexOf("interaction.connected"));
            assertThat(connected).containsText("Connected to alex");
            assertThat(connected.locator(".category")).hasText("Call");
            assertThat(entries.first().locator(".category")).hasText("Call");
            // Either no flow matched or a flow ran: the flow's decision comes between the start and the connection.
            int flow = kinds.indexOf("flow.none") >= 0 ? kinds.indexOf("flow.none") : kinds.indexOf("flow.started");
            assertThat(flow).isBetween(1, kinds.indexOf("interaction.connected") - 1);

            List<Instant> times = new ArrayList<>();
            for (Object at : (List<?>) entries.locator(".when time")
                    .evaluateAll("ts => ts.map(t => t.getAttribute('datetime'))")) {
                times.add(Instant.parse((String) at));
            }
            assertThat(times).hasSize(kinds.size()).isSorted();

            // What the page shows is the server's timeline, in the server's order.
            List<String> api = kinds(send("GET", "/api/v2/interactions/" + interactionId + "/timeline", null, null,
                    200));
            assertThat(api.subList(0, kinds.size())).isEqualTo(kinds);
            assertThat(page.getByText(Pattern.compile("^" + kinds.size() + " event\\(s\\) since "))).isVisible();
        });
    }

    /** 7b. An agent has no timeline: no link in the navigation, a role message at its address, 403 from the API. */
    @Test
    void anAgentDoesNotGetTheTimeline(TestInfo test) throws Exception {
        String interactionId = system.call("720" + (1_000_000 + (int) (Math.random() * 8_999_999)), "alex", null);
        inBrowser(test, "alex", "alex", "Alex Agent", page -> {
            Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
            assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Interactions")))
                    .isVisible();
            assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Timeline"))).hasCount(0);
            assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Data tables")))
                    .hasCount(0);
            page.navigate(system.gateway + "/#/admin/timeline/" + interactionId);
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("This page needs the admin or supervisor role.");
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Timeline"))).hasCount(0);
            assertThat(page.getByText("Call from")).hasCount(0);
        });
        String alex = system.token("password", "alex", "alex");
        int status = system.send("GET", "/api/v2/interactions/" + interactionId + "/timeline", alex, null, Map.of())
                .statusCode();
        assertThat(status).isEqualTo(403);
    }

    // ---------------------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface PageWork {
        void run(Page page) throws Exception;
    }

    private static void asAdmin(TestInfo test, PageWork work) throws Exception {
        inBrowser(test, "admin", "admin", "Ada Admin", work);
    }

    /** Signs in a fresh browser profile, runs the work, and keeps a screenshot of the page when it fails. */
    private static void inBrowser(TestInfo test, String user, String password, String displayName, PageWork work)
            throws Exception {
        try (TestBrowser browser = new TestBrowser(); BrowserContext context = browser.newContext()) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            page.onDialog(dialog -> dialog.accept());
            TestBrowser.signIn(page, system.gateway.toURL(), user, password, displayName);
            try {
                work.run(page);
            } catch (Exception | AssertionError e) {
                String method = test.getTestMethod().map(m -> m.getName()).orElse("test");
                Path failed = RapportSystem.ROOT.resolve("e2e-tests/target/tables-" + method + "-failure.png");
                Files.createDirectories(failed.getParent());
                page.screenshot(new Page.ScreenshotOptions().setPath(failed).setFullPage(true));
                throw new AssertionError("failed at " + page.url() + " (screenshot " + failed + ")", e);
            }
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> column(String name, String type) {
        return Map.of("name", name, "type", type);
    }

    /** A table made through the API, as the schema editor would send it; answers its id. */
    @SafeVarargs
    private static String createTable(String name, String keyLabel, Map<String, Object>... columns) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("key", Map.of("title", keyLabel, "type", "string", "$id", "/properties/key", "displayOrder", 0));
        for (int i = 0; i < columns.length; i++) {
            String column = (String) columns[i].get("name");
            properties.put(column, Map.of("title", column, "type", columns[i].get("type"),
                    "$id", "/properties/" + column, "displayOrder", i + 1));
        }
        Map<String, Object> schema = Map.of("$schema", "http://json-schema.org/draft-04/schema#", "title", name,
                "type", "object", "required", List.of("key"), "properties", properties, "additionalProperties", false);
        JsonNode table = send("POST", BASE, Map.of("name", name, "description", "made by DataTablesAdminIT",
                "schema", schema), null, 200);
        return table.path("id").asText();
    }

    private static JsonNode row(String rows, String key) throws Exception {
        return send("GET", rows + "/" + key + "?showbrief=false", null, null, 200);
    }

    /** Any call as the admin, checking the status; answers the JSON body (null when empty). */
    private static JsonNode send(String method, String path, Object body, String ifMatch, int expected) throws Exception {
        HttpResponse<String> r = system.send(method, path, admin, body,
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
        assertThat(r.statusCode()).as(method + " " + path + " " + r.body()).isEqualTo(expected);
        return r.body().isBlank() ? null : JSON.readTree(r.body());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> kinds = new ArrayList<>();
        timeline.path("entities").forEach(e -> kinds.add(e.path("kind").asText()));
        return kinds;
    }

    private static String[] keys(int from, int to) {
        String[] keys = new String[to - from + 1];
        for (int i = from; i <= to; i++) {
            keys[i - from] = String.format("r%03d", i);
        }
        return keys;
    }

    private static Locator exact(Locator within, String label) {
        return within.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    private static Locator table(Page page, String name) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
