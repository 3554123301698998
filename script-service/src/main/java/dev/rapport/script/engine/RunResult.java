package dev.rapport.script.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * What one call to click/resume did: the steps run (in order), their visible effects, and how the run stands.
 * A SUSPENDED run waits for {@code pending}; resume it with the same {@code runId}.
 */
public record RunResult(String runId, String action, Status status, List<StepRecord> steps, List<Effect> effects,
                        DataActionRequest pending, String error) {
    public enum Status { COMPLETED, SUSPENDED, FAILED }

    /** {@code where} reads like "Update Case / 2.then / 1". */
    public record StepRecord(String where, String type, String detail) {
    }

    /** What the data action is asked with, interpolated; action-service makes the call. */
    public record DataActionRequest(String runId, String dataActionId, Map<String, String> inputs) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Effect.Alert.class, name = "alert"),
            @JsonSubTypes.Type(value = Effect.OpenUrl.class, name = "openUrl"),
            @JsonSubTypes.Type(value = Effect.PageChanged.class, name = "pageChanged")
    })
    public sealed interface Effect {
        record Alert(String message) implements Effect {
        }

        record OpenUrl(String url) implements Effect {
        }

        record PageChanged(String pageId) implements Effect {
        }
    }
}
