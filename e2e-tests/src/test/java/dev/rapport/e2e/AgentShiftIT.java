package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.infra.demo.DemoLoader;
import dev.rapport.testkit.TestBrowser;
import dev.rapport.testkit.TopicProbe;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's shift with the real services: on the demo, an admin adds two wrap-up codes, a script that requires a
 * wrap-up with notes and has a transfer and a callback button, and a flow for its own number. alex's desktop pops
 * the first call by itself; he updates the case (the row's history names him), transfers the call to a queue (the
 * command on 'interaction-commands', the gateway's telephony simulator answering on 'interactions', both on the
 * timeline) and wraps it up. The second call pops; he books a callback, ends the call with End, is refused without
 * notes, and wraps up: the call leaves his list, and the wrap-up is on the timeline, in participant data and out on
 * 'interaction-commands'. axe-core checks the page with the wrap-up form open; its screenshot goes to the docs.
 * Like WorkshopStoryIT it starts a system of its own: the shared one is the admin tests' empty system, where the demo
 * would collide with the workshop WorkshopAdminIT builds by hand.
 */
class AgentShiftIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path AXE =
            RapportSystem.ROOT.resolve("gateway/src/main/webui/node_modules/axe-core/axe.min.js");
    private static final Path SCREENSHOT = RapportSystem.ROOT.resolve("docs/images/agent-wrap-up.png");
    /** The number the test's calls dial: its own flow, so the demo's default flow is left as it is. */
    private static final String DNIS = "8005550199";
    private static final String ANI = "7204276664";
    private static final String NOTES = "Call back tomorrow about the invoice";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT.toMillis());
    private static final LocatorAssertions.IsVisibleOptions SLOW_VISIBLE =
            new LocatorAssertions.IsVisibleOptions().setTimeout(WAIT.toMillis());

    private static RapportSystem system;
    private static DemoLoader.Loaded demo;
    private static String admin;
    private static String scriptName;
    private static Map<String, String> codes;

    @BeforeAll
    static void start() throws Exception {
        system = new RapportSystem("e2e_shift");
        demo = new DemoLoader(system.gateway, RapportSystem.ROOT.resolve("demo")).load("admin", "admin");
        admin = system.token("password", "admin", "admin");
        String s = UUID.randomUUID().toString().substring(0, 8);
        codes = Map.of("transferred", code("Sent to billing " + s), "resolved", code("Callback booked " + s));
        scriptName = "Agent Shift " + s;
        String scriptId = publishTheShiftScript();
        ObjectNode flow = (ObjectNode) JSON.readTree(Files.readString(RapportSystem.ROOT
                .resolve("demo/workshop-inbound.flow.json"))
                .replace("${TABLE_ID}", demo.tableId()).replace("${SCRIPT_ID}", scriptId));
        flow.put("name", "Agent Shift " + s);
        flow.set("match", JSON.valueToTree(Map.of("dnis", List.of(DNIS))));
        String flowId = api("POST", "/api/v2/flows/inbound", flow).path("id").asText();
        api("POST", "/api/v2/flows/inbound/" + flowId + "/publish", Map.of());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void alexWorksAShiftOfTransferCallbackEndAndWrapUp() throws Exception {
        String alex = system.token("password", "alex", "alex");
        byte[] wrapUpShot;
        String first = null;
        String second = null;
        try (TestBrowser browser = new TestBrowser(); BrowserContext context = browser.newContext()) {
            context.setDefaultTimeout(15_000);
            context.addInitScript(AXE);
            Page page = context.newPage();
            try {
                TestBrowser.signIn(page, system.gateway.toURL(), "alex", "alex", "Alex Agent");
                assertThat(page.locator(".interactions .status")).hasText("live");

                // 1. The call pops with no click, the focus on its heading.
                first = system.call(ANI, DNIS, "alex", null);
                popsByItself(page, first);
                assertThat(page.locator("[data-component='greeting']")).containsText("Hi Jane Doe");

                // Submit ("Update Case") runs the demo's data action for alex: the row's history names him.
                type(page, first, alex, "CaseStatus", "Sent to billing");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click();
                assertThat(notice(page, "Case Updated Successfully")).isVisible(SLOW_VISIBLE);
                JsonNode change = system.get("/api/v2/flows/datatables/" + demo.tableId() + "/rows/" + ANI
                        + "/history", admin).path("entities").get(0);
                assertThat(change.path("newValues").path("CaseStatus").asText()).isEqualTo("Sent to billing");
                assertThat(change.path("changedBy").asText()).isEqualTo("alex via Update Case");

                // 2. The transfer: out on interaction-commands, the simulator's answer back, the notice, the timeline.
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Transfer to Billing")).click();
                InteractionCommand transfer = command(first, InteractionCommand.Kind.BLIND_TRANSFER);
                assertThat(transfer.target()).isEqualTo(
                        new InteractionCommand.Target(InteractionCommand.TargetType.QUEUE, "billing", null));
                assertThat(transfer.agentId()).isEqualTo("alex");
                InteractionEvent transferred = answerTo(transfer);
                assertThat(transferred.type()).isEqualTo(InteractionEvent.Kind.TRANSFERRED);
                assertThat(transferred.queue().id()).isEqualTo("billing");
                assertThat(notice(page, "Transferred to queue billing")).isVisible(SLOW_VISIBLE);
                assertAnsweredOnTheTimeline(first, transfer, "interaction.transferred");

                // The call left alex: the script requires a wrap-up, so the form opens and the call stays active.
                Locator form = page.locator("form.wrapup");
                assertThat(form).containsText("This interaction has left you", SLOW);
                assertThat(active(page, first)).isVisible();
                wrapUp(page, codes.get("transferred"), "Billing takes the disputed invoice");
                assertThat(recent(page, first)).isVisible();
                assertThat(active(page, first)).hasCount(0);

                // 3. The next call pops (the open one is done); alex books a callback on it.
                second = system.call(ANI, DNIS, "alex", null);
                popsByItself(page, second);
                String at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
                type(page, second, alex, "Callback Number", "+1 555 0100");
                type(page, second, alex, "Callback Time", at);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule callback")).click();
                InteractionCommand callback = command(second, InteractionCommand.Kind.SCHEDULE_CALLBACK);
                assertThat(callback.callback()).isEqualTo(new InteractionCommand.Callback("+1 555 0100",
                        Instant.parse(at)));
                InteractionEvent scheduled = answerTo(callback);
                assertThat(scheduled.type()).isEqualTo(InteractionEvent.Kind.CALLBACK_SCHEDULED);
                assertThat(notice(page, "Callback scheduled for " + at + " to +1 555 0100")).isVisible(SLOW_VISIBLE);
                assertThat(page.locator("[data-banner='success']")).containsText("Callback booked for +1 555 0100");
                assertAnsweredOnTheTimeline(second, callback, "interaction.callbackScheduled");
                assertThat(active(page, second)).isVisible();

                // 4. End: the telephony side disconnects, the call ends, the wrap-up form takes the focus.
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End call")).click();
                Locator end = page.locator("button[data-action='end']");
                assertThat(end).hasText("Ending…");
                assertThat(end).hasAttribute("aria-busy", "true");
                InteractionCommand disconnect = command(second, InteractionCommand.Kind.DISCONNECT);
                assertThat(answerTo(disconnect).type()).isEqualTo(InteractionEvent.Kind.ENDED);
                assertThat(form).containsText("This interaction has ended", SLOW);
                assertThat(page.getByLabel("Wrap-up code")).isFocused();
                assertThat(active(page, second)).isVisible();
                assertThat(page.getByLabel("Wrap-up code").locator("option", new Locator.LocatorOptions()
                        .setHasText(Pattern.compile("^Callback booked ")))).hasCount(1);

                // Without notes: refused at the field before anything is sent, and by the gateway at its door.
                page.getByLabel("Wrap-up code").selectOption(codes.get("resolved"));
                form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
                assertThat(form.locator("[role='alert']")).hasText("Notes are required to wrap up this interaction.");
                HttpResponse<String> refused = system.send("POST", "/api/v2/agent/interactions/" + second
                        + "/commands", alex, Map.of("type", "wrapUp", "code", codes.get("resolved")), Map.of());
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
                assertThat(JSON.readTree(refused.body()).path("details").get(0).path("fieldName").asText())
                        .isEqualTo("notes");
                assertThat(grave(page)).as("axe-core with the wrap-up form open").isEmpty();
                wrapUpShot = page.screenshot(new Page.ScreenshotOptions().setFullPage(true));

                page.getByLabel("Notes (required)").fill(NOTES);
                form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
                assertThat(recent(page, second)).isVisible(SLOW_VISIBLE);
                assertThat(active(page, second)).hasCount(0);
                assertThat(form).hasCount(0);
                assertThat(page.locator("[data-wrapup='done']")).containsText("Wrapped up: Callback booked ");
                assertThat(page.locator("#detail-title")).isFocused();
            } catch (Exception | AssertionError e) {
                Path failed = RapportSystem.ROOT.resolve("e2e-tests/target/AgentShiftIT-failure.png");
                Files.createDirectories(failed.getParent());
                page.screenshot(new Page.ScreenshotOptions().setPath(failed).setFullPage(true));
                throw new AssertionError("failed at " + page.url() + " (screenshot " + failed + "); timelines: "
                        + (first == null ? "" : system.timeline(first)) + " "
                        + (second == null ? "" : system.timeline(second)), e);
            }
        }

        wrapUpIsRecorded(first, second, alex);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, wrapUpShot);
    }

    /** The wrap-up: on the timeline, in participant data, in the session, and a record for the telephony side. */
    private static void wrapUpIsRecorded(String transferred, String ended, String alex) throws Exception {
        JsonNode done = timeline(ended).stream().filter(e -> "wrapup.done".equals(e.path("kind").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no wrapup.done: " + system.timeline(ended)));
        assertThat(done.path("detail").path("code").asText()).isEqualTo(codes.get("resolved"));
        assertThat(done.path("detail").path("notes").asText()).isEqualTo(NOTES);
        assertThat(kinds(ended)).contains("command.disconnect", "interaction.ended", "wrapup.pending");
        JsonNode participantData = system.get("/api/v2/interactions/" + ended + "/participantdata", admin);
        assertThat(participantData.path("Wrap-up Code").asText()).startsWith("Callback booked ");
        assertThat(participantData.path("Wrap-up Code Id").asText()).isEqualTo(codes.get("resolved"));
        assertThat(participantData.path("Wrap-up Notes").asText()).isEqualTo(NOTES);
        JsonNode session = system.get("/api/v2/agent/interactions/" + ended + "/session", alex);
        assertThat(session.path("state").asText()).isEqualTo("ended");
        assertThat(session.path("wrapup").path("status").asText()).isEqualTo("done");
        InteractionCommand record = command(ended, InteractionCommand.Kind.WRAPUP);
        assertThat(record.agentId()).isEqualTo("alex");
        assertThat(record.wrapup().code()).isEqualTo(codes.get("resolved"));
        assertThat(record.wrapup().name()).startsWith("Callback booked ");
        assertThat(record.wrapup().notes()).isEqualTo(NOTES);
        // The form's refusal sent nothing: the one wrapUp alex sent carries the notes.
        List<AgentCommand> wrapUps = new ArrayList<>();
        for (ConsumerRecord<String, String> r : probe().read(Topics.AGENT_COMMANDS, r -> ended.equals(r.key())
                && r.value().contains("\"wrapUp\""), 1, WAIT, Duration.ofSeconds(1))) {
            wrapUps.add(EventSchemas.AGENT_COMMAND.parse(KafkaCloudEvents.fromRecord(r).data(), AgentCommand.class));
        }
        assertThat(wrapUps).extracting(AgentCommand::notes).containsExactly(NOTES);
        // The transferred call's wrap-up went out too.
        assertThat(command(transferred, InteractionCommand.Kind.WRAPUP).wrapup().code())
                .isEqualTo(codes.get("transferred"));
    }

    // --- the admin's setup ------------------------------------------------------------------------------------------

    /**
     * The demo's script under another name, its web pages left out (the test machine has no internet), with a
     * required wrap-up with notes and two buttons whose custom actions transfer to the queue "billing" and schedule
     * a callback to a typed number at a typed time. Created and published as the designer does.
     */
    private static String publishTheShiftScript() throws Exception {
        ObjectNode script = (ObjectNode) JSON.readTree(Files.readString(RapportSystem.ROOT
                .resolve("demo/architect-workshop.script.json")).replace("${DATA_ACTION_ID}", demo.actionId()));
        script.put("name", scriptName);
        script.put("wrapupRequired", true);
        script.put("wrapupNotesRequired", true);
        ArrayNode children = (ArrayNode) script.path("pages").get(0).path("root").path("children");
        for (int i = children.size() - 1; i >= 0; i--) {
            if ("pages".equals(children.get(i).path("id").asText())) {
                children.remove(i);
            }
        }
        children.addAll(JSON.<ArrayNode>valueToTree(List.of(
                Map.of("type", "button", "id", "transfer", "text", "Transfer to Billing", "action", "Transfer"),
                Map.of("type", "textInput", "id", "callback-number", "variable", "Callback Number",
                        "placeholder", "+1 555 0100", "required", false),
                Map.of("type", "textInput", "id", "callback-time", "variable", "Callback Time",
                        "placeholder", "2026-12-01T15:30", "required", false),
                Map.of("type", "button", "id", "callback", "text", "Schedule callback", "action", "Callback"))));
        ((ArrayNode) script.path("variables")).addAll(JSON.<ArrayNode>valueToTree(List.of(
                Map.of("name", "Callback Number", "type", "string", "kind", "basic", "input", false, "output", false),
                Map.of("name", "Callback Time", "type", "string", "kind", "basic", "input", false, "output", false))));
        ((ArrayNode) script.path("customActions")).addAll(JSON.<ArrayNode>valueToTree(List.of(
                Map.of("name", "Transfer", "steps", List.of(
                        Map.of("type", "transfer", "mode", "blind", "targetType", "queue", "target", "billing"))),
                Map.of("name", "Callback", "steps", List.of(
                        Map.of("type", "scheduleCallback", "number", "{{Callback Number}}",
                                "time", "{{Callback Time}}"),
                        Map.of("type", "infoBanner", "message", "Callback booked for {{Callback Number}}",
                                "level", "success"))))));
        String scriptId = api("POST", "/api/v2/scripts", script).path("id").asText();
        api("POST", "/api/v2/scripts/" + scriptId + "/publish", Map.of());
        return scriptId;
    }

    private static String code(String name) throws Exception {
        String id = api("POST", "/api/v2/routing/wrapupcodes", Map.of("name", name,
                "description", "Added by AgentShiftIT")).path("id").asText();
        assertThat(id).isNotBlank();
        return id;
    }

    private static JsonNode api(String method, String path, Object body) throws Exception {
        HttpResponse<String> r = system.send(method, path, admin, body, Map.of());
        assertThat(r.statusCode()).as(method + " " + path + " " + r.body()).isBetween(200, 299);
        return r.body().isBlank() ? JSON.missingNode() : JSON.readTree(r.body());
    }

    // --- the desktop --------------------------------------------------------------------------------------------

    private static void popsByItself(Page page, String interactionId) {
        assertThat(page).hasURL(Pattern.compile("#/interactions/" + interactionId + "$"),
                new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(WAIT.toMillis()));
        assertThat(page.locator("#detail-title")).isFocused();
        assertThat(page.locator(".detail-head > .meta")).containsText("Script " + scriptName + " v1");
    }

    /** Types into the input bound to {@code variable} and leaves it, then waits until the session holds the value. */
    private static void type(Page page, String interactionId, String alex, String variable, String value) {
        Locator input = page.locator("[data-variable='" + variable + "']");
        input.fill(value);
        input.blur();
        system.awaitSession(interactionId, alex, s -> value.equals(s.path("variables").path(variable).asText()));
    }

    private static void wrapUp(Page page, String code, String notes) {
        Locator form = page.locator("form.wrapup");
        page.getByLabel("Wrap-up code").selectOption(code);
        page.getByLabel("Notes (required)").fill(notes);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
        assertThat(page.locator("[data-wrapup='done']")).containsText(notes, SLOW);
    }

    private static Locator notice(Page page, String text) {
        return page.locator(".notice").filter(new Locator.FilterOptions().setHasText(text));
    }

    private static Locator active(Page page, String interactionId) {
        return page.locator(".interactions ul.active [data-interaction='" + interactionId + "']");
    }

    private static Locator recent(Page page, String interactionId) {
        return page.locator(".interactions ul.recent [data-interaction='" + interactionId + "']");
    }

    /** axe-core's serious and critical violations on the page (frames left out). */
    private static List<String> grave(Page page) throws Exception {
        JsonNode violations = JSON.readTree(String.valueOf(page.evaluate("async () => JSON.stringify((await "
                + "axe.run(document, { resultTypes: ['violations'], iframes: false })).violations)")));
        List<String> grave = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> where = new ArrayList<>();
                v.path("nodes").forEach(n -> where.add(n.path("html").asText()));
                grave.add(impact + " " + v.path("id").asText() + " (" + v.path("help").asText() + ") at " + where);
            }
        }
        return grave;
    }

    // --- the topics and the timeline ------------------------------------------------------------------------------

    private static TopicProbe probe() {
        return new TopicProbe(system.infra.kafka.bootstrapServers());
    }

    /** The one command of {@code kind} script-service sent for the interaction on 'interaction-commands'. */
    private static InteractionCommand command(String interactionId, InteractionCommand.Kind kind) {
        List<InteractionCommand> found = probe().read(Topics.INTERACTION_COMMANDS,
                        r -> interactionId.equals(r.key()) && parse(r).type() == kind, 1, WAIT, Duration.ofMillis(500))
                .stream().map(AgentShiftIT::parse).toList();
        assertThat(found).as(kind.wireName() + " of " + interactionId + " on interaction-commands").hasSize(1);
        return found.get(0);
    }

    private static InteractionCommand parse(ConsumerRecord<String, String> r) {
        return EventSchemas.INTERACTION_COMMAND.parse(KafkaCloudEvents.fromRecord(r).data(), InteractionCommand.class);
    }

    /** The telephony simulator's answer on 'interactions': the event naming the command's id. */
    private static InteractionEvent answerTo(InteractionCommand command) {
        List<ConsumerRecord<String, String>> answers = probe().read(Topics.INTERACTIONS,
                r -> command.interactionId().equals(r.key()) && r.value().contains(command.commandId()), 1, WAIT,
                Duration.ZERO);
        assertThat(answers).as("the telephony simulator's answer to " + command.type().wireName()).hasSize(1);
        return EventSchemas.INTERACTION_EVENT.parse(KafkaCloudEvents.fromRecord(answers.get(0)).data(),
                InteractionEvent.class);
    }

    /** The timeline holds the command as sent, the answer naming it, and that the command was answered. */
    private static void assertAnsweredOnTheTimeline(String interactionId, InteractionCommand command,
                                                    String answerKind) throws Exception {
        List<JsonNode> entries = timeline(interactionId);
        assertThat(entries).as("command.sent naming " + command.commandId()).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("command.sent");
            assertThat(e.path("detail").path("commandId").asText()).isEqualTo(command.commandId());
        });
        assertThat(entries).as(answerKind + " naming " + command.commandId()).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo(answerKind);
            assertThat(e.path("detail").path("commandId").asText()).isEqualTo(command.commandId());
        });
        assertThat(kinds(interactionId)).contains("command.answered");
    }

    private static List<JsonNode> timeline(String interactionId) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        system.get("/api/v2/interactions/" + interactionId + "/timeline", admin).path("entities")
                .forEach(entries::add);
        return entries;
    }

    private static List<String> kinds(String interactionId) throws Exception {
        return timeline(interactionId).stream().map(e -> e.path("kind").asText()).toList();
    }
}
