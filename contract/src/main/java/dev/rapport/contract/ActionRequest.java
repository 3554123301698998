package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A data action to execute for an interaction, on topic {@link Topics#ACTION_REQUESTS}, keyed by interaction id.
 * script-service asks (a flow's lookup, a script's Execute Data Action step); action-service answers with an
 * {@link ActionResult} of the same {@code requestId}. A request delivered twice is executed once.
 * {@code version} pins a published version of the action (null: the current one). {@code onBehalfOf} names the
 * agent whose click asked for it (null for a flow's or a page load's request): action-service tells Rapport's own API,
 * so a row the action changes records that agent. Schema: {@code schemas/action-request.v1.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionRequest(String requestId, String interactionId, String actionId, Integer version,
                            Map<String, Object> inputs, Integer timeoutSeconds, OnBehalfOf onBehalfOf) {

    /** A request for no one in particular. */
    public ActionRequest(String requestId, String interactionId, String actionId, Integer version,
                         Map<String, Object> inputs, Integer timeoutSeconds) {
        this(requestId, interactionId, actionId, version, inputs, timeoutSeconds, null);
    }

    /** The built-in action that reads one data table row by key; inputs {@code tableId} and {@code key}. */
    public static final String DATATABLE_LOOKUP = "builtin:datatable-lookup";
}
