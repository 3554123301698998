package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Arrays;

/**
 * What an agent does on the script page, on topic {@link Topics#AGENT_COMMANDS}, keyed by interaction id. The gateway
 * produces it after checking the agent may touch the interaction. Schema: {@code schemas/agent-command.v1.json}.
 * {@code setVariable} carries variable and value; {@code click} a component (id or name, e.g. "Submit");
 * {@code changePage} a page (id or name); {@code disconnect} nothing (the agent ends the interaction);
 * {@code wrapUp} the wrap-up {@code code} (its id) and the agent's {@code notes}; {@code answer} nothing (the agent
 * takes the interaction routing offers them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentCommand(String id, Kind type, String interactionId, String agentId, Instant issuedAt,
                           String variable, Object value, String component, String page, String code, String notes) {

    /** A command of the script page (set variable, click, change page). */
    public AgentCommand(String id, Kind type, String interactionId, String agentId, Instant issuedAt,
                        String variable, Object value, String component, String page) {
        this(id, type, interactionId, agentId, issuedAt, variable, value, component, page, null, null);
    }

    public enum Kind {
        SET_VARIABLE("setVariable"),
        CLICK("click"),
        CHANGE_PAGE("changePage"),
        DISCONNECT("disconnect"),
        WRAP_UP("wrapUp"),
        /** The agent takes the interaction built-in routing offers them (it is alerting them). */
        ANSWER("answer");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        @JsonCreator
        public static Kind fromWireName(String name) {
            return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown agent command type '" + name + "'"));
        }
    }
}
