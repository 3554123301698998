package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The outcome of an {@link ActionRequest}, on topic {@link Topics#ACTION_RESULTS}, keyed by interaction id.
 * {@code success} with {@code outputs} (for the built-in lookup: the row's columns, and {@code found}); else
 * {@code error} in Genesys's error shape ({@code code} {@code timeout} for a timeout, {@code not.found} for a lookup
 * that found no row). {@code secure} is true for a data action marked secure: the session still gets its outputs,
 * but keeps them out of every log and timeline. {@code actionName} is the data action's name as it ran, for people
 * to read (a timeline names the action, not its id). Schema: {@code schemas/action-result.v1.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionResult(String requestId, String interactionId, String actionId, boolean success,
                           Map<String, Object> outputs, Error error, long durationMs, Boolean secure,
                           String actionName) {

    public ActionResult(String requestId, String interactionId, String actionId, boolean success,
                        Map<String, Object> outputs, Error error, long durationMs) {
        this(requestId, interactionId, actionId, success, outputs, error, durationMs, null, null);
    }

    public ActionResult(String requestId, String interactionId, String actionId, boolean success,
                        Map<String, Object> outputs, Error error, long durationMs, Boolean secure) {
        this(requestId, interactionId, actionId, success, outputs, error, durationMs, secure, null);
    }

    /** The same result, marked as coming from a secure data action (or not). */
    public ActionResult secured(boolean isSecure) {
        return new ActionResult(requestId, interactionId, actionId, success, outputs, error, durationMs,
                isSecure ? Boolean.TRUE : null, actionName);
    }

    /** The same result, naming the data action that ran (cleaned and bounded as an {@link Attribution}'s). */
    public ActionResult named(String name) {
        return new ActionResult(requestId, interactionId, actionId, success, outputs, error, durationMs, secure,
                Attribution.clean(name, Attribution.MAX_ACTION));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String message, String code, Integer status) {
    }
}
