package dev.rapport.script.sessions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.SessionState;
import dev.rapport.script.engine.Builtins;
import dev.rapport.script.engine.ScriptEngine;
import dev.rapport.script.engine.ScriptEngineException;
import dev.rapport.script.engine.SessionModel;
import dev.rapport.script.interactions.Interaction;
import dev.rapport.script.expressions.Template;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Loads and saves agent sessions: the engine's state, flow variables, alerts and runs, kept as JSON columns. */
@ApplicationScoped
public class SessionStore {
    private static final int RUNS_KEPT = 10;

    private final ObjectMapper json;
    private final EntityManager em;
    private final PublishedScripts scripts;
    private final ScriptEngine engine = new ScriptEngine();

    SessionStore(ObjectMapper json, EntityManager em, PublishedScripts scripts) {
        this.json = json;
        this.em = em;
        this.scripts = scripts;
    }

    public record RowWatch(String interactionId, List<String> flowPath) {
    }

    AgentSession findOrCreate(String interactionId) {
        AgentSession session = lock(interactionId);
        if (session == null) {
            session = new AgentSession();
            session.interactionId = interactionId;
            session.updatedAt = Instant.now();
            session.persist();
        }
        return session;
    }

    /**
     * The interaction, locked for this transaction. Every input of a session (interaction events, commands, results,
     * row changes, timeouts) takes this lock first, so their effects and the versions they publish never interleave
     * even when they arrive on different topics at once.
     */
    public Interaction lockInteraction(String interactionId) {
        return em.find(Interaction.class, interactionId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The session; callers hold the interaction's lock. */
    AgentSession lock(String interactionId) {
        return em.find(AgentSession.class, interactionId);
    }

    /** The engine's view of the session, on its pinned script version, with the interaction's current built-ins. */
    SessionModel model(AgentSession session, Map<String, String> builtins) {
        SessionModel.SessionSnapshot saved = read(session.snapshot, SessionModel.SessionSnapshot.class);
        var snapshot = new SessionModel.SessionSnapshot(saved.scriptId(), saved.version(), saved.values(),
                saved.currentPageId(), builtins, saved.runs());
        return engine.restore(scripts.get(session.scriptId, session.scriptVersion), snapshot);
    }

    void save(AgentSession session, SessionModel model) {
        session.snapshot = write(model.snapshot());
        session.updatedAt = Instant.now();
    }

    Map<String, Object> flowVariables(AgentSession session) {
        return new LinkedHashMap<>(read(session.flowVariables, new TypeReference<Map<String, Object>>() { }));
    }

    void setFlowVariables(AgentSession session, Map<String, Object> variables) {
        session.flowVariables = write(variables);
    }

    void setScreenPop(AgentSession session, Map<String, String> templates) {
        session.screenPop = write(templates);
    }

    /** The screen-pop inputs rendered again from their templates, for a refresh after a looked-up row changed. */
    Map<String, Object> screenPopInputs(AgentSession session, Function<String, Object> resolve) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (session.screenPop != null) {
            read(session.screenPop, new TypeReference<Map<String, String>>() { })
                    .forEach((input, template) -> out.put(input, render(template, resolve)));
        }
        return out;
    }

    void addAlert(AgentSession session, String message, String level) {
        List<SessionState.Alert> alerts = new ArrayList<>(alerts(session));
        alerts.add(new SessionState.Alert(UUID.randomUUID().toString(), message, level, Instant.now()));
        session.alerts = write(alerts);
    }

    List<SessionState.Alert> alerts(AgentSession session) {
        return read(session.alerts, new TypeReference<List<SessionState.Alert>>() { });
    }

    /** Alerts go out with one version only. */
    void clearAlerts(AgentSession session) {
        session.alerts = "[]";
    }

    List<SessionState.ActionRun> runs(AgentSession session) {
        return read(session.actions, new TypeReference<List<SessionState.ActionRun>>() { });
    }

    void recordRun(AgentSession session, SessionState.ActionRun run) {
        List<SessionState.ActionRun> runs = new ArrayList<>(runs(session));
        SessionState.ActionRun started = runs.stream().filter(r -> r.runId().equals(run.runId())).findFirst()
                .orElse(null);
        runs.removeIf(r -> r.runId().equals(run.runId()));
        runs.add(started == null ? run : new SessionState.ActionRun(run.runId(), started.customAction(),
                started.component(), run.status(), run.error(), started.startedAt()));
        while (runs.size() > RUNS_KEPT) {
            runs.remove(0);
        }
        session.actions = write(runs);
    }

    void watch(String tableId, String rowKey, String interactionId, List<String> flowPath) {
        em.createNativeQuery("INSERT INTO session_row (table_id, row_key, interaction_id, flow_path) "
                        + "VALUES (?1, ?2, ?3, cast(?4 as jsonb)) ON CONFLICT DO NOTHING")
                .setParameter(1, tableId).setParameter(2, rowKey).setParameter(3, interactionId)
                .setParameter(4, writePath(flowPath)).executeUpdate();
    }

    /** An ended interaction stops watching the rows it looked up. */
    void unwatch(String interactionId) {
        em.createNativeQuery("DELETE FROM session_row WHERE interaction_id = ?1").setParameter(1, interactionId)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    List<RowWatch> watchers(String tableId, String rowKey) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT interaction_id, cast(flow_path as text) FROM session_row WHERE table_id = ?1 AND row_key = ?2")
                .setParameter(1, tableId).setParameter(2, rowKey).getResultList();
        return rows.stream().map(r -> new RowWatch((String) r[0], readPath((String) r[1]))).toList();
    }

    /** A component named by id, or a button by its text (the workshop's "Submit"). */
    String componentId(SessionModel model, String idOrName) {
        if (model.script().component(idOrName) != null) {
            return idOrName;
        }
        for (Page page : model.script().version().definition().pages()) {
            String found = findButton(page.root(), idOrName);
            if (found != null) {
                return found;
            }
        }
        throw new ScriptEngineException("no component '" + idOrName + "'");
    }

    String pageId(SessionModel model, String idOrName) {
        return model.script().version().definition().pages().stream()
                .filter(p -> p.id().equals(idOrName) || idOrName.equalsIgnoreCase(p.name()))
                .map(Page::id).findFirst()
                .orElseThrow(() -> new ScriptEngineException("no page '" + idOrName + "'"));
    }

    private static String findButton(Component c, String text) {
        if (c instanceof Component.Button b && text.equalsIgnoreCase(b.text())) {
            return b.id();
        }
        List<Component> children = c instanceof Component.VerticalContainer v ? v.children()
                : c instanceof Component.HorizontalContainer h ? h.children() : List.of();
        for (Component child : children) {
            String found = findButton(child, text);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    String writePath(List<String> path) {
        return write(path);
    }

    List<String> readPath(String text) {
        return read(text, new TypeReference<List<String>>() { });
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored session state is not readable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored session state is not readable", e);
        }
    }

    static Builtins builtins(Map<String, String> values) {
        return new Builtins(values);
    }

    static String render(String template, Function<String, Object> values) {
        return Template.parse(template).render(values);
    }
}
