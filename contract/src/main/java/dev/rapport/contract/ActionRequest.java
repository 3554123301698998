package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A data action to execute for an interaction, on topic {@link Topics#ACTION_REQUESTS}, keyed by interaction id.
 * script-service asks (a flow's lookup, a script's Execute Data Action step); action-service answers with an
 * {@link ActionResult} of the same {@code requestId}. A request delivered twice is executed once.
 * {@code version} pins a published version of the action (null: the current one). Schema:
 * {@code schemas/action-request.v1.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionRequest(String requestId, String interactionId, String actionId, Integer version,
                            Map<String, Object> inputs, Integer timeoutSeconds) {

    /** The built-in action that reads one data table row by key; inputs {@code tableId} and {@code key}. */
    public static final String DATATABLE_LOOKUP = "builtin:datatable-lookup";
}
