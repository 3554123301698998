package dev.rapport.gateway.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.gateway.FakeService;
import dev.rapport.gateway.agent.Sessions;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestBrowser;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interaction actions and wrap-up on the desktop, through the gateway and the broker, with the gateway's telephony
 * simulator answering 'interaction-commands'. The test plays script-service: it reads the agent's commands, sends
 * the interaction commands a script would, and publishes the states the answers lead to (script-service's own part is
 * {@code InteractionCommandsSessionTest}). Wrap-up codes come from script-service's API through the gateway's route
 * (here a stand-in, {@link FakeService}).
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
@WithTestResource(FakeService.class)
class InteractionActionsBrowserTest extends DesktopBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final List<String> opened = new ArrayList<>();

    @BeforeEach
    void startTheShift() {
        AgentShiftBrowserTest.endOpenSessions(bootstrap, "alex");
    }

    @AfterEach
    void endSessions() {
        TopicProbe probe = new TopicProbe(bootstrap);
        opened.forEach(id -> probe.send(Sessions.record(Sessions.state(id, 99, "ended", "alex"))));
    }

    @Test
    void alexTransfersOneCallToAQueueAndSchedulesACallbackOnAnother() {
        String first = newId();
        String second = newId();
        TopicProbe probe = new TopicProbe(bootstrap);
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context);
            probe.send(Sessions.record(state(first, 1, "connected", List.of(), null, null)));
            assertThat(page).hasURL(Pattern.compile("#/interactions/" + first + "$"));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Transfer to Billing")).click();
            AgentCommand click = agentCommands(first, 1).get(0);
            assertThat(click.component()).isEqualTo("transfer");
            // script-service: the run waits, the transfer goes out on interaction-commands
            probe.send(Sessions.record(state(first, 2, "connected", List.of(), run("running"), null)));
            InteractionCommand transfer = new InteractionCommand(UUID.randomUUID().toString(),
                    InteractionCommand.Kind.BLIND_TRANSFER, first, Instant.now(), "alex",
                    new InteractionCommand.Target(InteractionCommand.TargetType.QUEUE, "billing", "Billing"), null,
                    null);
            probe.send(commandRecord(transfer));
            assertThat(page.locator("button[data-component='transfer']")).hasAttribute("aria-busy", "true");

            InteractionEvent transferred = answerTo(transfer);
            assertThat(transferred.type()).isEqualTo(InteractionEvent.Kind.TRANSFERRED);
            assertThat(transferred.queue().id()).isEqualTo("billing");
            // script-service: the answer ends the run; the call left alex (no wrap-up required by this script)
            probe.send(Sessions.record(left(state(first, 3, "queued", List.of(alert("Transferred to queue Billing")),
                    run("succeeded"), null), "notRequired")));
            assertThat(page.locator("[role='status'] .notice.success")).containsText("Transferred to queue Billing");
            assertThat(page.locator(".interactions ul.recent [data-interaction='" + first + "']")).isVisible();
            assertThat(page.locator(".interactions ul.active [data-interaction='" + first + "']")).hasCount(0);

            // The next call pops (the one open has left alex); he books a callback on it.
            probe.send(Sessions.record(state(second, 1, "connected", List.of(), null, null)));
            assertThat(page).hasURL(Pattern.compile("#/interactions/" + second + "$"));
            String at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
            page.locator("[data-variable='Callback Number']").fill("+1 555 0100");
            page.locator("[data-variable='Callback Time']").fill(at);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule callback")).click();
            List<AgentCommand> typed = agentCommands(second, 3);
            assertThat(typed).extracting(AgentCommand::type).contains(AgentCommand.Kind.SET_VARIABLE,
                    AgentCommand.Kind.CLICK);
            InteractionCommand callback = new InteractionCommand(UUID.randomUUID().toString(),
                    InteractionCommand.Kind.SCHEDULE_CALLBACK, second, Instant.now(), "alex", null,
                    new InteractionCommand.Callback(value(typed, "Callback Number"),
                            Instant.parse(value(typed, "Callback Time"))), null);
            probe.send(commandRecord(callback));

            InteractionEvent scheduled = answerTo(callback);
            assertThat(scheduled.type()).isEqualTo(InteractionEvent.Kind.CALLBACK_SCHEDULED);
            assertThat(scheduled.callback().number()).isEqualTo("+1 555 0100");
            String booked = "Callback scheduled for " + at + " to +1 555 0100";
            probe.send(Sessions.record(state(second, 2, "connected", List.of(alert(booked)), run("succeeded"),
                    "Callback booked for +1 555 0100")));
            assertThat(page.locator("[role='status'] .notice.success")).containsText(booked);
            assertThat(page.locator("[data-banner='success']")).containsText("Callback booked for +1 555 0100");
            assertThat(page.locator(".interactions ul.active [data-interaction='" + second + "']")).isVisible();
        }
    }

    @Test
    void alexEndsACallIsAskedForTheRequiredWrapUpAndTheCallLeavesHisList() throws Exception {
        String id = newId();
        TopicProbe probe = new TopicProbe(bootstrap);
        try (BrowserContext context = browser.newContext()) {
            context.addInitScript(AXE);
            Page page = signedIn(context);
            probe.send(Sessions.record(state(id, 1, "connected", List.of(), null, null)));
            assertThat(page).hasURL(Pattern.compile("#/interactions/" + id + "$"));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End call")).click();
            assertThat(agentCommands(id, 1).get(0).type()).isEqualTo(AgentCommand.Kind.DISCONNECT);
            // script-service: a new version as it sends the disconnect, still connected (a banner marks it here);
            // the button waits on until the call has ended (AgentShiftIT saw it say "End call" again in between).
            probe.send(Sessions.record(state(id, 2, "connected", List.of(), null, "Ending the call")));
            assertThat(page.locator("[data-banner='success']")).containsText("Ending the call");
            assertThat(page.locator("button[data-action='end']")).hasText("Ending…");
            assertThat(page.locator("button[data-action='end']")).hasAttribute("aria-busy", "true");
            InteractionCommand disconnect = new InteractionCommand(UUID.randomUUID().toString(),
                    InteractionCommand.Kind.DISCONNECT, id, Instant.now(), "alex", null, null, null);
            probe.send(commandRecord(disconnect));
            InteractionEvent ended = answerTo(disconnect);
            assertThat(ended.type()).isEqualTo(InteractionEvent.Kind.ENDED);
            probe.send(Sessions.record(Sessions.left(state(id, 3, "ended", List.of(), null, null), "ended", "alex",
                    SessionState.Wrapup.PENDING, true)));

            // The form opens with the focus in it; the call stays in the active list meanwhile.
            Locator form = page.locator("form.wrapup");
            assertThat(form).isVisible();
            assertThat(page.getByLabel("Wrap-up code")).isFocused();
            assertThat(page.locator(".interactions ul.active [data-interaction='" + id + "']")).isVisible();
            assertThat(page.getByLabel("Wrap-up code").locator("option"))
                    .containsText(new String[] {"Choose a code…", "Resolved", "Escalated <to> billing"});
            page.getByLabel("Wrap-up code").selectOption(FakeService.RESOLVED_CODE);
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
            assertThat(form.locator("[role='alert']")).hasText("Notes are required to wrap up this interaction.");
            assertThat(grave(axeViolations(page))).as("axe-core on the wrap-up form").isEmpty();

            page.getByLabel("Notes (required)").fill("Customer sorted; call back Monday");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
            AgentCommand wrapUp = agentCommands(id, 2).stream()
                    .filter(c -> c.type() == AgentCommand.Kind.WRAP_UP).findFirst().orElseThrow();
            assertThat(wrapUp.code()).isEqualTo(FakeService.RESOLVED_CODE);
            assertThat(wrapUp.notes()).isEqualTo("Customer sorted; call back Monday");

            // script-service: done; the call leaves alex's active list for Recent
            probe.send(Sessions.record(done(state(id, 4, "ended", List.of(), null, null), wrapUp)));
            assertThat(page.locator(".interactions ul.recent [data-interaction='" + id + "']")).isVisible();
            assertThat(page.locator(".interactions ul.active [data-interaction='" + id + "']")).hasCount(0);
            assertThat(form).hasCount(0);
            assertThat(page.locator("[data-wrapup='done']")).containsText("Wrapped up: Resolved");
            assertThat(page.locator("#detail-title")).isFocused();
        }
    }

    @Test
    void anEndNobodyAnsweredOffersTheButtonAgain() {
        String id = newId();
        TopicProbe probe = new TopicProbe(bootstrap);
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context);
            probe.send(Sessions.record(state(id, 1, "connected", List.of(), null, null)));
            assertThat(page).hasURL(Pattern.compile("#/interactions/" + id + "$"));
            Locator end = page.locator("button[data-action='end']");
            end.click();
            assertThat(agentCommands(id, 1).get(0).type()).isEqualTo(AgentCommand.Kind.DISCONNECT);
            assertThat(end).hasText("Ending…");

            // script-service: the disconnect timed out; the call is still connected and the agent may try again
            probe.send(Sessions.record(state(id, 2, "connected", List.of(new SessionState.Alert(
                    UUID.randomUUID().toString(), "Not done: no answer to disconnect from the telephony side in time",
                    "error", Instant.now())), null, null)));
            assertThat(page.locator(".notice.error")).containsText("no answer to disconnect");
            assertThat(end).hasText("End call");
            assertThat(end).hasAttribute("aria-busy", "false");
        }
    }

    @Test
    void aWrapUpScriptServiceRefusedOffersTheFormAgain() {
        String id = newId();
        TopicProbe probe = new TopicProbe(bootstrap);
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context);
            probe.send(Sessions.record(state(id, 1, "connected", List.of(), null, null)));
            assertThat(page).hasURL(Pattern.compile("#/interactions/" + id + "$"));
            probe.send(Sessions.record(Sessions.left(state(id, 2, "ended", List.of(), null, null), "ended", "alex",
                    SessionState.Wrapup.PENDING, true)));
            Locator form = page.locator("form.wrapup");
            assertThat(form).isVisible();
            page.getByLabel("Wrap-up code").selectOption(FakeService.RESOLVED_CODE);
            page.getByLabel("Notes (required)").fill("Sorted");
            Locator done = form.locator("button[type='submit']");
            done.click();
            assertThat(agentCommands(id, 1).get(0).type()).isEqualTo(AgentCommand.Kind.WRAP_UP);
            assertThat(done).hasText("Wrapping up…");

            // script-service: the code was deleted meanwhile; the wrap-up is still owed and the agent may choose again
            probe.send(Sessions.record(Sessions.left(state(id, 3, "ended", List.of(new SessionState.Alert(
                    UUID.randomUUID().toString(), "Not done: no wrap-up code " + FakeService.RESOLVED_CODE, "error",
                    Instant.now())), null, null), "ended", "alex", SessionState.Wrapup.PENDING, true)));
            assertThat(page.locator(".notice.error")).containsText("no wrap-up code");
            assertThat(done).hasText("Done");
            assertThat(page.getByLabel("Wrap-up code", new Page.GetByLabelOptions().setExact(true))).isEnabled();
        }
    }

    // --- script-service's part, played here -----------------------------------------------------------------

    private List<AgentCommand> agentCommands(String interactionId, int count) {
        List<AgentCommand> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : new TopicProbe(bootstrap).read(Topics.AGENT_COMMANDS,
                r -> interactionId.equals(r.key()), count, WAIT, Duration.ofMillis(300))) {
            out.add(EventSchemas.AGENT_COMMAND.parse(KafkaCloudEvents.fromRecord(r).data(), AgentCommand.class));
        }
        assertThat(out).as("agent commands of " + interactionId).hasSizeGreaterThanOrEqualTo(count);
        return out;
    }

    /** The simulator's answer on 'interactions', found by the command id it names. */
    private InteractionEvent answerTo(InteractionCommand command) {
        List<ConsumerRecord<String, String>> answers = new TopicProbe(bootstrap).read(Topics.INTERACTIONS,
                r -> command.interactionId().equals(r.key()) && r.value().contains(command.commandId()), 1, WAIT,
                Duration.ZERO);
        assertThat(answers).as("the telephony simulator's answer to " + command.type().wireName()).hasSize(1);
        return EventSchemas.INTERACTION_EVENT.parse(KafkaCloudEvents.fromRecord(answers.get(0)).data(),
                InteractionEvent.class);
    }

    private static ProducerRecord<String, String> commandRecord(InteractionCommand c) {
        return KafkaCloudEvents.toRecord(Topics.INTERACTION_COMMANDS, new CloudEvent(UUID.randomUUID().toString(),
                EventTypes.interactionCommand(c.type()), "/test/script-service", c.interactionId(), Instant.now(),
                EventSchemas.INTERACTION_COMMAND.write(c)), null);
    }

    private static String value(List<AgentCommand> commands, String variable) {
        return commands.stream().filter(c -> variable.equals(c.variable())).reduce((a, b) -> b)
                .map(c -> String.valueOf(c.value())).orElseThrow();
    }

    private static SessionState state(String id, long version, String state, List<SessionState.Alert> alerts,
                                      List<SessionState.ActionRun> runs, String banner) {
        return Sessions.state(id, version, state, "alex", Instant.now(), page(banner), alerts,
                runs == null ? List.of() : runs);
    }

    private static SessionState left(SessionState s, String status) {
        return Sessions.left(s, s.state(), "alex", status, false);
    }

    private static SessionState done(SessionState s, AgentCommand wrapUp) {
        return new SessionState(s.interactionId(), s.version(), s.state(), s.ani(), s.dnis(),
                Map.of("Wrap-up Code", "Resolved"), s.queue(), null, s.updatedAt(), s.script(), s.page(),
                s.variables(), s.alerts(), s.actions(), new SessionState.Wrapup("alex", SessionState.Wrapup.DONE, true,
                true, wrapUp.code(), "Resolved", wrapUp.notes(), Instant.now()));
    }

    private static List<SessionState.ActionRun> run(String status) {
        return List.of(new SessionState.ActionRun("run-1", "Act", "transfer", status, null, Instant.now()),
                new SessionState.ActionRun("run-2", "Book", "callback", status, null, Instant.now()));
    }

    private static SessionState.Alert alert(String message) {
        return new SessionState.Alert(UUID.randomUUID().toString(), message, "success", Instant.now());
    }

    /** The page script-service would render: two buttons with interaction actions and the callback's inputs. */
    private static JsonNode page(String banner) {
        Map<String, Object> root = new LinkedHashMap<>(component("root", "verticalContainer", Map.of("children",
                List.of(component("number", "textInput", Map.of("variable", "Callback Number", "valid", true)),
                        component("time", "textInput", Map.of("variable", "Callback Time", "valid", true)),
                        component("transfer", "button", Map.of("text", "Transfer to Billing", "action", "Act")),
                        component("callback", "button", Map.of("text", "Schedule callback", "action", "Book"))))));
        Map<String, Object> page = new LinkedHashMap<>(Map.of("id", "start", "name", "Start Page", "invalid", false,
                "root", root));
        if (banner != null) {
            page.put("banner", Map.of("message", banner, "level", "success"));
        }
        return EventJson.mapper().valueToTree(page);
    }

    private static Map<String, Object> component(String id, String type, Map<String, Object> fields) {
        Map<String, Object> c = new LinkedHashMap<>(Map.of("id", id, "type", type, "visible", true, "enabled", true));
        c.putAll(fields);
        return c;
    }

    private String newId() {
        String id = UUID.randomUUID().toString();
        opened.add(id);
        return id;
    }

    private Page signedIn(BrowserContext context) {
        Page page = context.newPage();
        TestBrowser.signIn(page, desktop, "alex", "alex", "Alex Agent");
        assertThat(page.locator(".interactions .status")).hasText("live");
        return page;
    }
}
