package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.testkit.TestBrowser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin console's data actions and inbound flows beyond the workshop path: write-only integration credentials,
 * a Web Services data action imported from a Genesys export and run against a loopback "customer CRM" with every
 * step of the run shown, refusal of invalid JSON, versions and the execution log, and a DNIS flow whose publishing
 * is refused until its problems are fixed, after which a call to that number gets the flow's script.
 */
class ActionsAdminIT {
    private static final Path FIXTURES = Path.of("/work/shared/fixtures/genesys/data-actions");
    private static final Path SHORTEN_LINK =
            FIXTURES.resolve("limitless-flows-blueprint__Limitless---Shorten-Link-v1-2021062184350.custom.json");
    private static final String WEB_SERVICES = " (Web Services Data Actions)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    private static RapportSystem system;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        system = RapportSystem.shared();
        admin = system.token("password", "admin", "admin");
    }

    /** Credentials typed in the console are sent once: neither the page nor the API ever gives the password back. */
    @Test
    void integrationCredentialsAreWriteOnly() throws Exception {
        String s = suffix();
        String name = "CRM credentials " + s;
        String user = "crm-user-" + s;
        String password = "Pw-" + s + "-never-shown";
        inBrowser("credentials", page -> {
            page.navigate(system.gateway + "/#/admin/actions/integrations");
            page.getByLabel("Integration type").selectOption("custom-rest-actions");
            page.getByLabel("Integration name").fill(name);
            button(page, "Create integration").click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Integration “" + name + "” created.");
            Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
            assertThat(row).containsText("Web Services Data Actions");
            assertThat(row).containsText("Not set");

            button(page, "Set credentials of " + name).click();
            assertThat(exact(page, "Credential type")).hasValue("basicAuth");
            assertThat(exact(page, "Password")).hasAttribute("type", "password");
            exact(page, "User name").fill(user);
            exact(page, "Password").fill(password);
            button(page, "Save credentials").click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Credentials of “" + name + "” saved.");
            assertThat(row).containsText("Set (basicAuth: userName, password)");
            assertThat(exact(page, "Password")).hasCount(0);
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(password).doesNotContain(user);

            // Opened again (and after a reload) the form says the values are set but holds none of them.
            page.reload();
            button(page, "Set credentials of " + name).click();
            assertThat(page.getByText("Set: userName, password.")).isVisible();
            assertThat(exact(page, "Password")).hasValue("");
            assertThat(exact(page, "Password")).hasAttribute("placeholder", "set (type to replace)");
            assertThat(exact(page, "User name")).hasValue("");
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(password).doesNotContain(user);
        });

        JsonNode integration = integrationNamed(name);
        String answer = send("GET", "/api/v2/integrations/" + integration.path("id").asText(), null, 200);
        org.assertj.core.api.Assertions.assertThat(answer).doesNotContain(password).doesNotContain(user);
        org.assertj.core.api.Assertions.assertThat(send("GET", "/api/v2/integrations?pageSize=500", null, 200))
                .doesNotContain(password).doesNotContain(user);
        JsonNode credentials = JSON.readTree(answer).path("credentials");
        org.assertj.core.api.Assertions.assertThat(credentials.path("type").asText()).isEqualTo("basicAuth");
        org.assertj.core.api.Assertions.assertThat(credentials.path("fieldNames").toString())
                .contains("userName").contains("password");
    }

    /**
     * A Genesys export imported by file, pointed at the customer's CRM (a loopback server), its response translation
     * edited; the test console shows each step with its result, the CRM got the rendered request with the
     * integration's basic auth, and when the CRM fails the console shows the failed step and why.
     */
    @Test
    void aWebServicesActionRunsAgainstTheCustomersCrmStepByStep() throws Exception {
        String s = suffix();
        String user = "crm-user-" + s;
        String password = "Pw-" + s + "-secret";
        createIntegration("CRM " + s, user, password);
        String actionName = "Shorten via CRM " + s;
        String longLink = "https://example.org/very/long/" + s;
        try (CustomerCrm crm = CustomerCrm.start()) {
            crm.answer(200, "{\"result\": {\"link\": \"https://crm.example/s/" + s + "\"}, \"ok\": true}");
            String url = crm.url("/crm/" + s + "/shorten");
            inBrowser("crm-action", page -> {
                page.navigate(system.gateway + "/#/admin/actions");
                page.getByLabel("Export file").setInputFiles(SHORTEN_LINK);
                assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                        .setHasText(SHORTEN_LINK.getFileName().toString()))).containsText("Web Services Data Actions");
                exact(page, "Integration").selectOption(new SelectOption().setLabel("CRM " + s + WEB_SERVICES));
                page.getByLabel("Action name").fill(actionName);
                button(page, "Import").click();
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(actionName)))
                        .isVisible();
                assertThat(page.getByText("Draft, not published yet")).isVisible();

                exact(page, "Request URL template").fill(url);
                exact(page, "Headers (JSON object)").fill(
                        "{\"Content-Type\": \"application/json\", \"X-Requested-For\": \"${input.LongLink}\"}");
                exact(page, "Translation map (JSON: alias → JSONPath)").fill("{\"shortlink\": \"$.result.link\"}");
                button(page, "Save draft").click();
                assertThat(page.getByText("Draft saved.")).isVisible();
                String actionId = actionIdOf(page);
                JsonNode draft = get("/api/v2/integrations/actions/" + actionId + "/draft");
                org.assertj.core.api.Assertions.assertThat(draft.at("/config/request/requestUrlTemplate").asText())
                        .isEqualTo(url);
                org.assertj.core.api.Assertions.assertThat(draft.at("/config/response/translationMap/shortlink")
                        .asText()).isEqualTo("$.result.link");

                exact(page, "LongLink").fill(longLink);
                button(page, "Run test").click();
                assertThat(page.getByText("Success", new Page.GetByTextOptions().setExact(true))).isVisible();
                Locator steps = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Steps of the run"))
                        .getByRole(AriaRole.LISTITEM);
                assertThat(steps.locator(".step-name")).hasText(new String[] {"validateInput",
                        "resolveRequestUrlTemplate", "resolveRequestHeaders", "resolveRequestTemplate",
                        "executeRequest", "parseResponse", "applyTranslationMap", "resolveSuccessTemplate",
                        "validateOutput"});
                assertThat(steps.locator(".badge")).hasText(new String[] {"success", "success", "success",
                        "success", "success", "success", "success", "success", "success"});
                assertThat(openStep(steps, "resolveRequestUrlTemplate").getByText(url)).isVisible();
                assertThat(openStep(steps, "resolveRequestHeaders")).containsText("X-Requested-For");
                assertThat(openStep(steps, "resolveRequestHeaders")).containsText(longLink);
                assertThat(openStep(steps, "resolveRequestTemplate")
                        .getByText("{\"long_url\": \"" + longLink + "\"}")).isVisible();
                Locator executed = openStep(steps, "executeRequest");
                assertThat(executed).containsText("status: 200");
                assertThat(executed).containsText("\"POST\"");
                assertThat(openStep(steps, "applyTranslationMap").getByText("\"https://crm.example/s/" + s + "\""))
                        .isVisible();
                Locator result = page.locator(".final-result");
                assertThat(result).containsText("ShortLink");
                assertThat(result).containsText("https://crm.example/s/" + s);

                org.assertj.core.api.Assertions.assertThat(crm.requests).hasSize(1);
                CustomerCrm.Request got = crm.requests.get(0);
                org.assertj.core.api.Assertions.assertThat(got.method()).isEqualTo("POST");
                org.assertj.core.api.Assertions.assertThat(got.path()).isEqualTo("/crm/" + s + "/shorten");
                org.assertj.core.api.Assertions.assertThat(JSON.readTree(got.body()).path("long_url").asText())
                        .isEqualTo(longLink);
                org.assertj.core.api.Assertions.assertThat(got.header("Authorization")).isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
                org.assertj.core.api.Assertions.assertThat(got.header("X-Requested-For")).isEqualTo(longLink);
                org.assertj.core.api.Assertions.assertThat(got.header("Content-Type")).isEqualTo("application/json");
                org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(password);

                // The CRM breaks: the run stops at the call, which is shown failed with the CRM's answer.
                crm.answer(500, "{\"error\": \"CRM database offline " + s + "\"}");
                button(page, "Run test").click();
                Locator outcome = page.locator(".test-result").getByRole(AriaRole.STATUS);
                assertThat(outcome).containsText("Failed: the remote endpoint answered 500");
                assertThat(outcome).containsText("CRM database offline " + s);
                assertThat(steps.locator(".step-name")).hasText(new String[] {"validateInput",
                        "resolveRequestUrlTemplate", "resolveRequestHeaders", "resolveRequestTemplate",
                        "executeRequest"});
                assertThat(steps.locator(".badge")).hasText(new String[] {"success", "success", "success",
                        "success", "failed"});
                Locator failed = steps.last();
                assertThat(failed).hasClass(Pattern.compile("\\bfailed\\b"));
                assertThat(failed.getByText(Pattern.compile("the remote endpoint answered 500"))).isVisible();
                assertThat(page.locator(".final-result")).hasCount(0);
                org.assertj.core.api.Assertions.assertThat(crm.requests).hasSize(2);
                org.assertj.core.api.Assertions.assertThat(crm.requests.get(1).header("Authorization"))
                        .startsWith("Basic ");
            });
        }
    }

    /** Invalid JSON in a contract is refused in the form, with the error at the field, and nothing is saved. */
    @Test
    void invalidJsonInAContractIsRefusedAndNothingIsSaved() throws Exception {
        String s = suffix();
        String integration = createIntegration("Contracts " + s, "u-" + s, "p-" + s + "-pw");
        String actionId = importAction(integration, "Contract check " + s, "http://127.0.0.1:9/never");
        JsonNode before = get("/api/v2/integrations/actions/" + actionId + "/draft");

        inBrowser("invalid-json", page -> {
            page.navigate(system.gateway + "/#/admin/actions/" + actionId);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Contract check " + s)))
                    .isVisible();
            Locator input = exact(page, "Input contract (JSON Schema)");
            assertThat(input).hasValue(Pattern.compile("LongLink"));
            input.fill("{\"type\": \"object\", \"properties\": {\"LongLink\": {\"type\": \"string\"}");
            Locator output = exact(page, "Output contract (JSON Schema)");
            output.fill("[\"not\", \"an object\"]");
            button(page, "Save draft").click();
            assertThat(page.getByText("Fix the fields marked below before saving.")).isVisible();
            assertThat(page.getByText(Pattern.compile("^Input contract is not valid JSON: "))).isVisible();
            assertThat(page.getByText("Output contract must be a JSON object ({...})")).isVisible();
            assertThat(input).hasAttribute("aria-invalid", "true");
            assertThat(output).hasAttribute("aria-invalid", "true");
            assertThat(page.getByText("Unsaved changes")).isVisible();
            assertThat(page.getByText("Draft saved.")).hasCount(0);

            // Publishing and testing save first, so they are refused the same way.
            button(page, "Publish").click();
            assertThat(page.getByText("Fix the fields marked below before saving.")).isVisible();
            button(page, "Run test").click();
            assertThat(page.getByText("The draft could not be saved, so it was not tested (see the error above)."))
                    .isVisible();
        });

        JsonNode after = get("/api/v2/integrations/actions/" + actionId + "/draft");
        org.assertj.core.api.Assertions.assertThat(after.path("version")).isEqualTo(before.path("version"));
        org.assertj.core.api.Assertions.assertThat(after.path("contract")).isEqualTo(before.path("contract"));
        org.assertj.core.api.Assertions.assertThat(send("GET", "/api/v2/integrations/actions/" + actionId, null, 404))
                .isNotEmpty();
        org.assertj.core.api.Assertions.assertThat(get("/api/v2/integrations/actions/" + actionId + "/executions")
                .size()).isZero();
    }

    /** Publishing makes version 1, an edit and publish version 2; the log lists the runs, the stats p50/p95/p99. */
    @Test
    void publishingMakesVersionsAndTheLogKeepsTheRuns() throws Exception {
        String s = suffix();
        String integration = createIntegration("Versions " + s, "v-" + s, "vpw-" + s);
        String name = "Versioned " + s;
        try (CustomerCrm crm = CustomerCrm.start()) {
            crm.answer(200, "{\"link\": \"https://crm.example/v/" + s + "\"}");
            String actionId = importAction(integration, name, crm.url("/links/" + s));
            inBrowser("versions", page -> {
                page.navigate(system.gateway + "/#/admin/actions/" + actionId);
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
                exact(page, "LongLink").fill("https://example.org/" + s);
                button(page, "Run test").click();
                assertThat(page.getByText("Success", new Page.GetByTextOptions().setExact(true))).isVisible();

                button(page, "Publish").click();
                assertThat(page.getByText("Published version 1.")).isVisible();
                assertThat(page.locator(".actions-head .badge").first()).hasText("Published, version 1");
                Locator versions = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Versions").setExact(true))
                        .getByRole(AriaRole.LISTITEM);
                assertThat(versions.locator("summary")).hasText(new String[] {"Version 1 (latest, runs by default)"});

                exact(page, "Success template").fill("{\"ShortLink\":${shortlink},\"Via\":\"v2-" + s + "\"}");
                assertThat(page.getByText("Unsaved changes")).isVisible();
                button(page, "Publish").click();
                assertThat(page.getByText("Published version 2.")).isVisible();
                assertThat(page.locator(".actions-head .badge").first()).hasText("Published, version 2");
                assertThat(versions.locator("summary")).hasText(new String[] {
                        "Version 2 (latest, runs by default)", "Version 1"});
                versions.last().locator("summary").click();
                assertThat(versions.last()).containsText("Copy version 1 into the editor");
                assertThat(versions.last()).containsText("ShortLink");
                assertThat(versions.last()).not().containsText("v2-" + s);

                // Run version 2 twice (the draft is gone, so the console runs the published version).
                assertThat(page.getByLabel("Published version 2")).isChecked();
                for (int i = 0; i < 2; i++) {
                    button(page, "Run test").click();
                    assertThat(page.locator(".final-result")).containsText("v2-" + s);
                }

                Locator log = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Execution log"));
                Locator rows = log.locator("tbody tr");
                assertThat(rows).hasCount(3);
                assertThat(rows.locator("td:nth-child(2)")).hasText(new String[] {"2", "2", "draft"});
                assertThat(rows.locator("td:nth-child(4)")).hasText(new String[] {"success", "success", "success"});
                Locator stats = page.getByLabel("Execution statistics");
                assertThat(stat(stats, "Runs")).hasText("3");
                assertThat(stat(stats, "Successes")).hasText("3");
                assertThat(stat(stats, "Failures")).hasText("0");
                for (String p : List.of("p50", "p95", "p99")) {
                    assertThat(stat(stats, p)).hasText(Pattern.compile("^\\d+(\\.\\d)? ms$"));
                }
            });
            JsonNode v1 = get("/api/v2/integrations/actions/" + actionId + "?version=1");
            JsonNode v2 = get("/api/v2/integrations/actions/" + actionId + "?version=2");
            JsonNode latest = get("/api/v2/integrations/actions/" + actionId);
            org.assertj.core.api.Assertions.assertThat(latest.path("version").asInt()).isEqualTo(2);
            org.assertj.core.api.Assertions.assertThat(v1.at("/config/response/successTemplate").asText())
                    .doesNotContain("v2-" + s);
            org.assertj.core.api.Assertions.assertThat(v2.at("/config/response/successTemplate").asText())
                    .contains("v2-" + s);
            JsonNode stats = get("/api/v2/integrations/actions/" + actionId + "/executions/stats");
            org.assertj.core.api.Assertions.assertThat(stats.path("count").asInt()).isEqualTo(3);
            org.assertj.core.api.Assertions.assertThat(stats.path("p99Ms").isNumber()).isTrue();
            org.assertj.core.api.Assertions.assertThat(crm.requests).hasSize(3);
        }
    }

    /**
     * A flow for one DNIS: with a lookup that names no table and a screen pop without a (published) script it is not
     * published and the problems are listed; fixed, it publishes, and a call to that number gets its script.
     */
    @Test
    void aDnisFlowIsRefusedUntilFixedThenACallToThatNumberGetsItsScript() throws Exception {
        String s = suffix();
        String dnis = "555" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
        String unpublished = "Draft only " + s;
        createScript(unpublished, false);
        String flowName = "DNIS flow " + s;
        String[] flowId = new String[1];
        String[] scriptId = new String[1];
        String published = "Line script " + s;

        inBrowser("dnis-flow", page -> {
            page.navigate(system.gateway + "/#/admin/flows");
            page.getByLabel("Flow name").fill(flowName);
            assertThat(page.getByLabel(Pattern.compile("^Default flow"))).not().isChecked();
            button(page, "Create flow").click();
            assertThat(page).hasURL(Pattern.compile("#/admin/flows/.+"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(flowName))).isVisible();
            flowId[0] = page.url().replaceAll(".*#/admin/flows/", "");
            page.getByLabel("Match DNIS numbers, one a line").fill(dnis);
            page.getByLabel("New step in Flow steps").selectOption(new SelectOption().setLabel("Data table lookup"));
            button(page, "Add step to Flow steps").click();
            page.getByLabel("New step in Flow steps").selectOption(new SelectOption().setLabel("Screen pop"));
            button(page, "Add step to Flow steps").click();
            assertThat(exact(page, "Data table")).hasValue("");
            assertThat(exact(page, "Script to show")).hasValue("");

            button(page, "Publish").click();
            Locator problems = page.locator(".problems");
            assertThat(problems).containsText("The flow cannot be published:");
            // the lookup key starts empty (its {{Call.Ani}} is a placeholder): it is required too
            assertThat(problems.getByRole(AriaRole.LISTITEM)).hasText(new String[] {
                    "Step 1, tableId: the table to look in is required",
                    "Step 1, key: the key template is required, e.g. {{Call.Ani}}",
                    "Step 2, scriptId: the script to show is required"});
            assertThat(page.locator(".flows-head .badge").first()).hasText("Not published");
            JsonNode refused = get("/api/v2/flows/inbound/" + flowId[0]);
            org.assertj.core.api.Assertions.assertThat(refused.path("currentVersion").isNull()
                    || refused.path("currentVersion").isMissingNode()).isTrue();
            org.assertj.core.api.Assertions.assertThat(refused.at("/draft/match/dnis").toString())
                    .isEqualTo("[\"" + dnis + "\"]");
            org.assertj.core.api.Assertions.assertThat(refused.at("/draft/match/isDefault").asBoolean()).isFalse();
            org.assertj.core.api.Assertions.assertThat(get("/api/v2/flows/inbound/" + flowId[0] + "/versions")
                    .size()).isZero();
            scriptId[0] = createScript(published, true);

            // The script now exists and is published: the editor offers it (the draft-only one still not).
            page.reload();
            Locator script = exact(page, "Script to show");
            assertThat(script.locator("option", new Locator.LocatorOptions().setHasText(published))).hasCount(1);
            assertThat(script.locator("option", new Locator.LocatorOptions().setHasText(unpublished))).hasCount(0);
            button(page, "Remove Step 1").click();
            assertThat(page.getByText("Step 1: Screen pop")).isVisible();
            script.selectOption(new SelectOption().setLabel(published));
            exact(page, "Script input Dnis").fill("{{Call.Dnis}}");
            button(page, "Publish").click();
            assertThat(page.getByText("Published version 1.")).isVisible();
            assertThat(page.locator(".problems")).hasCount(0);
            assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Published versions")))
                    .containsText("Version 1 (live)");
        });

        JsonNode flow = get("/api/v2/flows/inbound/" + flowId[0]);
        org.assertj.core.api.Assertions.assertThat(flow.path("currentVersion").asInt()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(flow.at("/draft/steps/0/scriptId").asText()).isEqualTo(scriptId[0]);

        String interactionId = callTo(dnis, "303555" + dnis.substring(6));
        String alex = system.token("password", "alex", "alex");
        JsonNode session = system.awaitSession(interactionId, alex,
                x -> scriptId[0].equals(x.path("script").path("id").asText()));
        org.assertj.core.api.Assertions.assertThat(session.path("script").path("name").asText()).isEqualTo(published);
        org.assertj.core.api.Assertions.assertThat(session.path("variables").path("Dnis").asText()).isEqualTo(dnis);
        org.assertj.core.api.Assertions.assertThat(session.path("page").toString()).contains("Line " + dnis);
    }

    // ---- helpers ----

    interface BrowserStory {
        void run(Page page) throws Exception;
    }

    private static void inBrowser(String name, BrowserStory story) throws Exception {
        try (TestBrowser browser = new TestBrowser(); BrowserContext context = browser.newContext()) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            page.onDialog(dialog -> dialog.accept());
            TestBrowser.signIn(page, system.gateway.toURL(), "admin", "admin", "Ada Admin");
            try {
                story.run(page);
            } catch (Exception | AssertionError e) {
                Path failed = RapportSystem.ROOT.resolve("e2e-tests/target/actions-admin-" + name + "-failure.png");
                Files.createDirectories(failed.getParent());
                page.screenshot(new Page.ScreenshotOptions().setPath(failed).setFullPage(true));
                throw new AssertionError("failed at " + page.url() + " (screenshot " + failed + ")", e);
            }
        }
    }

    /** A step of the test run, opened as the admin would to read its result. */
    private static Locator openStep(Locator steps, String name) {
        Locator step = steps.filter(new Locator.FilterOptions().setHas(steps.page().locator(".step-name",
                new Page.LocatorOptions().setHasText(Pattern.compile("^" + name + "$")))));
        Locator details = step.locator("details").first();
        if (details.getAttribute("open") == null) {
            step.locator("summary").first().click();
        }
        assertThat(details).hasAttribute("open", "");
        return step;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator exact(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator stat(Locator stats, String term) {
        return stats.locator("xpath=.//dt[normalize-space(.)='" + term + "']/following-sibling::dd");
    }

    private static String actionIdOf(Page page) {
        return java.net.URLDecoder.decode(page.url().replaceAll(".*#/admin/actions/", ""), StandardCharsets.UTF_8);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String createIntegration(String name, String user, String password) throws Exception {
        JsonNode created = JSON.readTree(send("POST", "/api/v2/integrations",
                Map.of("integrationType", Map.of("id", "custom-rest-actions"), "name", name), 200, 201));
        String id = created.path("id").asText();
        send("PUT", "/api/v2/integrations/" + id + "/credentials", Map.of("type", "basicAuth",
                "credentialFields", Map.of("userName", user, "password", password)), 200, 204);
        return id;
    }

    private static JsonNode integrationNamed(String name) throws Exception {
        for (JsonNode i : get("/api/v2/integrations?pageSize=500").path("entities")) {
            if (name.equals(i.path("name").asText())) {
                return i;
            }
        }
        throw new AssertionError("no integration named " + name);
    }

    /** The Shorten Link export as a draft of {@code integration}, calling {@code url}. */
    private static String importAction(String integration, String name, String url) throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(Files.readString(SHORTEN_LINK));
        ObjectNode request = (ObjectNode) file.at("/config/request");
        request.put("requestUrlTemplate", url);
        request.set("headers", JSON.createObjectNode().put("Content-Type", "application/json"));
        JsonNode action = JSON.readTree(send("POST", "/api/v2/integrations/actions/import?integrationId="
                + RapportSystem.enc(integration) + "&name=" + RapportSystem.enc(name), file, 200, 201));
        return action.path("id").asText();
    }

    private static String createScript(String name, boolean publish) throws Exception {
        Map<String, Object> script = Map.of("name", name, "startPageId", "start",
                "variables", List.of(Map.of("name", "Dnis", "type", "string", "input", true)),
                "pages", List.of(Map.of("id", "start", "name", "Start Page", "root", Map.of(
                        "type", "verticalContainer", "id", "root", "children", List.of(Map.of(
                                "type", "text", "id", "line", "text", "Line {{Dnis}} for {{Scripter.Agent Name}}"))))));
        String id = JSON.readTree(send("POST", "/api/v2/scripts", script, 200, 201)).path("id").asText();
        if (publish) {
            send("POST", "/api/v2/scripts/" + id + "/publish", Map.of(), 200, 201);
        }
        return id;
    }

    /** An IVR call to {@code dnis}, connected to alex; the inbound flow decides what he sees. */
    private static String callTo(String dnis, String ani) throws Exception {
        String ivr = system.token("client_credentials", "ivr", "ivr-secret");
        String interactionId = UUID.randomUUID().toString();
        system.post("/api/v2/interactions/events", ivr, Map.of("id", UUID.randomUUID().toString(), "type", "started",
                "interactionId", interactionId, "ani", ani, "dnis", dnis));
        system.post("/api/v2/interactions/events", ivr, Map.of("id", UUID.randomUUID().toString(), "type",
                "connected", "interactionId", interactionId, "agent", Map.of("id", "alex", "name", "Alex Agent")));
        return interactionId;
    }

    private static JsonNode get(String path) throws Exception {
        return JSON.readTree(send("GET", path, null, 200));
    }

    /** An admin request; fails unless it answers one of {@code expected}. */
    private static String send(String method, String path, Object body, int... expected) throws Exception {
        HttpResponse<String> r = system.send(method, path, admin, body, Map.of());
        for (int status : expected) {
            if (r.statusCode() == status) {
                return r.body();
            }
        }
        throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }

    /** The customer's CRM: a loopback HTTP server that records what it gets and answers as told. */
    static final class CustomerCrm implements AutoCloseable {
        record Request(String method, String path, Map<String, List<String>> headers, String body) {
            String header(String name) {
                return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(e -> e.getValue().get(0)).findFirst().orElse(null);
            }
        }

        final List<Request> requests = new CopyOnWriteArrayList<>();
        private final AtomicInteger status = new AtomicInteger(200);
        private final AtomicReference<String> body = new AtomicReference<>("{}");
        private final HttpServer server;

        private CustomerCrm(HttpServer server) {
            this.server = server;
        }

        static CustomerCrm start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            CustomerCrm crm = new CustomerCrm(server);
            server.createContext("/", exchange -> {
                crm.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                byte[] answer = crm.body.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(crm.status.get(), answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return crm;
        }

        void answer(int status, String body) {
            this.status.set(status);
            this.body.set(body);
        }

        String url(String path) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path).toString();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
