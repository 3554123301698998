package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The person a service acts for: the agent whose click ran a data action. script-service sets it on an
 * {@link ActionRequest}; action-service passes it on to Rapport's own API as an {@link Attribution}. {@code userId} is
 * the user the gateway authenticated for the command; {@code name} is how the interaction names that agent. Both are
 * cleaned and bounded here ({@link Attribution#clean}), whoever builds the record. {@code via} is what the agent ran
 * (the script's custom action, e.g. "Update Case"): a change is attributed to "alex via Update Case", the thing the
 * agent clicked, not the data action inside it; null when unknown (then the data action's name is used).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OnBehalfOf(String userId, String name, String via) {
    public static final int MAX_USER_ID = 256;
    public static final int MAX_NAME = 256;

    public OnBehalfOf {
        userId = Attribution.clean(userId, MAX_USER_ID);
        name = Attribution.clean(name, MAX_NAME);
        via = Attribution.clean(via, MAX_NAME);
    }

    public OnBehalfOf(String userId, String name) {
        this(userId, name, null);
    }
}
