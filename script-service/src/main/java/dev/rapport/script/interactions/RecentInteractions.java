package dev.rapport.script.interactions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.script.sessions.AgentSession;
import dev.rapport.script.sessions.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
                : em.createQuery("select i from Interaction i, AgentSession s where s.interactionId = i.id"
                        + " and s.scriptId = :script order by i.startedAt desc nulls last, i.updatedAt desc",
                        Interaction.class).setParameter("script", scriptId).setMaxResults(limit).getResultList();
        if (interactions.isEmpty()) {
            return List.of();
        }
        List<String> ids = interactions.stream().map(i -> i.id).toList();
        Map<String, AgentSession> sessions = em.createQuery("select s from AgentSession s where s.interactionId in :ids",
                AgentSession.class).setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(s -> s.interactionId, Function.identity()));
        Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
        em.createQuery("select e from TimelineEntry e where e.interactionId in :ids and e.kind = 'script.opened'"
                + " order by e.id", TimelineEntry.class).setParameter("ids", ids).getResultStream()
                .forEach(e -> inputs.putIfAbsent(e.interactionId, read(e.detail)));
        return interactions.stream().map(i -> {
            AgentSession s = sessions.get(i.id);
            return new Summary(i.id, i.ani, i.dnis, i.startedAt, i.state, s == null ? null : s.scriptId,
                    s == null ? null : s.scriptVersion, inputs.getOrDefault(i.id, Map.of()));
        }).toList();
    }

    /** The inputs the interaction's script was opened with, and which script that was. */
    public Summary one(String interactionId) {
        Interaction i = Interaction.findById(interactionId);
        if (i == null) {
            return null;
        }
        AgentSession s = AgentSession.findById(interactionId);
        Map<String, Object> opened = em.createQuery("select e from TimelineEntry e where e.interactionId = :id"
                + " and e.kind = 'script.opened' order by e.id", TimelineEntry.class).setParameter("id", interactionId)
                .setMaxResults(1).getResultStream().findFirst().map(e -> read(e.detail)).orElse(Map.of());
        return new Summary(i.id, i.ani, i.dnis, i.startedAt, i.state, s == null ? null : s.scriptId,
                s == null ? null : s.scriptVersion, opened);
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
