package dev.rapport.script.sessions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The timeline of a session: written by the session core with what it records, read by supervisors and admins. */
@ApplicationScoped
public class Timeline {
    static final int MAX_SUMMARY = 2_000;
    /** A detail larger than this is replaced by a note saying so: the timeline never holds an oversized value. */
    static final int MAX_DETAIL = 16_384;

    private final ObjectMapper json;

    Timeline(ObjectMapper json) {
        this.json = json;
    }

    public record Entry(long id, Instant at, String kind, String summary, JsonNode detail) {
    }

    public List<Entry> of(String interactionId) {
        return TimelineEntry.<TimelineEntry>list("interactionId = ?1 order by id", interactionId).stream()
                .map(e -> new Entry(e.id, e.at, e.kind, e.summary, readTree(e.detail))).toList();
    }

    static String summary(String summary) {
        return summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) + "…" : summary;
    }

    static String detail(ObjectMapper json, Object detail) {
        if (detail == null) {
            return null;
        }
        try {
            String text = json.writeValueAsString(detail);
            return text.length() <= MAX_DETAIL ? text
                    : "{\"truncated\":true,\"characters\":" + text.length() + "}";
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private JsonNode readTree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
