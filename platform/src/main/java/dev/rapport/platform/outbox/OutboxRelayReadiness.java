package dev.rapport.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Down when the outbox relay is enabled but its thread ended (an Error such as OutOfMemoryError), has completed no
 * round within {@code rapport.outbox.stalled-after}, or left a row of its shards unpublished for longer than
 * {@code rapport.outbox.backlog-bound}: an instance whose events stay in its outbox is not ready.
 */
@Readiness
@ApplicationScoped
public class OutboxRelayReadiness implements HealthCheck {
    private final OutboxRelay relay;

    OutboxRelayReadiness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.RelayStatus status = relay.status();
        return HealthCheckResponse.named("outbox-relay")
                .status(status.up())
                .withData("enabled", status.enabled())
                .withData("lastRoundMillisAgo", status.sinceLastRound().toMillis())
                .withData("shardsOwned", status.shardsOwned())
                .withData("backlogMillis", status.backlogAge().toMillis())
                .build();
    }
}
