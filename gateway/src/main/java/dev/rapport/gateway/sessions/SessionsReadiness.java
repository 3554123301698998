package dev.rapport.gateway.sessions;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the board holds every session that was on 'sessions' when this gateway started ({@link SessionsCatchUp}). */
@Readiness
@ApplicationScoped
public class SessionsReadiness implements HealthCheck {
    private static final String NAME = "sessions caught up";
    private final KafkaClientService clients;
    private final SessionsCatchUp catchUp;

    SessionsReadiness(KafkaClientService clients, SessionsConsumer feed) {
        this.clients = clients;
        this.catchUp = feed.catchUp();
    }

    @Override
    public HealthCheckResponse call() {
        if (catchUp.caughtUp()) {
            return HealthCheckResponse.up(NAME);
        }
        KafkaConsumer<Object, Object> consumer = clients.getConsumer("sessions");
        if (consumer == null) {
            return HealthCheckResponse.named(NAME).down().withData("reason", "not consuming 'sessions' yet").build();
        }
        Map<TopicPartition, Long> behind = consumer.runOnPollingThread(c -> {
            Set<TopicPartition> assigned = c.assignment();
            if (assigned.isEmpty()) {
                return null;
            }
            if (!catchUp.hasTarget()) {
                catchUp.target(c.endOffsets(assigned));
            }
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (TopicPartition tp : assigned) {
                positions.put(tp, c.position(tp));
            }
            return catchUp.behind(positions);
        }).await().atMost(Duration.ofSeconds(5));
        if (behind == null) {
            return HealthCheckResponse.named(NAME).down().withData("reason", "no partition assigned yet").build();
        }
        if (behind.isEmpty()) {
            return HealthCheckResponse.up(NAME);
        }
        return HealthCheckResponse.named(NAME).down()
                .withData("records behind", behind.values().stream().mapToLong(Long::longValue).sum())
                .withData("partitions behind", behind.size()).build();
    }
}
