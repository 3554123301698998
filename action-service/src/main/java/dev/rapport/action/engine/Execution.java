package dev.rapport.action.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contract.GenesysError;
import java.util.List;

/** One run of a data action: every step with its intermediate result, and how it ended. */
public record Execution(List<Step> steps, Outcome outcome, long durationMs) {

    /** A step as Genesys's TestExecutionOperationResult shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(int step, String name, boolean success, JsonNode result, GenesysError error) {
    }

    /** How a run ended. */
    public sealed interface Outcome permits Success, Failure, TimedOut {
    }

    public record Success(ObjectNode output) implements Outcome {
    }

    public record Failure(GenesysError error) implements Outcome {
    }

    public record TimedOut(GenesysError error) implements Outcome {
    }

    public boolean succeeded() {
        return outcome instanceof Success;
    }

    public GenesysError error() {
        if (outcome instanceof Failure f) {
            return f.error();
        }
        return outcome instanceof TimedOut t ? t.error() : null;
    }
}
