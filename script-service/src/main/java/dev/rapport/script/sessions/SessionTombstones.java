package dev.rapport.script.sessions;

import dev.rapport.contract.EventTypes;
import dev.rapport.contract.Topics;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.platform.outbox.OutboxMessage;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes ended interactions from the compacted 'sessions' topic: once an interaction has been ended for
 * {@code rapport.sessions.tombstone-after}, a tombstone (a record with no value) follows its last state, so the topic
 * and every gateway's board stop holding it. A wrap-up still pending keeps it (the agent must be able to finish it).
 * With several instances each takes different rows (SKIP LOCKED).
 */
@ApplicationScoped
public class SessionTombstones {
    private static final int PER_ROUND = 1_000;

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final SessionsConfig config;

    SessionTombstones(AgroalDataSource dataSource, Outbox outbox, SessionsConfig config) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.config = config;
    }

    @Scheduled(every = "${rapport.sessions.tombstone-check:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::sendRound);
            } while (sent == PER_ROUND);
        } catch (RuntimeException e) {
            Log.warnf("Tombstones not sent this round: %s", e.getMessage());
        }
    }

    /** @return how many tombstones this round wrote to the outbox */
    int sendRound() throws SQLException {
        List<OutboxMessage> tombstones = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE interaction SET tombstoned_at = now() WHERE id IN ("
                     + "SELECT id FROM interaction WHERE state = 'ended' AND tombstoned_at IS NULL"
                     + " AND updated_at < now() - make_interval(secs => ?)"
                     + " AND NOT EXISTS (SELECT 1 FROM agent_session s WHERE s.interaction_id = interaction.id"
                     + " AND s.wrapup ->> 'status' = 'pending') ORDER BY updated_at LIMIT ?"
                     + " FOR UPDATE SKIP LOCKED) RETURNING id")) {
            ps.setDouble(1, config.tombstoneAfter().toMillis() / 1000.0);
            ps.setInt(2, PER_ROUND);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tombstones.add(OutboxMessage.tombstone(Topics.SESSIONS, rs.getString(1), EventTypes.SESSION_REMOVED));
                }
            }
        }
        outbox.publishAll(tombstones);
        return tombstones.size();
    }
}
