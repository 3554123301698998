package dev.rapport.script.sessions;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Ends the requests whose result did not come back in time, taking their failure path. */
@ApplicationScoped
public class ActionTimeouts {
    private final SessionService sessions;

    ActionTimeouts(SessionService sessions) {
        this.sessions = sessions;
    }

    @Scheduled(every = "${rapport.sessions.timeout-check:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOverdue() {
        List<String> overdue;
        try {
            overdue = PendingRequest.<PendingRequest>list("deadline < ?1", Instant.now()).stream()
                    .map(p -> p.requestId).toList();
        } catch (RuntimeException e) {
            Log.debugf("Overdue requests not checked: %s", e.getMessage());
            return;
        }
        for (String requestId : overdue) {
            try {
                sessions.expire(requestId);
            } catch (RuntimeException e) {
                Log.warnf("Could not end overdue request %s: %s", requestId, e.getMessage());
            }
        }
    }
}
