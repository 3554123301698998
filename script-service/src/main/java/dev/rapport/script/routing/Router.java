package dev.rapport.script.routing;

import dev.rapport.contract.InteractionEvent.AgentRef;
import dev.rapport.contract.InteractionEvent.QueueRef;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.platform.outbox.OutboxMessage;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Offers waiting interactions to agents, and ends offers and waits that ran out. Each round is one transaction that
 * takes the entries it works on with {@code FOR UPDATE SKIP LOCKED} and the agents' rows the same way, so the routers
 * of several instances (or threads) split the work: an interaction is never offered twice, an agent never offered two
 * at once (one {@code offered_interaction} each). The round's events go out through the outbox with its changes.
 * A round runs right after a change that may allow an offer (this instance's batches and status changes), and every
 * {@code rapport.routing.scan-every} on every instance, which catches what other instances changed and the timeouts.
 * The router never waits for a lock (a row another transaction holds is left for the next round), so it cannot
 * deadlock with the session core.
 */
@ApplicationScoped
public class Router {
    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final RoutingConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "router");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakePending = new AtomicBoolean();

    Router(AgroalDataSource dataSource, Outbox outbox, RoutingConfig config,
           TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.config = config;
        this.transactions = transactions;
    }

    void onStop(@Observes ShutdownEvent event) {
        wakeups.shutdownNow();
    }

    @Scheduled(every = "${rapport.routing.scan-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        if (config.enabled()) {
            routeAll();
        }
    }

    /** A round soon after the current transaction commits (nothing if it rolls back). */
    public void wakeAfterCommit() {
        if (!config.enabled()) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    /** A round soon, on the router's thread; wakes while one waits to run are one round. */
    public void wake() {
        if (config.enabled() && wakePending.compareAndSet(false, true)) {
            try {
                wakeups.execute(() -> {
                    wakePending.set(false);
                    routeAll();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                wakePending.set(false);
            }
        }
    }

    private void routeAll() {
        try {
            // a full round may have left more to do
            for (int i = 0; i < 10 && round() >= config.perRound(); i++) {
                Log.debug("Router: another round");
            }
        } catch (RuntimeException e) {
            Log.warnf("Routing round failed (the next scan tries again): %s", e.getMessage());
        }
    }

    /** One round in a transaction of its own. @return how many entries it changed */
    public int round() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                List<OutboxMessage> out = new ArrayList<>();
                int changed = unanswered(c, out) + timedOut(c, out) + offer(c, out);
                outbox.publishAll(out);
                return changed;
            }
        });
    }

    /** Offers that ran out: the agent becomes NOT_RESPONDING and the interaction waits again (for the next). */
    private int unanswered(Connection c, List<OutboxMessage> out) throws SQLException {
        int changed = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT e.interaction_id, e.offered_to, q.id, q.name, "
                + "q.alerting_timeout_seconds FROM routing_entry e JOIN routing_queue q ON q.id = e.queue_id "
                + "WHERE e.status = 'offered' AND e.offer_deadline < now() ORDER BY e.offer_deadline LIMIT ? "
                + "FOR UPDATE OF e SKIP LOCKED")) {
            ps.setInt(1, config.perRound());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String interaction = rs.getString(1);
                    String agent = rs.getString(2);
                    if (!lockAgent(c, agent)) {
                        continue;
                    }
                    update(c, "UPDATE routing_status SET status = CASE WHEN status = 'IDLE' THEN 'NOT_RESPONDING' "
                            + "ELSE status END, since = CASE WHEN status = 'IDLE' THEN now() ELSE since END, "
                            + "offered_interaction = NULL WHERE user_id = ? AND offered_interaction = ?", agent,
                            interaction);
                    update(c, "UPDATE routing_entry SET status = 'waiting', offered_to = NULL, offer_deadline = NULL, "
                            + "updated_at = now() WHERE interaction_id = ?", interaction);
                    out.add(RoutingEvents.queued(interaction, new QueueRef(rs.getString(3), rs.getString(4)),
                            agent + " did not answer within " + rs.getInt(5) + " s"));
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Interactions past the queue's in-queue timeout: {@code routingFailed}, and the entry is out. */
    private int timedOut(Connection c, List<OutboxMessage> out) throws SQLException {
        int changed = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT e.interaction_id, e.offered_to, q.id, q.name, "
                + "q.in_queue_timeout_seconds FROM routing_entry e JOIN routing_queue q ON q.id = e.queue_id "
                + "WHERE e.status IN ('waiting', 'offered') AND e.in_queue_deadline < now() "
                + "ORDER BY e.in_queue_deadline LIMIT ? FOR UPDATE OF e SKIP LOCKED")) {
            ps.setInt(1, config.perRound());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String interaction = rs.getString(1);
                    String agent = rs.getString(2);
                    if (agent != null) {
                        if (!lockAgent(c, agent)) {
                            continue;
                        }
                        update(c, "UPDATE routing_status SET offered_interaction = NULL WHERE user_id = ? "
                                + "AND offered_interaction = ?", agent, interaction);
                    }
                    update(c, "UPDATE routing_entry SET status = 'failed', offered_to = NULL, offer_deadline = NULL, "
                            + "updated_at = now() WHERE interaction_id = ?", interaction);
                    out.add(RoutingEvents.failed(interaction, new QueueRef(rs.getString(3), rs.getString(4)),
                            "No agent answered within the in-queue timeout (" + rs.getInt(5) + " s) of queue "
                                    + rs.getString(4)));
                    changed++;
                }
            }
        }
        return changed;
    }

    /**
     * Waiting interactions, highest priority first, then oldest, each to the member of its queue who has been IDLE
     * longest, has all its skills and its language, and has no offer now.
     */
    private int offer(Connection c, List<OutboxMessage> out) throws SQLException {
        int changed = 0;
        try (PreparedStatement entries = c.prepareStatement("SELECT e.interaction_id, e.queue_id, e.skills, "
                + "e.language_id, q.name, q.alerting_timeout_seconds FROM routing_entry e "
                + "JOIN routing_queue q ON q.id = e.queue_id WHERE e.status = 'waiting' "
                + "ORDER BY e.priority DESC, e.entered_at LIMIT ? FOR UPDATE OF e SKIP LOCKED");
             PreparedStatement agents = c.prepareStatement("SELECT s.user_id FROM routing_status s "
                     + "JOIN routing_queue_member m ON m.user_id = s.user_id AND m.queue_id = ? "
                     + "WHERE s.status = 'IDLE' AND s.offered_interaction IS NULL "
                     + "AND ?::text[] <@ ARRAY(SELECT k.skill_id::text FROM user_routing_skill k "
                     + "  WHERE k.user_id = s.user_id) "
                     + "AND (?::text IS NULL OR ?::text IN (SELECT k.skill_id::text FROM user_routing_skill k "
                     + "  WHERE k.user_id = s.user_id)) "
                     + "ORDER BY s.since, s.user_id LIMIT 1 FOR UPDATE OF s SKIP LOCKED")) {
            entries.setInt(1, config.perRound());
            try (ResultSet rs = entries.executeQuery()) {
                while (rs.next()) {
                    String interaction = rs.getString(1);
                    Array skills = rs.getArray(3);
                    String language = rs.getString(4);
                    agents.setObject(1, rs.getObject(2));
                    agents.setArray(2, c.createArrayOf("text", skills == null ? new Object[0]
                            : (Object[]) skills.getArray()));
                    agents.setString(3, language);
                    agents.setString(4, language);
                    String agent = null;
                    try (ResultSet a = agents.executeQuery()) {
                        if (a.next()) {
                            agent = a.getString(1);
                        }
                    }
                    if (agent == null) {
                        continue;
                    }
                    int timeout = rs.getInt(6);
                    update(c, "UPDATE routing_status SET offered_interaction = ? WHERE user_id = ?", interaction, agent);
                    try (PreparedStatement u = c.prepareStatement("UPDATE routing_entry SET status = 'offered', "
                            + "offered_to = ?, offer_deadline = now() + make_interval(secs => ?), updated_at = now() "
                            + "WHERE interaction_id = ?")) {
                        u.setString(1, agent);
                        u.setInt(2, timeout);
                        u.setString(3, interaction);
                        u.executeUpdate();
                    }
                    AgentRef ref = DirectoryUsers.agents(c, List.of(agent)).getOrDefault(agent,
                            new AgentRef(agent, agent, null));
                    out.add(RoutingEvents.alerting(interaction, new QueueRef(rs.getString(2), rs.getString(5)), ref));
                    changed++;
                }
            }
        }
        return changed;
    }

    /** The agent's row, if no one else holds it now (then the caller leaves its entry for the next round). */
    private static boolean lockAgent(Connection c, String agent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM routing_status WHERE user_id = ? "
                + "FOR UPDATE SKIP LOCKED")) {
            ps.setString(1, agent);
            try (ResultSet rs = ps.executeQuery()) {
                // no row at all (a status never set) holds no lock either
                return rs.next() || !exists(c, agent);
            }
        }
    }

    private static boolean exists(Connection c, String agent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM routing_status WHERE user_id = ?")) {
            ps.setString(1, agent);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
