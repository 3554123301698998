package dev.rapport.gateway.sessions;

import dev.rapport.contract.TopicLayout;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates missing topics before the channels start, as the services with a database do. */
@ApplicationScoped
public class TopicSetup {
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                 @ConfigProperty(name = "rapport.kafka.partitions", defaultValue = "12") int partitions,
                 @ConfigProperty(name = "rapport.kafka.replication-factor", defaultValue = "1") short replication) {
        TopicLayout.ensure(bootstrap, partitions, replication);
    }
}
