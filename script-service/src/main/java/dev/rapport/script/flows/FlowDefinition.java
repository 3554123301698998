package dev.rapport.script.flows;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * An inbound flow, the part of Genesys Architect the workshop uses: which interactions it takes, and the steps it
 * runs for each. Values are templates over the interaction ({@code {{Call.Ani}}}, {@code {{Call.Dnis}}},
 * {@code {{Call.Attributes.Reason}}}) and the flow's variables ({@code {{Flow.CustomerName}}}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlowDefinition(String name, String description, Match match, List<Step> steps) {

    public FlowDefinition {
        steps = steps == null ? List.of() : List.copyOf(steps);
        match = match == null ? new Match(List.of(), List.of(), false) : match;
    }

    /** Interactions to DNIS numbers or queues listed here; or, as the default flow, all others. */
    public record Match(List<String> dnis, List<String> queues, boolean isDefault) {
        public Match {
            dnis = dnis == null ? List.of() : List.copyOf(dnis);
            queues = queues == null ? List.of() : List.copyOf(queues);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = DataTableLookup.class, name = "dataTableLookup"),
            @JsonSubTypes.Type(value = ScreenPop.class, name = "screenPop"),
            @JsonSubTypes.Type(value = SetParticipantData.class, name = "setParticipantData"),
            @JsonSubTypes.Type(value = TransferToQueue.class, name = "transferToQueue"),
            @JsonSubTypes.Type(value = Decision.class, name = "decision"),
            @JsonSubTypes.Type(value = Switch.class, name = "switch"),
            @JsonSubTypes.Type(value = SetVariable.class, name = "setVariable"),
            @JsonSubTypes.Type(value = CallDataAction.class, name = "callDataAction"),
            @JsonSubTypes.Type(value = Disconnect.class, name = "disconnect"),
            @JsonSubTypes.Type(value = TransferToNumber.class, name = "transferToNumber"),
            @JsonSubTypes.Type(value = RequestCallback.class, name = "requestCallback"),
            @JsonSubTypes.Type(value = TransferToAcd.class, name = "transferToAcd"),
            @JsonSubTypes.Type(value = EvaluateScheduleGroup.class, name = "evaluateScheduleGroup")
    })
    public sealed interface Step {
    }

    /**
     * Looks a row up by key (through action-service's built-in data table lookup); on found, copies columns into
     * flow variables ({@code outputs}: flow variable → column) and runs {@code found}; else {@code notFound}; an error
     * or a timeout runs {@code failure}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataTableLookup(String tableId, String key, Map<String, String> outputs, List<Step> found,
                                  List<Step> notFound, List<Step> failure) implements Step {
        public DataTableLookup {
            outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
            found = found == null ? List.of() : List.copyOf(found);
            notFound = notFound == null ? List.of() : List.copyOf(notFound);
            failure = failure == null ? List.of() : List.copyOf(failure);
        }
    }

    /** Shows a published script to the agent, its input variables bound to templates. */
    public record ScreenPop(String scriptId, Map<String, String> inputs) implements Step {
        public ScreenPop {
            inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        }
    }

    /**
     * Sets participant data (interaction attributes): {@code attributes} from templates, {@code expressions} from
     * expressions of the scripts' language (attribute → expression), both at once (an attribute in both takes the
     * expression).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SetParticipantData(Map<String, String> attributes, Map<String, String> expressions) implements Step {
        public SetParticipantData {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
            expressions = expressions == null ? Map.of() : Map.copyOf(expressions);
        }

        public SetParticipantData(Map<String, String> attributes) {
            this(attributes, null);
        }
    }

    /**
     * Routes the interaction to a queue. {@code wrapupRequired}: the queue's agents pick a wrap-up code when the
     * interaction leaves them, whatever the script says (Genesys sets this on the queue).
     */
    public record TransferToQueue(String queueId, String queueName, Boolean wrapupRequired) implements Step {
        public TransferToQueue(String queueId, String queueName) {
            this(queueId, queueName, null);
        }
    }

    // --- flow logic (issue 17) ------------------------------------------------------------------------------------

    /** Runs {@code yes} when the expression is true (math.js truthiness), else {@code no}; {@code name} labels it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String name, String expression, List<Step> yes, List<Step> no) implements Step {
        public Decision {
            yes = yes == null ? List.of() : List.copyOf(yes);
            no = no == null ? List.of() : List.copyOf(no);
        }
    }

    /** Runs the steps of the first case whose expression is true, else {@code default}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Switch(String name, List<Case> cases,
                         @com.fasterxml.jackson.annotation.JsonProperty("default") List<Step> otherwise)
            implements Step {
        public Switch {
            cases = cases == null ? List.of() : List.copyOf(cases);
            otherwise = otherwise == null ? List.of() : List.copyOf(otherwise);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Case(String expression, List<Step> steps) {
        public Case {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /** Sets flow variable {@code name} ({@code {{Flow.<name>}}}) to the expression's value. */
    public record SetVariable(String name, String expression) implements Step {
    }

    /**
     * Calls a published data action and waits for its result: {@code inputs} (input name → expression),
     * {@code outputs} (flow variable → output name), then {@code success}, {@code failure} or {@code timeout} when no
     * result came within {@code timeoutSeconds} (1..60, default 10).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallDataAction(String actionId, Map<String, String> inputs, Map<String, String> outputs,
                                 Integer timeoutSeconds, List<Step> success, List<Step> failure, List<Step> timeout)
            implements Step {
        public static final int DEFAULT_TIMEOUT_SECONDS = 10;
        public static final int MAX_TIMEOUT_SECONDS = 60;

        public CallDataAction {
            inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
            outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
            success = success == null ? List.of() : List.copyOf(success);
            failure = failure == null ? List.of() : List.copyOf(failure);
            timeout = timeout == null ? List.of() : List.copyOf(timeout);
        }

        public int timeoutOrDefault() {
            return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
        }
    }

    /** Ends the interaction (asks the telephony side to disconnect it); the flow ends here. */
    public record Disconnect() implements Step {
    }

    /** Transfers the interaction to an outside number (an expression); the flow ends here. */
    public record TransferToNumber(String number) implements Step {
    }

    /** Asks for a callback to {@code number} (an expression; none: the caller's ANI) in the queue; the flow goes on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequestCallback(String number, String queueId, String queueName) implements Step {
    }

    /**
     * Puts the interaction in a queue for routing, with a priority (an expression), skills and a language, and waits:
     * {@code connected} ends the flow, {@code routingFailed} runs {@code failure}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransferToAcd(String queueId, String queueName, String priority, List<String> skills,
                                String languageId, List<Step> failure) implements Step {
        public TransferToAcd {
            skills = skills == null ? List.of() : List.copyOf(skills);
            failure = failure == null ? List.of() : List.copyOf(failure);
        }
    }

    /** Runs {@code open}, {@code closed} or {@code holiday} as the schedule group says now, in its time zone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvaluateScheduleGroup(String scheduleGroupId, List<Step> open, List<Step> closed,
                                        List<Step> holiday) implements Step {
        public EvaluateScheduleGroup {
            open = open == null ? List.of() : List.copyOf(open);
            closed = closed == null ? List.of() : List.copyOf(closed);
            holiday = holiday == null ? List.of() : List.copyOf(holiday);
        }
    }
}
