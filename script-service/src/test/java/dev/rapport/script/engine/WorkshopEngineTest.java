package dev.rapport.script.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.script.WorkshopScript;
import dev.rapport.script.engine.RunResult.Effect;
import dev.rapport.script.model.ScriptVersion;
import dev.rapport.script.scripts.ScriptFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workshop's Submit: the run waits for the data action, survives serialization, and resumes with its result. */
class WorkshopEngineTest {
    private final ScriptEngine engine = new ScriptEngine();
    private final CompiledScript script = new CompiledScript(new ScriptVersion("ws", 1, WorkshopScript.definition()));

    private SessionModel open() {
        return engine.open(script, WorkshopScript.sampleInputs(), new Builtins(Map.of("Agent Name", "Sam Agent")));
    }

    @Test
    void greetingShowsTheCustomerAndAgentAndThePagesTheirUrls() {
        RenderedPage page = engine.render(open(), "start");
        var root = page.root();
        assertThat(root.children().get(0).text()).isEqualTo("Hi Jane Doe, thanks for calling Health Client Services. "
                + "My name is Sam Agent, how can I help you today?");
        var pages = root.children().get(1);
        assertThat(pages.style().childArrangement()).isEqualTo("center");
        assertThat(pages.children().get(0).children().get(0).source()).isEqualTo("https://www.google.com/maps/embed?pb=!1m18");
        assertThat(pages.children().get(1).children().get(0).source()).isEqualTo("https://help.example.com/kb");
        assertThat(root.children().get(2).text()).isEqualTo("Enter Case Status");
    }

    @Test
    void submitSuspendsAtTheDataActionAndResumesAfterASerializedRoundTrip() throws Exception {
        SessionModel session = open();
        engine.setVariable(session, "CaseStatus", "Closed");
        RunResult first = engine.click(session, "submit");
        assertThat(first.status()).isEqualTo(RunResult.Status.SUSPENDED);
        assertThat(first.pending().dataActionId()).isEqualTo(WorkshopScript.DATA_ACTION_ID);
        assertThat(first.pending().inputs()).containsEntry("ANI", "7204276664").containsEntry("CaseStatus", "Closed")
                .containsEntry("DataTableID", "c2f2e3a4-0000-4000-8000-000000000001");

        ObjectMapper json = ScriptFormat.mapper();
        String stored = json.writeValueAsString(session.snapshot());
        SessionModel restored = engine.restore(script, json.readValue(stored, SessionModel.SessionSnapshot.class));

        RunResult done = engine.resume(restored, first.runId(),
                ActionOutcome.success(Map.of("successresponse", "Case Updated Successfully")));
        assertThat(done.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(done.effects()).containsExactly(new Effect.Alert("Case Updated Successfully"));
        assertThat(restored.value("successresponse")).isEqualTo("Case Updated Successfully");
        assertThat(restored.snapshot().runs()).isEmpty();
    }

    @Test
    void anyOtherResponseTakesTheElseBranch() {
        SessionModel session = open();
        RunResult first = engine.click(session, "submit");
        RunResult done = engine.resume(session, first.runId(), ActionOutcome.success(Map.of("successresponse", "Nope")));
        assertThat(done.effects()).containsExactly(new Effect.Alert("Failed to Update Case"));
        assertThat(done.steps()).extracting(RunResult.StepRecord::detail).contains("else");
    }

    @Test
    void aFailedDataActionWithoutAFailurePathGoesOnSoTheWorkshopShowsItsFailureAlert() {
        SessionModel session = open();
        RunResult first = engine.click(session, "submit");
        RunResult done = engine.resume(session, first.runId(), ActionOutcome.failure("HTTP 500"));
        assertThat(done.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(done.steps()).extracting(RunResult.StepRecord::detail).anySatisfy(d -> assertThat(d).contains("HTTP 500"));
        assertThat(done.effects()).containsExactly(new Effect.Alert("Failed to Update Case"));
    }
}
