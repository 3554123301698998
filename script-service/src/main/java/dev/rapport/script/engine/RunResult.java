package dev.rapport.script.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * What one call to click/resume did: the steps run (in order), their visible effects, and how the run stands.
 * A SUSPENDED run waits for what {@code awaiting} says (a data action, an interaction action or a delay); resume it
 * with the same {@code runId} once that is done.
 */
public record RunResult(String runId, String action, Status status, List<StepRecord> steps, List<Effect> effects,
                        Awaiting awaiting, String error) {
    public enum Status { COMPLETED, SUSPENDED, FAILED }

    /** The data action the run waits for, or null when it waits for something else or nothing. */
    public DataActionRequest pending() {
        return awaiting instanceof DataActionRequest request ? request : null;
    }

    /** What a suspended run waits for. */
    public sealed interface Awaiting {
        String runId();
    }

    /** An interaction action (transfer, callback, disconnect) for the telephony side, its texts interpolated. */
    public record InteractionRequest(String runId, InteractionAction action) implements Awaiting {
    }

    /** A pause of {@code seconds} before the run goes on. */
    public record DelayRequest(String runId, int seconds) implements Awaiting {
    }

    /** {@code where} reads like "Update Case / 2.then / 1". */
    public record StepRecord(String where, String type, String detail) {
    }

    /** What the data action is asked with, interpolated; action-service makes the call. */
    public record DataActionRequest(String runId, String dataActionId, Map<String, String> inputs)
            implements Awaiting {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Effect.Alert.class, name = "alert"),
            @JsonSubTypes.Type(value = Effect.OpenUrl.class, name = "openUrl"),
            @JsonSubTypes.Type(value = Effect.PageChanged.class, name = "pageChanged"),
            @JsonSubTypes.Type(value = Effect.BannerShown.class, name = "bannerShown")
    })
    public sealed interface Effect {
        record Alert(String message) implements Effect {
        }

        record OpenUrl(String url) implements Effect {
        }

        record PageChanged(String pageId) implements Effect {
        }

        /** An Info Banner step set (or, with a null banner, took away) the page's banner. */
        record BannerShown(Banner banner) implements Effect {
        }
    }
}
