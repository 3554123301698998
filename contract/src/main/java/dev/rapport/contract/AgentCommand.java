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
 * {@code changePage} a page (id or name).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentCommand(String id, Kind type, String interactionId, String agentId, Instant issuedAt,
                           String variable, Object value, String component, String page) {

    public enum Kind {
        SET_VARIABLE("setVariable"),
        CLICK("click"),
        CHANGE_PAGE("changePage");

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
