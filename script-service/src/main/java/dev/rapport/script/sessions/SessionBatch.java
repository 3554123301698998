package dev.rapport.script.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.DataTableChange;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.platform.outbox.OutboxMessage;
import dev.rapport.script.conversations.ConversationsConfig;
import dev.rapport.script.engine.ScriptEngine;
import dev.rapport.script.engine.SessionModel;
import dev.rapport.script.flows.LiveFlows;
import dev.rapport.script.routing.DirectoryUsers;
import dev.rapport.script.routing.QueueEntries;
import dev.rapport.script.routing.RoutedSession;
import dev.rapport.script.routing.WrapupCodeService;
import dev.rapport.script.scripts.PublishedScripts;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.MDC;

/**
 * Applies a batch of session inputs in one transaction: records which are new (a redelivered one is skipped),
 * locks and loads every session they touch in one statement, applies them in order, saves the sessions, the
 * timeline and the requests in bulk, and writes one new state per changed session to the outbox. The inputs and
 * their effects commit together or not at all, so each input takes effect exactly once.
 */
@ApplicationScoped
public class SessionBatch {
    /** One record to apply: its input (or a row change, which concerns the sessions watching that row). */
    record Delivery(String consumer, String eventId, String correlationId, SessionInput input,
                    DataTableChange rowChange) {
    }

    private final AgroalDataSource dataSource;
    private final SessionRepository repository;
    private final SessionDriver driver;
    private final RowLookups rows;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final QueueEntries routing;
    private final ScriptEngine engine = new ScriptEngine();

    SessionBatch(AgroalDataSource dataSource, SessionRepository repository, LiveFlows flows, PublishedScripts scripts,
                 RowLookups rows, Outbox outbox, ObjectMapper json, MeterRegistry registry, SessionsConfig config,
                 QueueEntries routing, ConversationsConfig callbacks) {
        this.dataSource = dataSource;
        this.repository = repository;
        this.driver = new SessionDriver(flows, scripts, rows, config.actionTimeout(), config.commandTimeout(),
                callbacks.asapCallbackDelay());
        this.rows = rows;
        this.outbox = outbox;
        this.json = json;
        this.registry = registry;
        this.routing = routing;
    }

    /** Reads ahead the rows the batch's new calls look up first, outside any transaction, all at once. */
    public void prefetch(List<Delivery> deliveries) {
        List<RowLookups.Key> keys = new ArrayList<>();
        QuarkusTransaction.joiningExisting().run(() -> {
            for (Delivery d : deliveries) {
                if (d.input() instanceof SessionInput.Event e) {
                    keys.addAll(driver.firstLookups(e.event()));
                }
            }
        });
        if (!keys.isEmpty()) {
            rows.prefetch(keys);
        }
    }

    /** @return how many inputs took effect (redeliveries and inputs of unknown interactions do not) */
    @Transactional
    public int apply(List<Delivery> deliveries) {
        try (Connection c = dataSource.getConnection()) {
            return applyIn(c, deliveries);
        } catch (SQLException e) {
            throw new IllegalStateException("the batch could not be written: " + e.getMessage(), e);
        }
    }

    private int applyIn(Connection c, List<Delivery> deliveries) throws SQLException {
        List<String> consumers = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery d = deliveries.get(i);
            if (d.eventId() != null) {
                consumers.add(d.consumer());
                eventIds.add(d.eventId());
                positions.add(i);
            }
        }
        Set<Integer> freshIndexes = repository.firstDeliveries(c, consumers, eventIds);
        Set<Integer> fresh = new LinkedHashSet<>();
        freshIndexes.forEach(i -> fresh.add(positions.get(i)));

