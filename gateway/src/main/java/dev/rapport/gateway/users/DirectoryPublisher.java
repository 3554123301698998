package dev.rapport.gateway.users;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.DirectoryUser;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.Topics;
import dev.rapport.gateway.ingest.EventProducer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes each user of the directory on the compacted topic {@code users} at start, for script-service (routing,
 * {@code Scripter.Agent Name}). The same user is the same record whichever gateway sends it, so two gateways (or a
 * restart) change nothing; the event id derives from the record, so a consumer that dedupes sees one.
 */
@ApplicationScoped
public class DirectoryPublisher {
    static final String SOURCE = "/rapport/gateway/directory";

    private final Directory directory;
    private final EventProducer producer;

    DirectoryPublisher(Directory directory, EventProducer producer) {
        this.directory = directory;
        this.producer = producer;
    }

    void onStart(@Observes StartupEvent event) {
        CompletableFuture<?>[] sent = directory.all().stream().map(this::publish).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sent).whenComplete((ok, error) -> {
            if (error != null) {
                Log.warnf("The user directory was not published on '%s' (routing names agents by their id until a"
                        + " restart publishes it): %s", Topics.USERS, error.getMessage());
            } else {
                Log.infof("Published %d users of the directory on '%s'", sent.length, Topics.USERS);
            }
        });
    }

    CompletableFuture<Void> publish(DirectoryUser user) {
        String data = EventSchemas.USER.write(user);
        String id = UUID.nameUUIDFromBytes(data.getBytes(StandardCharsets.UTF_8)).toString();
        return producer.send(Topics.USERS, new CloudEvent(id, EventTypes.USER_UPDATED, SOURCE, user.id(), Instant.now(),
                data), null).toCompletableFuture();
    }
}
