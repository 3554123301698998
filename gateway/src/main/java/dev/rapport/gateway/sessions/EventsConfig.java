package dev.rapport.gateway.sessions;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The key 'sessions' records are signed with by script-service's outbox relay (RAPPORT_EVENTS_SIGNING_KEY). */
@ConfigMapping(prefix = "rapport.events")
public interface EventsConfig {
    /** At least 32 characters; no default outside the dev, test and demo profiles (application.properties). */
    Optional<String> signingKey();
}
