package dev.rapport.gateway.adapters.genesys;

import static dev.rapport.gateway.adapters.PlatformFields.ADDRESS;
import static dev.rapport.gateway.adapters.PlatformFields.ID;
import static dev.rapport.gateway.adapters.PlatformFields.NAME;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.InteractionEvent.AgentRef;
import dev.rapport.contract.InteractionEvent.Kind;
import dev.rapport.contract.InteractionEvent.QueueRef;
import dev.rapport.gateway.adapters.EventIds;
import dev.rapport.gateway.adapters.IvrAdapter;
import dev.rapport.gateway.adapters.PlatformFields;
import dev.rapport.gateway.adapters.Translation;
import dev.rapport.gateway.adapters.genesys.GenesysDetailEvent.EventBody;
import dev.rapport.gateway.identity.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Genesys Cloud conversation detail events to Rapport: {@code customer.start} is started (ANI, DNIS without their
 * {@code tel:}), {@code acd.start} queued ({@code queueId}), {@code user.start} connected (the agent is the
 * {@code userId}, named when Rapport knows a user of that id), {@code customer.end} ended ({@code disconnectType}).
 * The interaction id is the {@code conversationId}. Other topics, and media other than VOICE, are answered and left
 * out.
 */
@ApplicationScoped
public class GenesysAdapter implements IvrAdapter<GenesysDetailEvent> {
    public static final String PLATFORM = "genesys";
    private static final String TOPIC_PREFIX = "v2.detail.events.conversation.";
    private static final String BODY = "/detail/eventBody/";

    private final IdentityConfig identities;

    GenesysAdapter(IdentityConfig identities) {
        this.identities = identities;
    }

    @Override
    public Translation translate(GenesysDetailEvent event) {
        String topic = PlatformFields.required(event.detailType() != null ? event.detailType()
                : event.detail() == null ? null : event.detail().topicName(), "/detail-type", NAME);
        if (!topic.startsWith(TOPIC_PREFIX)) {
            return ignored(topic + " is not a conversation detail event");
        }
        String kind = lastTwoSegments(topic);
        if (event.detail() == null || event.detail().eventBody() == null) {
            throw PlatformFields.invalid(event.detail() == null ? "/detail" : "/detail/eventBody", "is required");
        }
        EventBody body = event.detail().eventBody();
        String conversationId = PlatformFields.required(body.conversationId(), BODY + "conversationId", ID);
        if (body.mediaType() != null && !body.mediaType().equals("VOICE")) {
            return ignored("Rapport takes VOICE conversations, not " + body.mediaType());
        }
        String id = EventIds.derive(PLATFORM, kind, conversationId, body.participantId(),
                body.eventTime() == null ? null : body.eventTime().asText());
        Instant at = occurredAt(body.eventTime(), event.time());
        InteractionEvent mapped = switch (kind) {
            case "customer.start" -> new InteractionEvent(id, Kind.STARTED, conversationId, at,
                    PlatformFields.required(number(body.ani()), BODY + "ani", ADDRESS),
                    PlatformFields.optional(number(body.dnis()), BODY + "dnis", ADDRESS), null, null, null, null);
            case "acd.start" -> new InteractionEvent(id, Kind.QUEUED, conversationId, at, null, null, null,
                    new QueueRef(PlatformFields.required(body.queueId(), BODY + "queueId", NAME), null), null, null);
            case "user.start" -> new InteractionEvent(id, Kind.CONNECTED, conversationId, at, null, null, null, null,
                    agent(PlatformFields.required(body.userId(), BODY + "userId", NAME)), null);
            case "customer.end" -> new InteractionEvent(id, Kind.ENDED, conversationId, at, null, null, null, null,
                    null, PlatformFields.optional(body.disconnectType(), BODY + "disconnectType", NAME));
            default -> null;
        };
        if (mapped == null) {
            return ignored(kind + " events are not mapped (docs/ivr/genesys-cloud.md)");
        }
        return Translation.json(List.of(mapped), 202, Map.of("status", "accepted", "interactionId", conversationId,
                "id", id));
    }

    /** The agent by the Genesys user id; its name only when a Rapport user of that id is configured. */
    private AgentRef agent(String userId) {
        IdentityConfig.User known = identities.users().get(userId);
        return new AgentRef(userId, known == null ? null : known.name().orElse(null), null);
    }

    /** {@code v2.detail.events.conversation.{id}.customer.start} → {@code customer.start}. */
    private static String lastTwoSegments(String topic) {
        int last = topic.lastIndexOf('.');
        int before = last <= 0 ? -1 : topic.lastIndexOf('.', last - 1);
        return topic.substring(before + 1);
    }

    /** Genesys writes numbers as {@code tel:+13175550100}; Rapport keeps the number. */
    private static String number(String address) {
        return address != null && address.startsWith("tel:") ? address.substring(4) : address;
    }

    /** The event's time (epoch milliseconds, or ISO), else the envelope's, else now. */
    private static Instant occurredAt(JsonNode eventTime, String envelopeTime) {
        if (eventTime != null && eventTime.isIntegralNumber() && eventTime.canConvertToLong()) {
            return Instant.ofEpochMilli(eventTime.longValue());
        }
        for (String text : new String[] {eventTime == null ? null : eventTime.asText(null), envelopeTime}) {
            if (text != null) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    // not a time Rapport can read: try the next, or the time it arrived
                }
            }
        }
        return Instant.now();
    }

    private static Translation ignored(String reason) {
        return Translation.json(List.of(), 200, Map.of("status", "ignored", "reason", reason));
    }
}
