package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.infra.demo.DemoLoader;
import dev.rapport.testkit.TestBrowser;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's acceptance story with the real services, on the demo: through the API an admin makes a skill
 * Insurance, queues "Insurance" (the skill) and "General", a schedule group open at all hours, a data action asking a
 * loopback CRM (an HTTP server of the test) for the caller's case priority, a script that greets with
 * {@code {{Scripter.Agent Name}}} and shows one card per service ({@code repeatFor} over {@code split({{Services}},
 * "|")}), and a flow: lookup and screen pop, then evaluate the schedule group; open: call the data action, set the
 * priority from it, decide on {@code contains({{Flow.Services}}, "Insurance")} and transfer to ACD Insurance (with the
 * skill) or General; closed: request a callback.
 * <p>
 * Two agents (alex, and jordan added to the gateway's users) sign in in Chromium and set themselves Available. Calls
 * come through the IVR ingest with only {@code started}: nobody named. The Childcare caller goes to General and is
 * offered first to jordan (the longest available), who does not answer: jordan becomes Not responding and the call
 * goes to alex, who answers; the script greets with alex's name from the directory. The Insurance caller goes to
 * Insurance with the CRM's priority and is offered to jordan, the one agent with the skill (alex, available longer,
 * lacks it); jordan answers and the script greets with jordan's name and shows two service cards. With the schedule
 * group switched to closed, a call requests a callback and is offered to nobody. Each call's timeline (the admin
 * Timeline page's API) tells its route.
 */
class RoutingStoryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The number the story's calls dial: its own flow, the demo's default flow left as it is. */
    private static final String DNIS = "8005550117";
    /** The demo's caller: Services Insurance|Childcare. */
    private static final String INSURED = "7204276664";
    /** A caller the test adds to the demo's table: Services Childcare. */
    private static final String CHILDCARE = "7205550117";
    /** The CRM's case priority for each caller, as the data action reads it. */
    private static final Map<String, Integer> CASE_PRIORITY = Map.of("+1" + INSURED, 7, "+1" + CHILDCARE, 2);
    /** Jordan's password is alex's (the tests' hash of "alex"): the story is about routing, not sign-in. */
    private static final String AGENT_HASH = Infra.CHEAP_DEMO_HASHES.get("RAPPORT_DEMO_AGENT_PASSWORD_HASH");
    private static final int ALERT_TIMEOUT_SECONDS = 8;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocatorAssertions.IsVisibleOptions SLOW_VISIBLE =
            new LocatorAssertions.IsVisibleOptions().setTimeout(WAIT.toMillis());
    private static final LocatorAssertions.ContainsTextOptions SLOW_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT.toMillis());
    private static final LocatorAssertions.HasAttributeOptions SLOW_ATTRIBUTE =
            new LocatorAssertions.HasAttributeOptions().setTimeout(WAIT.toMillis());

    private static RapportSystem system;
    private static HttpServer crm;
    private static final List<String> crmAsked = new CopyOnWriteArrayList<>();
    private static String admin;
    private static String skillId;
    private static String insuranceQueue;
    private static String generalQueue;
    private static String scheduleGroupId;
    private static String scheduleId;

    @BeforeAll
    static void start() throws Exception {
        crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        crm.createContext("/cases", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String phone = query == null ? "" : URLDecoder.decode(query.replaceFirst("^phone=", ""),
                    StandardCharsets.UTF_8);
            crmAsked.add(phone);
            Integer priority = CASE_PRIORITY.get(phone);
            byte[] body = (priority == null ? "{\"error\":\"no case\"}" : "{\"caseId\":\"C-" + phone.substring(2)
                    + "\",\"priority\":" + priority + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(priority == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        crm.start();
        system = new RapportSystem("e2e_routing", List.of(
                "-Drapport.identity.users.jordan.password=" + AGENT_HASH,
                "-Drapport.identity.users.jordan.name=Jordan Agent",
                "-Drapport.identity.users.jordan.email=jordan@example.com",
                "-Drapport.identity.users.jordan.roles=agent"));
        DemoLoader.Loaded demo = new DemoLoader(system.gateway, RapportSystem.ROOT.resolve("demo"))
                .load("admin", "admin");
        admin = system.token("password", "admin", "admin");
        system.post("/api/v2/flows/datatables/" + demo.tableId() + "/rows", admin, Map.of("key", CHILDCARE,
                "CustomerName", "Sam Carter", "CaseStatus", "Open", "Services", "Childcare", "EmbeddedMap", "",
                "KBURL", ""));
        setUpRouting();
        scheduleId = id(post("/api/v2/architect/schedules", Map.of("name", "All day, every day",
                "start", "2025-01-01T00:00:00.000", "end", "2025-01-02T00:00:00.000", "rrule", "FREQ=DAILY")));
        scheduleGroupId = id(post("/api/v2/architect/schedulegroups", Map.of("name", "Health Client Services hours",
                "timeZone", "America/Denver", "openSchedules", List.of(Map.of("id", scheduleId)))));
        String actionId = crmAction();
        String scriptId = script();
        publishFlow(demo.tableId(), scriptId, actionId);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (crm != null) {
            crm.stop(0);
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void callsAreRoutedOnTheDataToTheRightAgentWhoSeesTheirOwnNameAndACardPerService() throws Exception {
        List<String> calls = new ArrayList<>();
        try (TestBrowser browser = new TestBrowser();
             BrowserContext jordanContext = browser.newContext();
             BrowserContext alexContext = browser.newContext()) {
            jordanContext.setDefaultTimeout(15_000);
            alexContext.setDefaultTimeout(15_000);
            Page jordan = jordanContext.newPage();
            Page alex = alexContext.newPage();
            try {
                TestBrowser.signIn(jordan, system.gateway.toURL(), "jordan", "alex", "Jordan Agent");
                TestBrowser.signIn(alex, system.gateway.toURL(), "alex", "alex", "Alex Agent");
                // Jordan is Available first, so jordan is the longest available of the two.
                available(jordan, "jordan");
                available(alex, "alex");

                // 1. The Childcare caller: General, both members; offered to jordan, who does not answer.
                String childcare = started(CHILDCARE);
                calls.add(childcare);
                Locator jordansAnswer = answerButton(jordan, childcare);
                assertThat(jordansAnswer).isVisible(SLOW_VISIBLE);
                assertThat(alex.locator("[data-interaction='" + childcare + "']")).hasCount(0);
                // Not answered within the queue's alert timeout: jordan is Not responding, alex is offered it.
                Locator alexsAnswer = answerButton(alex, childcare);
                assertThat(alexsAnswer).isVisible(SLOW_VISIBLE);
                alexsAnswer.click(); // within the alert timeout: the checks come after
                assertThat(routingStatus("jordan")).isEqualTo("NOT_RESPONDING");
                assertThat(jordan.locator("select[data-routing-status]"))
                        .hasAttribute("data-routing-status", "NOT_RESPONDING", SLOW_ATTRIBUTE);
                assertThat(greeting(alex)).containsText("My name is Alex Agent", SLOW_TEXT);
                assertThat(cards(alex)).hasCount(1);
                assertThat(alex.locator("[data-component='service#1']")).hasText("Childcare");
                assertThat(alex.locator(".detail-head .badge")).hasText("connected");
                awaitStatus("alex", "INTERACTING");

                // Alex ends the call (the telephony simulator disconnects it): Available again, since no wrap-up is
                // owed. Then jordan is Available again: alex is now the longest available.
                alex.locator("button[data-action='end']").click();
                assertThat(alex.locator(".detail-head .badge")).hasText("ended");
                awaitStatus("alex", "IDLE");
                available(jordan, "jordan");

                // 2. The Insurance caller: Insurance queue with the skill; jordan has it, alex does not.
                String insured = started(INSURED);
                calls.add(insured);
                Locator jordansSecond = answerButton(jordan, insured);
                assertThat(jordansSecond).isVisible(SLOW_VISIBLE);
                assertThat(alex.locator("[data-interaction='" + insured + "']")).hasCount(0);
                jordansSecond.click();
                assertThat(greeting(jordan)).containsText("My name is Jordan Agent", SLOW_TEXT);
                assertThat(cards(jordan)).hasCount(2);
                assertThat(jordan.locator("[data-component='service#1']")).hasText("Insurance");
                assertThat(jordan.locator("[data-component='service#2']")).hasText("Childcare");
                assertThat(jordan.locator(".detail-head .badge")).hasText("connected");
                awaitStatus("jordan", "INTERACTING");
                assertThat(alex.locator("[data-interaction='" + insured + "']")).hasCount(0);

                // 3. Out of hours: the schedule group says closed; the flow requests a callback, nobody is offered it.
                closeTheScheduleGroup();
                String late = started(CHILDCARE);
                calls.add(late);
                await().atMost(WAIT).until(() -> summaries(late).stream()
                        .anyMatch(s -> s.startsWith("Callback scheduled for ")));
                assertThat(alex.locator("[data-interaction='" + late + "']")).hasCount(0);
                assertThat(jordan.locator("[data-interaction='" + late + "']")).hasCount(0);

                routesAreOnTheTimelines(childcare, insured, late);
            } catch (Exception | AssertionError e) {
                Path dir = RapportSystem.ROOT.resolve("e2e-tests/target");
                Files.createDirectories(dir);
                alex.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("RoutingStoryIT-alex.png"))
                        .setFullPage(true));
                jordan.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("RoutingStoryIT-jordan.png"))
                        .setFullPage(true));
                StringBuilder timelines = new StringBuilder();
                calls.forEach(c -> timelines.append('\n').append(c).append(": ").append(system.timeline(c)));
                throw new AssertionError("failed (screenshots in " + dir + "); timelines:" + timelines, e);
            }
        }
    }

    /** What each call's timeline says, in order: the route from the flow's decisions to the agent who took it. */
    private static void routesAreOnTheTimelines(String childcare, String insured, String late) throws Exception {
        assertThat(crmAsked).contains("+1" + CHILDCARE, "+1" + INSURED);

        List<String> first = summaries(childcare);
        assertInOrder(childcare, first,
                "Schedule group " + scheduleGroupId + ": open",
                "Data action CRM Case Lookup",
                "Set Flow.Priority = 2",
                "Decision 'Services contains Insurance': no",
                "Transfer to ACD queue General (priority 2)",
                "Offered to jordan",
                "queued to queue " + generalQueue + ": jordan did not answer within " + ALERT_TIMEOUT_SECONDS + " s",
                "Offered to alex",
                "Connected to alex",
                "Transfer to ACD done: connected to alex");

        List<String> second = summaries(insured);
        assertInOrder(insured, second,
                "Schedule group " + scheduleGroupId + ": open",
                "Data action CRM Case Lookup",
                "Set Flow.Priority = 7",
                "Decision 'Services contains Insurance': yes",
                "Transfer to ACD queue Insurance (priority 7, skills [" + skillId + "])",
                "Offered to jordan",
                "Connected to jordan");
        assertThat(second).noneMatch(s -> s.startsWith("Offered to alex"));

        List<String> third = summaries(late);
        assertInOrder(late, third, "Schedule group " + scheduleGroupId + ": closed",
                "Request callback to " + CHILDCARE + " in queue General", "Callback scheduled for ");
        assertInOrder(late, third, "Schedule group " + scheduleGroupId + ": closed", "Disconnect: the flow ends",
                "Ended");
        assertThat(third).noneMatch(s -> s.startsWith("Offered to") || s.startsWith("Transfer to ACD")
                || s.startsWith("Data action"));
    }

    // --- the agents -------------------------------------------------------------------------------------------------

    /** Sets the agent Available on their desktop and waits until routing has it. */
    private static void available(Page page, String user) {
        Locator select = page.getByLabel("Routing status");
        assertThat(select).isVisible(SLOW_VISIBLE);
        select.selectOption("IDLE");
        assertThat(page.locator("select[data-routing-status]"))
                .hasAttribute("data-routing-status", "IDLE", SLOW_ATTRIBUTE);
        awaitStatus(user, "IDLE");
    }

    /** Routing's status of the user, as any client reads it (the desktop reads it every 10 s). */
    private static void awaitStatus(String user, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(routingStatus(user)).as(user + "'s routing status").isEqualTo(status));
    }

    /** The Answer button of the interaction on this desktop, opening it from the list when it arrives. */
    private static Locator answerButton(Page page, String interactionId) {
        Locator item = page.locator(".interactions [data-interaction='" + interactionId + "']");
        assertThat(item).isVisible(SLOW_VISIBLE);
        if (!page.url().endsWith("#/interactions/" + interactionId)) {
            item.click();
        }
        assertThat(page).hasURL(Pattern.compile("#/interactions/" + interactionId + "$"));
        return page.locator("button[data-action='answer']");
    }

    private static Locator greeting(Page page) {
        return page.locator("[data-component='greeting']");
    }

    private static Locator cards(Page page) {
        return page.locator("[data-component='services'] > .vbox");
    }

    private static String routingStatus(String user) throws Exception {
        return system.get("/api/v2/users/" + user + "/routingstatus", admin).path("status").asText();
    }

    /** A call the IVR announces with {@code started} only: nobody named, the flow and routing decide. */
    private static String started(String ani) throws Exception {
        String ivr = system.token("client_credentials", "ivr", "ivr-secret");
        String interactionId = UUID.randomUUID().toString();
        system.post("/api/v2/interactions/events", ivr, Map.of("id", UUID.randomUUID().toString(), "type", "started",
                "interactionId", interactionId, "ani", ani, "dnis", DNIS));
        return interactionId;
    }

    // --- the timeline -----------------------------------------------------------------------------------------------

    private static List<JsonNode> timeline(String interactionId) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        system.get("/api/v2/interactions/" + interactionId + "/timeline", admin).path("entities")
                .forEach(entries::add);
        return entries;
    }

    private static List<String> summaries(String interactionId) throws Exception {
        return timeline(interactionId).stream().map(e -> e.path("summary").asText()).toList();
    }

    /** Each expected text starts an entry, in this order (other entries may come between). */
    private static void assertInOrder(String interactionId, List<String> summaries, String... expected) {
        int at = 0;
        for (String wanted : expected) {
            int found = -1;
            for (int i = at; i < summaries.size(); i++) {
                if (summaries.get(i).startsWith(wanted)) {
                    found = i;
                    break;
                }
            }
            assertThat(found).as("'%s' after entry %d on the timeline of %s: %s", wanted, at, interactionId,
                    summaries).isGreaterThanOrEqualTo(0);
            at = found + 1;
        }
    }

    // --- the admin's setup ------------------------------------------------------------------------------------------

    /**
     * Skill Insurance (jordan has it); queues Insurance and General, both agents members of both, with a short alert
     * timeout. Members must be users of the directory, which script-service reads from the gateway's topic: retried
     * until it has them.
     */
    private static void setUpRouting() throws Exception {
        skillId = id(post("/api/v2/routing/skills", Map.of("name", "Insurance")));
        Map<String, Object> media = Map.of("call", Map.of("alertingTimeoutSeconds", ALERT_TIMEOUT_SECONDS));
        insuranceQueue = id(post("/api/v2/routing/queues", Map.of("name", "Insurance", "mediaSettings", media)));
        generalQueue = id(post("/api/v2/routing/queues", Map.of("name", "General", "mediaSettings", media)));
        for (String queue : List.of(insuranceQueue, generalQueue)) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> system.send("POST",
                    "/api/v2/routing/queues/" + queue + "/members", admin,
                    List.of(Map.of("id", "alex"), Map.of("id", "jordan")), Map.of()).statusCode() / 100 == 2);
        }
        post("/api/v2/users/jordan/routingskills", Map.of("id", skillId, "proficiency", 3));
        JsonNode members = system.get("/api/v2/routing/queues/" + generalQueue + "/members", admin);
        assertThat(members.path("entities").findValuesAsText("id")).contains("alex", "jordan");
    }

    /** The loopback CRM's case lookup as a published data action: the caller's number in, the priority out. */
    private static String crmAction() throws Exception {
        String integrationId = id(post("/api/v2/integrations", Map.of("name", "Loopback CRM",
                "integrationType", Map.of("id", "purecloud-data-actions"))));
        String origin = "http://127.0.0.1:" + crm.getAddress().getPort();
        Map<String, Object> action = Map.of("name", "CRM Case Lookup", "integrationType", "purecloud-data-actions",
                "actionType", "custom",
                "config", Map.of(
                        "request", Map.of("requestUrlTemplate",
                                origin + "/cases?phone=$esc.uriEncode(${input.phone})",
                                "requestType", "GET", "headers", Map.of(), "requestTemplate", "${input.rawRequest}"),
                        "response", Map.of("translationMap", Map.of("priority", "$.priority"),
                                "translationMapDefaults", Map.of(),
                                "successTemplate", "{\"priority\": ${priority}}")),
                "contract", Map.of(
                        "input", Map.of("inputSchema", Map.of("type", "object", "properties",
                                Map.of("phone", Map.of("type", "string")), "required", List.of("phone"))),
                        "output", Map.of("successSchema", Map.of("type", "object", "properties",
                                Map.of("priority", Map.of("type", "integer"))))),
                "secure", false);
        return id(post("/api/v2/integrations/actions/import?publish=true&integrationId=" + integrationId
                + "&name=" + RapportSystem.enc("CRM Case Lookup"), action));
    }

    /** The greeting with the agent's name from the directory, and one card per service. */
    private static String script() throws Exception {
        Map<String, Object> script = Map.of("name", "Routing Story " + UUID.randomUUID().toString().substring(0, 8),
                "startPageId", "start",
                "variables", List.of(
                        Map.of("name", "CustomerName", "type", "string", "input", true),
                        Map.of("name", "Services", "type", "string", "input", true),
                        Map.of("name", "Service List", "type", "string", "kind", "dynamic",
                                "expression", "split({{Services}}, \"|\")")),
                "pages", List.of(Map.of("id", "start", "name", "Start", "root", Map.of(
                        "type", "verticalContainer", "id", "root", "children", List.of(
                                Map.of("type", "text", "id", "greeting",
                                        "text", "Hi {{CustomerName}}, thanks for calling Health Client Services. "
                                                + "My name is {{Scripter.Agent Name}}."),
                                Map.of("type", "horizontalContainer", "id", "services", "repeatFor", "Service List",
                                        "children", List.of(Map.of("type", "verticalContainer", "id", "card",
                                                "children", List.of(Map.of("type", "text", "id", "service",
                                                        "text", "{{Item}}"))))))))));
        String scriptId = id(post("/api/v2/scripts", script));
        post("/api/v2/scripts/" + scriptId + "/publish", Map.of());
        return scriptId;
    }

    /**
     * Lookup and screen pop as in the workshop; then the schedule group: open: the CRM's case priority, the decision
     * on the services, transfer to ACD; closed or holiday: a callback request and the end of the call.
     */
    private static void publishFlow(String tableId, String scriptId, String actionId) throws Exception {
        List<Object> callback = List.of(Map.of("type", "requestCallback", "queueId", generalQueue,
                "queueName", "General"), Map.of("type", "disconnect"));
        Map<String, Object> flow = Map.of("name", "Routing Story", "match", Map.of("dnis", List.of(DNIS)),
                "steps", List.of(
                        Map.of("type", "dataTableLookup", "tableId", tableId, "key", "{{Call.Ani}}",
                                "outputs", Map.of("CustomerName", "CustomerName", "Services", "Services"),
                                "found", List.of(Map.of("type", "screenPop", "scriptId", scriptId, "inputs",
                                        Map.of("CustomerName", "{{Flow.CustomerName}}",
                                                "Services", "{{Flow.Services}}")))),
                        Map.of("type", "evaluateScheduleGroup", "scheduleGroupId", scheduleGroupId,
                                "open", List.of(
                                        Map.of("type", "callDataAction", "actionId", actionId,
                                                "inputs", Map.of("phone", "e164({{Call.Ani}}, \"1\")"),
                                                "outputs", Map.of("CasePriority", "priority"),
                                                "timeoutSeconds", 10),
                                        Map.of("type", "setVariable", "name", "Priority",
                                                "expression", "isSet({{Flow.CasePriority}}) ? "
                                                        + "toNumber({{Flow.CasePriority}}) : 0"),
                                        Map.of("type", "decision", "name", "Services contains Insurance",
                                                "expression", "contains({{Flow.Services}}, \"Insurance\")",
                                                "yes", List.of(Map.of("type", "transferToAcd",
                                                        "queueId", insuranceQueue, "queueName", "Insurance",
                                                        "priority", "{{Flow.Priority}}", "skills", List.of(skillId),
                                                        "failure", callback)),
                                                "no", List.of(Map.of("type", "transferToAcd",
                                                        "queueId", generalQueue, "queueName", "General",
                                                        "priority", "{{Flow.Priority}}", "failure", callback)))),
                                "closed", callback, "holiday", callback)));
        String flowId = id(post("/api/v2/flows/inbound", flow));
        post("/api/v2/flows/inbound/" + flowId + "/publish", Map.of());
    }

    /** Out of hours: the group's one schedule moves from open to closed (a PUT with the group's version). */
    private static void closeTheScheduleGroup() throws Exception {
        JsonNode group = system.get("/api/v2/architect/schedulegroups/" + scheduleGroupId, admin);
        ObjectNode closed = ((ObjectNode) group.deepCopy());
        closed.set("openSchedules", JSON.createArrayNode());
        closed.set("closedSchedules", JSON.valueToTree(List.of(Map.of("id", scheduleId))));
        HttpResponse<String> r = system.send("PUT", "/api/v2/architect/schedulegroups/" + scheduleGroupId, admin,
                closed, Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static JsonNode post(String path, Object body) throws Exception {
        HttpResponse<String> r = system.send("POST", path, admin, body, Map.of());
        assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(200, 299);
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private static String id(JsonNode created) {
        assertThat(created.path("id").asText()).as(created.toString()).isNotBlank();
        return created.path("id").asText();
    }
}
