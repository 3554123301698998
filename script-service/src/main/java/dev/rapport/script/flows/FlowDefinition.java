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
            @JsonSubTypes.Type(value = TransferToQueue.class, name = "transferToQueue")
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

    /** Sets participant data (interaction attributes). */
    public record SetParticipantData(Map<String, String> attributes) implements Step {
        public SetParticipantData {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
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
}
