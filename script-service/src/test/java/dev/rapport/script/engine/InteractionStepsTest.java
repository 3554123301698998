package dev.rapport.script.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.contract.InteractionCommand;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.CustomAction;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.ScriptVersion;
import dev.rapport.script.model.Step;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableType;
import dev.rapport.script.scripts.ScriptFormat;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Interaction actions (transfer, callback, disconnect), Info Banner and Delay in the script driver: a run waits for
 * the telephony side's answer or the delay, then goes on or fails visibly; nothing blocks while it waits.
 */
class InteractionStepsTest {
    private final ScriptEngine engine = new ScriptEngine();
    private final ScriptDriver driver = new ScriptDriver(engine);

    private static ScriptDefinition script() {
        Component root = new Component.VerticalContainer("root", null, null, List.of(
                new Component.TextInput("queue", null, "Queue", null, false, null, null),
                new Component.TextInput("number", null, "Callback Number", null, false, null, null),
                new Component.TextInput("time", null, "Callback Time", null, false, null, null),
                new Component.Button("transfer", null, "Transfer", "Transfer"),
                new Component.Button("callback", null, "Callback", "Callback"),
                new Component.Button("end", null, "End", "End"),
                new Component.Button("banner", null, "Banner", "Banner"),
                new Component.Button("clear", null, "Clear", "Clear banner"),
                new Component.Button("wait", null, "Wait", "Wait"),
                new Component.Button("long-wait", null, "Long wait", "Long wait"),
                new Component.Button("guarded", null, "Guarded", "Guarded")));
        List<Variable> variables = List.of(Variable.basic("Queue", VariableType.STRING),
                Variable.basic("Callback Number", VariableType.STRING),
                Variable.basic("Callback Time", VariableType.STRING));
        List<CustomAction> actions = List.of(
                new CustomAction("Transfer", null, List.of(
                        new Step.Transfer(Step.TransferMode.blind, Step.TargetType.queue, "{{Queue}}"),
                        new Step.Alert("Transferred to {{Queue}}"))),
                new CustomAction("Callback", null, List.of(
                        new Step.ScheduleCallback("{{Callback Number}}", "{{Callback Time}}"),
                        new Step.Alert("Callback booked"))),
                new CustomAction("End", null, List.of(new Step.Disconnect())),
                new CustomAction("Banner", null, List.of(new Step.InfoBanner("Caller {{Queue}} is a VIP", "warning"))),
                new CustomAction("Clear banner", null, List.of(new Step.InfoBanner("", null))),
                new CustomAction("Wait", null, List.of(new Step.Delay(5), new Step.Alert("Waited"))),
                new CustomAction("Long wait", null, List.of(new Step.Delay(61))),
                new CustomAction("Guarded", null, List.of(new Step.TryOnError(
                        List.of(new Step.Transfer(Step.TransferMode.consult, Step.TargetType.number, "+1 555 0100")),
                        List.of(new Step.Alert("Transfer did not work"))))));
        return new ScriptDefinition("Shift", null, null, "p1", List.of(new Page("p1", "Start", null, root)),
                variables, actions, null, true, true);
    }

    private SessionModel open() {
        return engine.open(new ScriptVersion("s", 1, script()), Map.of(), Builtins.NONE);
    }

    private List<ScriptDriver.Effect> click(SessionModel s, String button) {
        return driver.command(s, new ScriptDriver.Command.Click(button));
    }

    private void set(SessionModel s, String variable, String value) {
        driver.command(s, new ScriptDriver.Command.SetVariable(variable, value));
    }

