package dev.rapport.gateway.sessions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
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
    /** What an ended interaction's kept state leaves out: the bulk of a state, needed only while it is open. */
    private static final java.util.Set<String> SLIMMED = java.util.Set.of("page", "variables", "alerts");

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

    /**
     * The same state without its page, variables and alerts: what an ended interaction is kept as. Copied token by
     * token, the dropped fields skipped unread, without building a tree of the whole state.
     */
    HeldSession slim() {
        java.io.StringWriter out = new java.io.StringWriter(json.length() / 2);
        try (JsonParser in = EventJson.mapper().getFactory().createParser(json);
             JsonGenerator copy = EventJson.mapper().getFactory().createGenerator(out)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new UncheckedIOException(new java.io.IOException("a session state is a JSON object"));
            }
            copy.writeStartObject();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                in.nextToken();
                if (SLIMMED.contains(name)) {
                    in.skipChildren();
                } else {
                    copy.writeFieldName(name);
                    copy.copyCurrentStructure(in);
                }
            }
            copy.writeEndObject();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HeldSession(head, out.toString(), publishedAt);
    }
}
