package dev.rapport.gateway.sessions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.SessionState;
import java.io.UncheckedIOException;

/**
 * A session state as the board holds it: its head, read once, and its JSON text exactly as script-service signed
 * it. Every stream and every GET sends that text: the state is never turned back into objects and written again
 * per viewer (at hundreds of updates a second that cost more than all the rest of the gateway's work).
 * {@code publishedAt}: when script-service published it on 'sessions' (the record's timestamp, epoch ms; 0 when not
 * read from the topic), for the lag metrics.
 */
public record HeldSession(SessionHead head, String json, long publishedAt) {
    private static final ObjectReader HEAD = EventJson.mapper().readerFor(SessionHead.class);

    /** Reads the head of a state's JSON text (the page and variables are skipped, not parsed into objects). */
    public static HeldSession read(String json) {
        return read(json, 0);
    }

    /** @param publishedAt the 'sessions' record's timestamp, epoch ms */
    public static HeldSession read(String json, long publishedAt) {
        try {
            return new HeldSession(HEAD.readValue(json), json, publishedAt);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Not a session state: " + e.getOriginalMessage(), e);
        }
    }

    public static HeldSession of(SessionState state) {
        return read(EventJson.write(state));
    }

    public String interactionId() {
        return head.interactionId();
    }

    public long version() {
        return head.version();
    }

    /** The same state without its page, variables and alerts: what an ended interaction is kept as. */
    HeldSession slim() {
        try {
            ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(json);
            tree.remove(java.util.List.of("page", "variables", "alerts"));
            return new HeldSession(head, EventJson.mapper().writeValueAsString(tree), publishedAt);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
