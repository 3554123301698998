package dev.rapport.script.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/** One step of a custom action. Branching steps hold their own step lists. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Step.ExecuteDataAction.class, name = "executeDataAction"),
        @JsonSubTypes.Type(value = Step.IfElse.class, name = "ifElse"),
        @JsonSubTypes.Type(value = Step.SetVariable.class, name = "setVariable"),
        @JsonSubTypes.Type(value = Step.Alert.class, name = "alert"),
        @JsonSubTypes.Type(value = Step.ChangePage.class, name = "changePage"),
        @JsonSubTypes.Type(value = Step.OpenUrl.class, name = "openUrl"),
        @JsonSubTypes.Type(value = Step.AddToList.class, name = "addToList"),
        @JsonSubTypes.Type(value = Step.RemoveFromList.class, name = "removeFromList"),
        @JsonSubTypes.Type(value = Step.RunCustomAction.class, name = "runCustomAction"),
        @JsonSubTypes.Type(value = Step.TryOnError.class, name = "tryOnError"),
        @JsonSubTypes.Type(value = Step.Transfer.class, name = "transfer"),
        @JsonSubTypes.Type(value = Step.ScheduleCallback.class, name = "scheduleCallback"),
        @JsonSubTypes.Type(value = Step.Disconnect.class, name = "disconnect"),
        @JsonSubTypes.Type(value = Step.InfoBanner.class, name = "infoBanner"),
        @JsonSubTypes.Type(value = Step.Delay.class, name = "delay")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Step {

    /**
     * Calls a data action of action-service by id. {@code inputs} maps each input field to interpolated text;
     * {@code outputs} maps each output field to a script variable. On failure the run takes {@code onFailure}, or,
     * when that is empty, fails (to the nearest try/on-error).
     */
    record ExecuteDataAction(String dataActionId, Map<String, String> inputs, Map<String, String> outputs,
                             List<Step> onSuccess, List<Step> onFailure) implements Step {
        public ExecuteDataAction {
            inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
            outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
            onSuccess = onSuccess == null ? List.of() : List.copyOf(onSuccess);
            onFailure = onFailure == null ? List.of() : List.copyOf(onFailure);
        }
    }

    /** If {@code variable operator right} then {@code then} else {@code otherwise}. */
    record IfElse(String variable, Operator operator, Operand right, List<Step> then, List<Step> otherwise)
            implements Step {
        public IfElse {
            then = then == null ? List.of() : List.copyOf(then);
            otherwise = otherwise == null ? List.of() : List.copyOf(otherwise);
        }
    }

    record SetVariable(String variable, Operand value) implements Step {
    }

    record Alert(String message) implements Step {
    }

    record ChangePage(String pageId) implements Step {
    }

    record OpenUrl(String url) implements Step {
    }

    record AddToList(String variable, Operand value) implements Step {
    }

    /** Removes the first item equal to {@code value}. */
    record RemoveFromList(String variable, Operand value) implements Step {
    }

    record RunCustomAction(String action) implements Step {
    }

    record TryOnError(List<Step> steps, List<Step> onError) implements Step {
        public TryOnError {
            steps = steps == null ? List.of() : List.copyOf(steps);
            onError = onError == null ? List.of() : List.copyOf(onError);
        }
    }

    /**
     * Transfers the interaction, blind (it leaves the agent at once) or consult (the agent speaks to the target
     * first), to a queue, a user or a phone number; {@code target} is interpolated text (the queue's or user's id, or
     * the number). Sent to the telephony side; the run waits for its answer.
     */
    record Transfer(TransferMode mode, TargetType targetType, String target) implements Step {
    }

    /** Asks the telephony side to call {@code number} back at {@code time} (interpolated; ISO-8601 date and time). */
    record ScheduleCallback(String number, String time) implements Step {
    }

    /** Ends the interaction (the telephony side hangs up); the run waits for the interaction to end. */
    record Disconnect() implements Step {
    }

    /**
     * Shows {@code message} (interpolated) in a banner above the agent's page until another Info Banner step replaces
     * it; an empty message takes it away. {@code level}: info (default), success, warning or error.
     */
    record InfoBanner(String message, String level) implements Step {
    }

    /** Waits {@code seconds} (1 to 60) before the next step, without holding anything while it waits. */
    record Delay(Integer seconds) implements Step {
        public static final int MAX_SECONDS = 60;
    }

    enum TransferMode {
        blind, consult
    }

    enum TargetType {
        queue, user, number
    }

    enum Operator {
        equal, notEqual, greaterThan, lessThan, contains, startsWith, isEmpty
    }

    /** A right-hand side or a value to set: interpolated text, a variable's value, or an expression's result. */
    record Operand(Kind kind, String value) {
        public enum Kind {
            text, variable, expression
        }

        public static Operand text(String value) {
            return new Operand(Kind.text, value);
        }
    }
}
