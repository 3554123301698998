package dev.rapport.script.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.ActionResult;
import dev.rapport.contract.OnBehalfOf;
import dev.rapport.contract.SessionState;
import dev.rapport.script.engine.RunResult;
import dev.rapport.script.engine.ScriptDriver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineNamesTest {

    @Test
    void aRunIsNamedWithItsStepsCountedInWords() {
        var step = new RunResult.StepRecord("Update Case / 1", "alert", "hi");
        assertThat(TimelineNames.run(run(ScriptDriver.Status.RUNNING, null, step)))
                .isEqualTo("Ran Update Case (1 step), waiting for a data action");
        assertThat(TimelineNames.run(run(ScriptDriver.Status.SUCCEEDED, null, step, step)))
                .isEqualTo("Ran Update Case (2 steps), completed");
        assertThat(TimelineNames.run(run(ScriptDriver.Status.FAILED, "no such page")))
                .isEqualTo("Ran Update Case (0 steps), failed: no such page");
    }

    @Test
    void onlyARunAnAgentClickedActsForThemAndTheResultSaysSo() {
        Session s = new Session("i1", true);
        s.agentId = "alex";
        s.agentName = "Alex Agent";
        s.runs.add(new SessionState.ActionRun("clicked", "Update Case", "submit", "running", null, Instant.now()));
        s.runs.add(new SessionState.ActionRun("loaded", "On Load", null, "running", null, Instant.now()));

        OnBehalfOf alex = s.agentOf("clicked");
        assertThat(alex).isEqualTo(new OnBehalfOf("alex", "Alex Agent", "Update Case"));
        assertThat(s.agentOf("loaded")).isNull();
        assertThat(s.agentOf("unknown")).isNull();
        assertThat(TimelineNames.requested(s, "clicked", alex))
                .isEqualTo("Update Case runs a data action for Alex Agent");
        assertThat(TimelineNames.requested(s, "loaded", null)).isEqualTo("On Load runs a data action");

        ActionResult result = new ActionResult("r", "i1", "custom_-_1", true, Map.of(), null, 42);
        assertThat(TimelineNames.result(s, "clicked", result.named("Update the row")))
                .isEqualTo("Update the row succeeded for Alex Agent in 42 ms");
        assertThat(TimelineNames.result(s, "loaded", result)).isEqualTo("On Load's data action succeeded in 42 ms");
        assertThat(TimelineNames.result(s, null, result)).isEqualTo("custom_-_1 succeeded in 42 ms");
        ActionResult timedOut = new ActionResult("r", "i1", "custom_-_1", false, Map.of(),
                new ActionResult.Error("The data action did not answer in time", "timeout", 504), 0);
        assertThat(TimelineNames.result(s, "clicked", timedOut)).isEqualTo("Update Case's data action failed for "
                + "Alex Agent in 0 ms: The data action did not answer in time");
        assertThat(TimelineNames.timedOut(s, "clicked", "custom_-_1"))
                .isEqualTo("No result in time from Update Case's data action");
    }

    private static ScriptDriver.Effect.Run run(ScriptDriver.Status status, String error,
                                               RunResult.StepRecord... steps) {
        return new ScriptDriver.Effect.Run("r1", "Update Case", "submit", status, error, List.of(steps));
    }
}
