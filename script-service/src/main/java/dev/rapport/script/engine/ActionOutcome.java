package dev.rapport.script.engine;

import java.util.Map;

/** The result of a data action, as action-service reports it: success with outputs, or failure with an error. */
public record ActionOutcome(boolean success, Map<String, Object> outputs, String error) {
    public ActionOutcome {
        outputs = outputs == null ? Map.of() : outputs;
    }

    public static ActionOutcome success(Map<String, Object> outputs) {
        return new ActionOutcome(true, outputs, null);
    }

    public static ActionOutcome failure(String error) {
        return new ActionOutcome(false, Map.of(), error);
    }
}
