package dev.rapport.script.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Down when a session consumer thread has ended: an instance that no longer applies its partitions is not ready. */
@Readiness
@ApplicationScoped
public class SessionConsumersReadiness implements HealthCheck {
    private final SessionConsumers consumers;

    SessionConsumersReadiness(SessionConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("session-consumers").status(consumers.healthy()).build();
    }
}
