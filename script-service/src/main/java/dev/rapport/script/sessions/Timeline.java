package dev.rapport.script.sessions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The timeline of a session: written in the transaction of what it records, read by agents and supervisors. */
@ApplicationScoped
public class Timeline {
    private final ObjectMapper json;

    Timeline(ObjectMapper json) {
        this.json = json;
    }

    public record Entry(long id, Instant at, String kind, String summary, JsonNode detail) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String interactionId, String kind, String summary, Object detail) {
        TimelineEntry e = new TimelineEntry();
        e.interactionId = interactionId;
        e.at = Instant.now();
        e.kind = kind;
        e.summary = summary.length() > 2000 ? summary.substring(0, 2000) + "…" : summary;
        try {
            e.detail = detail == null ? null : json.writeValueAsString(detail);
        } catch (JsonProcessingException ex) {
            e.detail = null;
        }
        e.persist();
    }

    public List<Entry> of(String interactionId) {
        return TimelineEntry.<TimelineEntry>list("interactionId = ?1 order by id", interactionId).stream()
                .map(e -> new Entry(e.id, e.at, e.kind, e.summary, readTree(e.detail))).toList();
    }

    private JsonNode readTree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