    private static <T extends ScriptDriver.Effect> T only(List<ScriptDriver.Effect> effects, Class<T> type) {
        List<T> found = effects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static ScriptDriver.Effect.Run run(List<ScriptDriver.Effect> effects) {
        return only(effects, ScriptDriver.Effect.Run.class);
    }

    @Test
    void aTransferWaitsForTheTelephonySideAndGoesOnWhenItIsDone() {
        SessionModel s = open();
        set(s, "Queue", "billing");

        List<ScriptDriver.Effect> clicked = click(s, "Transfer");

        assertThat(run(clicked).status()).isEqualTo(ScriptDriver.Status.RUNNING);
        ScriptDriver.Effect.AskInteraction ask = only(clicked, ScriptDriver.Effect.AskInteraction.class);
        assertThat(ask.action()).isEqualTo(new InteractionAction(InteractionCommand.Kind.BLIND_TRANSFER,
                InteractionCommand.TargetType.QUEUE, "billing", null, null));
        assertThat(clicked).noneMatch(e -> e instanceof ScriptDriver.Effect.Alert);

        List<ScriptDriver.Effect> done = driver.resume(s, ask.runId(), ActionOutcome.success(null));

        assertThat(run(done).status()).isEqualTo(ScriptDriver.Status.SUCCEEDED);
        assertThat(only(done, ScriptDriver.Effect.Alert.class).message()).isEqualTo("Transferred to billing");
        // the answer came once: a second one finds no run waiting
        assertThat(only(driver.resume(s, ask.runId(), ActionOutcome.success(null)),
                ScriptDriver.Effect.Refused.class).reason()).contains("no run");
    }

    @Test
    void aFailedOrUnansweredActionFailsTheRunVisiblyOrGoesToOnError() {
        SessionModel s = open();
        set(s, "Queue", "billing");
        String runId = only(click(s, "Transfer"), ScriptDriver.Effect.AskInteraction.class).runId();

        ScriptDriver.Effect.Run failed = run(driver.resume(s, runId,
                ActionOutcome.failure("no answer from the telephony side in time")));

        assertThat(failed.status()).isEqualTo(ScriptDriver.Status.FAILED);
        assertThat(failed.error()).isEqualTo("transfer failed: no answer from the telephony side in time");

        ScriptDriver.Effect.AskInteraction consult = only(click(s, "Guarded"),
                ScriptDriver.Effect.AskInteraction.class);
        assertThat(consult.action().kind()).isEqualTo(InteractionCommand.Kind.CONSULT_TRANSFER);
        assertThat(consult.action().target()).isEqualTo("+1 555 0100");
        List<ScriptDriver.Effect> recovered = driver.resume(s, consult.runId(), ActionOutcome.failure("busy"));
        assertThat(run(recovered).status()).isEqualTo(ScriptDriver.Status.SUCCEEDED);
        assertThat(only(recovered, ScriptDriver.Effect.Alert.class).message()).isEqualTo("Transfer did not work");
    }

    @Test
    void aCallbackIsAskedWithItsNumberAndTimeAndRefusedWhenEitherIsWrong() {
        SessionModel s = open();
        Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        set(s, "Callback Number", "+1 (555) 123-4567");
        set(s, "Callback Time", at.toString().replace("Z", "").substring(0, 16));

        ScriptDriver.Effect.AskInteraction ask = only(click(s, "Callback"), ScriptDriver.Effect.AskInteraction.class);

        assertThat(ask.action().kind()).isEqualTo(InteractionCommand.Kind.SCHEDULE_CALLBACK);
        assertThat(ask.action().number()).isEqualTo("+1 (555) 123-4567");
        assertThat(ask.action().at()).isEqualTo(at);
        assertThat(ask.action().describe()).isEqualTo("callback to +1 (555) 123-4567 at " + at);

        set(s, "Callback Number", "call me maybe");
        assertThat(run(click(s, "Callback")).error()).contains("'call me maybe' is not a phone number");
        set(s, "Callback Number", "5551234567");
        set(s, "Callback Time", "2020-01-01T10:00:00Z");
        assertThat(run(click(s, "Callback")).error()).contains("is in the past");
        set(s, "Callback Time", "tomorrow");
        assertThat(run(click(s, "Callback")).error()).contains("'tomorrow' is not a date and time");
        set(s, "Callback Time", Instant.now().plus(200, ChronoUnit.DAYS).toString());
        assertThat(run(click(s, "Callback")).error()).contains("more than 90 days ahead");
    }

    @Test
    void disconnectAsksTheInteractionToEnd() {
        SessionModel s = open();
        ScriptDriver.Effect.AskInteraction ask = only(click(s, "End"), ScriptDriver.Effect.AskInteraction.class);
        assertThat(ask.action().kind()).isEqualTo(InteractionCommand.Kind.DISCONNECT);
        assertThat(run(driver.resume(s, ask.runId(), ActionOutcome.success(null))).status())
                .isEqualTo(ScriptDriver.Status.SUCCEEDED);
    }

    @Test
    void aDelayWaitsItsBoundedSecondsWithoutRunningOn() {
        SessionModel s = open();
        List<ScriptDriver.Effect> clicked = click(s, "Wait");
        ScriptDriver.Effect.Wait wait = only(clicked, ScriptDriver.Effect.Wait.class);
        assertThat(wait.seconds()).isEqualTo(5);
        assertThat(clicked).noneMatch(e -> e instanceof ScriptDriver.Effect.Alert);

        // the run survives a snapshot (another process may end the delay)
        SessionModel restored = engine.restore(s.script(), s.snapshot());
        List<ScriptDriver.Effect> after = driver.resume(restored, wait.runId(), ActionOutcome.success(null));
        assertThat(only(after, ScriptDriver.Effect.Alert.class).message()).isEqualTo("Waited");

        assertThat(run(click(s, "Long wait")).error()).contains("a delay is 1 to 60 seconds, not 61");
    }

    @Test
    void anInfoBannerStaysOnThePageUntilReplacedOrCleared() {
        SessionModel s = open();
        set(s, "Queue", "<b>gold</b>");
        ScriptDriver.Effect.BannerShown shown = only(click(s, "Banner"), ScriptDriver.Effect.BannerShown.class);
        assertThat(shown.banner()).isEqualTo(new Banner("Caller <b>gold</b> is a VIP", "warning"));

        SessionModel restored = engine.restore(s.script(), s.snapshot());
        assertThat(engine.render(restored, "p1").banner()).isEqualTo(shown.banner());
        assertThat(ScriptFormat.mapper().valueToTree(engine.render(restored, "p1")).path("banner").path("level")
                .asText()).isEqualTo("warning");

        assertThat(only(click(restored, "Clear"), ScriptDriver.Effect.BannerShown.class).banner()).isNull();
        assertThat(engine.render(restored, "p1").banner()).isNull();
    }

    @Test
    void theNewStepsKeepTheirShapeInTheScriptFormat() {
        String json = ScriptFormat.write(script());
        assertThat(json).contains("{\"type\":\"disconnect\"}")
                .contains("{\"type\":\"transfer\",\"mode\":\"blind\",\"targetType\":\"queue\","
                        + "\"target\":\"{{Queue}}\"}")
                .contains("{\"type\":\"delay\",\"seconds\":5}")
                .contains("\"wrapupRequired\":true,\"wrapupNotesRequired\":true");
        // the format bounds a delay before the engine has to
        assertThatThrownBy(() -> ScriptFormat.read(ScriptFormat.tree(script())))
                .hasMessageContaining("/customActions/6/steps/0/seconds");
        ScriptDefinition s = script();
        ScriptDefinition bounded = new ScriptDefinition(s.name(), null, null, s.startPageId(), s.pages(), s.variables(),
                s.customActions().stream().filter(a -> !a.name().equals("Long wait")).toList(), null, true, true);
        assertThat(ScriptFormat.read(ScriptFormat.tree(bounded))).isEqualTo(bounded);
    }
}