        List<Delivery> inputs = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery d = deliveries.get(i);
            if (d.eventId() != null && !fresh.contains(i)) {
                registry.counter("rapport.events.redelivered", "consumer", d.consumer()).increment();
                continue;
            }
            if (d.rowChange() != null) {
                DataTableChange change = d.rowChange();
                if (change.rowKey() != null) {
                    Map<String, Object> row = change.change() == DataTableChange.Kind.ROW_DELETED ? null : change.row();
                    repository.watchers(c, change.tableId(), change.rowKey(), row).forEach(w ->
                            inputs.add(new Delivery(d.consumer(), null, d.correlationId(), w, null)));
                }
            } else {
                inputs.add(d);
            }
        }
        if (inputs.isEmpty()) {
            return 0;
        }
        Set<String> ids = new TreeSet<>();
        Set<String> requestIds = new LinkedHashSet<>();
        Set<String> wrapupCodes = new LinkedHashSet<>();
        Set<String> connectedAgents = new LinkedHashSet<>();
        for (Delivery d : inputs) {
            ids.add(d.input().interactionId());
            if (d.input() instanceof SessionInput.Result r) {
                requestIds.add(r.result().requestId());
            } else if (d.input() instanceof SessionInput.Timeout t) {
                requestIds.add(t.requestId());
            } else if (d.input() instanceof SessionInput.Event e && e.event().commandId() != null) {
                requestIds.add(e.event().commandId());
                connectedAgents.addAll(agentsNamed(e));
            } else if (d.input() instanceof SessionInput.Command k && k.command().code() != null) {
                wrapupCodes.add(k.command().code());
            } else if (d.input() instanceof SessionInput.Event e) {
                connectedAgents.addAll(agentsNamed(e));
            }
        }
        Map<String, Session> sessions = repository.lock(c, ids);
        PendingRequests pending = new PendingRequests(repository.pending(c, requestIds));
        Map<String, String> codeNames = WrapupCodeService.names(c, wrapupCodes);
        // Whoever sends 'connected', the agent is named as the directory names them (Scripter.Agent Name...).
        Map<String, InteractionEvent.AgentRef> directory = DirectoryUsers.agents(c, connectedAgents);
        List<RoutedSession.Answer> answers = new ArrayList<>();
        SessionWrites writes = new SessionWrites();
        Map<String, Session> touched = new LinkedHashMap<>();
        Map<String, String> correlations = new LinkedHashMap<>();
        int applied = 0;
        for (Delivery d : inputs) {
            String id = d.input().interactionId();
            Session s = sessions.get(id);
            if (s == null && d.input() instanceof SessionInput.Event) {
                s = new Session(id, false);
                sessions.put(id, s);
            }
            if (s == null) {
                Log.debugf("%s for unknown interaction %s ignored", d.input().getClass().getSimpleName(), id);
                continue;
            }
            withCorrelation(d.correlationId(), s, named(d.input(), directory), pending, codeNames, writes);
            if (d.input() instanceof SessionInput.Command k && k.command().type() == AgentCommand.Kind.ANSWER) {
                answers.add(new RoutedSession.Answer(id, k.command().agentId())); // routing checks the offer
            }
            touched.put(id, s);
            if (d.correlationId() != null) {
                correlations.put(id, d.correlationId());
            }
            applied++;
        }
        List<OutboxMessage> messages = new ArrayList<>();
        for (Session s : touched.values()) {
            if ((s.changed || !s.existed) && s.isCall()) {
                nextState(s); // written once: kept as the interaction's last state and published as it is
                messages.add(OutboxMessage.written(Topics.SESSIONS, s.id, EventTypes.SESSION_UPDATED, s.lastState,
                        correlations.get(s.id)));
            }
        }
        repository.save(c, touched.values(), writes);
        messages.addAll(routing.afterBatch(c, touched.values().stream().map(SessionBatch::routed).toList(), answers));
        for (SessionWrites.Event e : writes.events) {
            messages.add(new OutboxMessage(e.topic(), e.key(), e.type(), e.data(), e.correlationId()));
        }
        outbox.publishAll(messages);
        registry.counter("rapport.sessions.inputs").increment(applied);
        return applied;
    }

    private void withCorrelation(String correlationId, Session s, SessionInput input, PendingRequests pending,
                                 Map<String, String> wrapupCodes, SessionWrites writes) {
        withMdc(correlationId, () -> driver.apply(s, input, pending, wrapupCodes, writes));
    }

    /** The agent a connected or alerting event names, whom the directory may know better. */
    private static List<String> agentsNamed(SessionInput.Event e) {
        InteractionEvent event = e.event();
        boolean names = event.type() == InteractionEvent.Kind.CONNECTED || event.type() == InteractionEvent.Kind.ALERTING;
        return names && event.agent() != null ? List.of(event.agent().id()) : List.of();
    }

    /** The input with its agent as the directory knows them (when it does). */
    private static SessionInput named(SessionInput input, Map<String, InteractionEvent.AgentRef> directory) {
        if (input instanceof SessionInput.Event e && !agentsNamed(e).isEmpty()
                && directory.containsKey(e.event().agent().id())) {
            InteractionEvent v = e.event();
            return new SessionInput.Event(new InteractionEvent(v.id(), v.type(), v.interactionId(), v.occurredAt(),
                    v.ani(), v.dnis(), v.attributes(), v.queue(), directory.get(v.agent().id()), v.reason(),
                    v.screenPop(), v.commandId(), v.address(), v.callback()), e.time());
        }
        return input;
    }

    /** What built-in routing needs of the session as the batch left it. */
    private static RoutedSession routed(Session s) {
        String wrapupAgent = s.wrapup != null && s.wrapup.pending() ? s.wrapup.agentId() : null;
        boolean withAgent = "connected".equals(s.state) || "alerting".equals(s.state);
        return new RoutedSession(s.id, s.state, s.queueId, s.queueName, withAgent ? s.agentId : null, wrapupAgent,
                s.routingPriority, s.routingSkills, s.routingLanguage);
    }

    /**
     * The session's next version, written as JSON into {@code s.lastState}: the current page rendered, variables,
     * alerts raised since the last one, runs.
     */
    private void nextState(Session s) {
        s.version++;
        s.updatedAt = Instant.now();
        SessionState.ScriptRef script = null;
        JsonNode page = null;
        Map<String, Object> variables = null;
        if (s.hasScript()) {
            SessionModel model = driver.model(s);
            script = new SessionState.ScriptRef(s.scriptId, s.scriptName, s.scriptVersion);
            page = json.valueToTree(engine.render(model, model.currentPageId()));
            variables = model.values();
            // Output variables are participant data of the interaction (readable by API, carried in the state).
            model.script().variables().values().stream().filter(v -> v.output()).forEach(v -> {
                Object value = model.value(v.name());
                if (value != null) {
                    s.attributes.put(v.name(), value.toString());
                }
            });
        }
        SessionState state = new SessionState(s.id, s.version, s.state, s.ani, s.dnis, Map.copyOf(s.attributes),
                s.queue(), s.agent(), s.updatedAt, script, page, variables, s.alerts.isEmpty() ? null : List.copyOf(s.alerts),
                s.runs.isEmpty() ? null : List.copyOf(s.runs), s.wrapup);
        s.alerts.clear();
        s.lastState = EventJson.write(state);
    }

    private static void withMdc(String correlationId, Runnable work) {
        Object previous = MDC.get(Outbox.CORRELATION_ID_MDC_KEY);
        if (correlationId != null) {
            MDC.put(Outbox.CORRELATION_ID_MDC_KEY, correlationId);
        }
        try {
            work.run();
        } finally {
            if (previous == null) {
                MDC.remove(Outbox.CORRELATION_ID_MDC_KEY);
            } else {
                MDC.put(Outbox.CORRELATION_ID_MDC_KEY, previous);
            }
        }
    }
}
