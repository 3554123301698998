package dev.rapport.script.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Down when a session consumer thread has ended, or when this instance's consumers are more than
 * {@code rapport.sessions.ready-max-lag} records behind: an instance that does not keep up with its partitions is
 * not ready.
 */
@Readiness
@ApplicationScoped
public class SessionConsumersReadiness implements HealthCheck {
    private final SessionConsumers consumers;
    private final SessionsConfig config;

    SessionConsumersReadiness(SessionConsumers consumers, SessionsConfig config) {
        this.consumers = consumers;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        long lag = consumers.lag();
        return HealthCheckResponse.named("session-consumers")
                .status(ready(consumers.healthy(), lag, config.readyMaxLag()))
                .withData("lag", lag)
                .withData("readyMaxLag", config.readyMaxLag())
                .build();
    }

    static boolean ready(boolean threadsAlive, long lag, long maxLag) {
        return threadsAlive && lag <= maxLag;
    }
}
