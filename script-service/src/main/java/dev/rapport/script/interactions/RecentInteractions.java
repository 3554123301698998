package dev.rapport.script.interactions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.script.sessions.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The latest interactions, with the script version they pinned and the inputs their script was opened with. */
@ApplicationScoped
public class RecentInteractions {
    private final EntityManager em;
    private final ObjectMapper json;

    RecentInteractions(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public record Summary(String id, String ani, String dnis, Instant startedAt, String state, String scriptId,
                          Integer scriptVersion, Map<String, Object> inputs) {
    }

    /** Newest first; only those whose session opened {@code scriptId} when it is given. */
    public List<Summary> latest(String scriptId, int limit) {
        List<Interaction> interactions = scriptId == null
                ? em.createQuery("select i from Interaction i order by i.startedAt desc nulls last, i.updatedAt desc",
                        Interaction.class).setMaxResults(limit).getResultList()
                : em.createNativeQuery("SELECT i.* FROM interaction i JOIN agent_session s ON s.interaction_id = i.id"
                        + " WHERE s.script_id = ?1 ORDER BY i.started_at DESC NULLS LAST, i.updated_at DESC LIMIT ?2",
                        Interaction.class).setParameter(1, scriptId).setParameter(2, limit).getResultList();
        if (interactions.isEmpty()) {
            return List.of();
        }
        List<String> ids = interactions.stream().map(i -> i.id).toList();
        Map<String, Object[]> scripts = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT interaction_id, script_id, script_version FROM agent_session"
                + " WHERE interaction_id = ANY(?1)").setParameter(1, ids.toArray(String[]::new)).getResultList()) {
            Object[] r = (Object[]) row;
            scripts.put((String) r[0], r);
        }
        Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
        em.createQuery("select e from TimelineEntry e where e.interactionId in :ids and e.kind = 'script.opened'"
                + " order by e.id", TimelineEntry.class).setParameter("ids", ids).getResultStream()
                .forEach(e -> inputs.putIfAbsent(e.interactionId, read(e.detail)));
        return interactions.stream().map(i -> summary(i, scripts.get(i.id), inputs.getOrDefault(i.id, Map.of())))
                .toList();
    }

    /** The inputs the interaction's script was opened with, and which script that was. */
    public Summary one(String interactionId) {
        Interaction i = Interaction.findById(interactionId);
        if (i == null) {
            return null;
        }
        List<?> script = em.createNativeQuery("SELECT interaction_id, script_id, script_version FROM agent_session"
                + " WHERE interaction_id = ?1").setParameter(1, interactionId).getResultList();
        Map<String, Object> opened = em.createQuery("select e from TimelineEntry e where e.interactionId = :id"
                + " and e.kind = 'script.opened' order by e.id", TimelineEntry.class).setParameter("id", interactionId)
                .setMaxResults(1).getResultStream().findFirst().map(e -> read(e.detail)).orElse(Map.of());
        return summary(i, script.isEmpty() ? null : (Object[]) script.get(0), opened);
    }

    private static Summary summary(Interaction i, Object[] script, Map<String, Object> inputs) {
        return new Summary(i.id, i.ani, i.dnis, i.startedAt, i.state, script == null ? null : (String) script[1],
                script == null || script[2] == null ? null : ((Number) script[2]).intValue(), inputs);
    }

    private Map<String, Object> read(String detail) {
        if (detail == null) {
            return Map.of();
        }
        try {
            Map<String, Object> map = json.readValue(detail, new TypeReference<Map<String, Object>>() { });
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            return Map.of();
        }
    }
}
