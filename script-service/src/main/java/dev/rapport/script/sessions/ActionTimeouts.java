package dev.rapport.script.sessions;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.List;

/**
 * Ends the requests whose result did not come back in time, taking their failure path. Just after a start it waits
 * a grace period first: results that arrived while the service was down are still in Kafka, and the consumers need a
 * moment to take their partitions back.
 */
@ApplicationScoped
public class ActionTimeouts {
    private final SessionService sessions;
    private final Instant graceUntil;

    ActionTimeouts(SessionService sessions,
                   @ConfigProperty(name = "rapport.sessions.startup-grace", defaultValue = "30s") Duration grace) {
        this.sessions = sessions;
        this.graceUntil = Instant.now().plus(grace);
    }

    @Scheduled(every = "${rapport.sessions.timeout-check:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOverdue() {
        if (Instant.now().isBefore(graceUntil)) {
            return;
        }
        List<PendingRequest> overdue;
        try {
            overdue = PendingRequest.<PendingRequest>list("deadline < ?1", Instant.now());
        } catch (RuntimeException e) {
            Log.debugf("Overdue requests not checked: %s", e.getMessage());
            return;
        }
        for (PendingRequest request : overdue) {
            try {
                sessions.expire(request.requestId, request.interactionId);
            } catch (RuntimeException e) {
                Log.warnf("Could not end overdue request %s: %s", request.requestId, e.getMessage());
            }
        }
    }
}
