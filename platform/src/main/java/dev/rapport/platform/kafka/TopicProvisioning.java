package dev.rapport.platform.kafka;

import dev.rapport.contract.TopicLayout;
import dev.rapport.platform.RapportConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates missing topics before the messaging channels start (they start at a later startup priority). */
@ApplicationScoped
public class TopicProvisioning {
    private final RapportConfig config;
    private final String bootstrapServers;

    TopicProvisioning(RapportConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) {
        if (!config.kafka().createTopics()) {
            return;
        }
        List<String> created = TopicLayout.ensure(bootstrapServers, config.kafka().partitions(),
                config.kafka().replicationFactor());
        if (!created.isEmpty()) {
            Log.infof("Created topics %s with %d partitions", created, config.kafka().partitions());
        }
    }
}
