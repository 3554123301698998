package dev.rapport.gateway.adapters.connect;

import static dev.rapport.gateway.adapters.PlatformFields.ADDRESS;
import static dev.rapport.gateway.adapters.PlatformFields.ID;
import static dev.rapport.gateway.adapters.PlatformFields.NAME;

import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.InteractionEvent.Kind;
import dev.rapport.contract.InteractionEvent.QueueRef;
import dev.rapport.gateway.adapters.EventIds;
import dev.rapport.gateway.adapters.IvrAdapter;
import dev.rapport.gateway.adapters.PlatformFields;
import dev.rapport.gateway.adapters.Translation;
import dev.rapport.gateway.adapters.connect.ConnectFlowEvent.ContactData;
import dev.rapport.gateway.adapters.connect.ConnectFlowEvent.Details;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Amazon Connect to Rapport. Each invocation says the contact is there (started: ANI
 * {@code CustomerEndpoint.Address}, DNIS {@code SystemEndpoint.Address}, the attributes; only the first counts, by its
 * event id), sets the attributes ({@code Attributes}, then the block's {@code Parameters} over them), and queues it
 * when {@code Queue} is set. The interaction id is {@code InitialContactId} (the first contact of a transferred
 * call), else {@code ContactId}. Contacts of another channel than VOICE are answered and left out.
 */
@ApplicationScoped
public class ConnectAdapter implements IvrAdapter<ConnectFlowEvent> {
    public static final String PLATFORM = "connect";

    @Override
    public Translation translate(ConnectFlowEvent request) {
        boolean wrapped = request.details() == null && request.detail() != null;
        ConnectFlowEvent event = wrapped ? request.detail() : request;
        String at = wrapped ? "/detail/Details" : "/Details";
        Details details = present(event.details(), at);
        ContactData contact = present(details.contactData(), at + "/ContactData");
        String field = at + "/ContactData/";
        String contactId = PlatformFields.required(contact.contactId(), field + "ContactId", ID);
        String initial = PlatformFields.optional(contact.initialContactId(), field + "InitialContactId", ID);
        String interactionId = initial != null ? initial : contactId;
        String channel = PlatformFields.optional(contact.channel(), field + "Channel", NAME);
        if (channel != null && !channel.equals("VOICE")) {
            return Translation.json(List.of(), 200, Map.of("status", "ignored", "interactionId", interactionId,
                    "reason", "Rapport takes VOICE contacts, not " + channel));
        }
        String ani = PlatformFields.required(contact.customerEndpoint() == null ? null
                : contact.customerEndpoint().address(), field + "CustomerEndpoint/Address", ADDRESS);
        String dnis = PlatformFields.optional(contact.systemEndpoint() == null ? null
                : contact.systemEndpoint().address(), field + "SystemEndpoint/Address", ADDRESS);
        Map<String, String> attributes = new TreeMap<>();
        putAll(attributes, contact.attributes());
        putAll(attributes, details.parameters());
        QueueRef queue = queue(contact.queue(), field + "Queue/");

        Instant now = Instant.now();
        String snapshot = snapshot(interactionId, attributes, queue);
        List<InteractionEvent> events = new ArrayList<>();
        events.add(new InteractionEvent(EventIds.derive(PLATFORM, "started", interactionId), Kind.STARTED,
                interactionId, now, ani, dnis, attributes.isEmpty() ? null : attributes, null, null, null));
        if (!attributes.isEmpty()) {
            events.add(new InteractionEvent(EventIds.derive(PLATFORM, "attributesSet", snapshot), Kind.ATTRIBUTES_SET,
                    interactionId, now, null, null, attributes, null, null, null));
        }
        if (queue != null) {
            events.add(new InteractionEvent(EventIds.derive(PLATFORM, "queued", snapshot), Kind.QUEUED, interactionId,
                    now, null, null, null, queue, null, null));
        }
        return Translation.json(events, 200, Map.of("status", "accepted", "interactionId", interactionId));
    }

    private static <T> T present(T value, String field) {
        if (value == null) {
            throw PlatformFields.invalid(field, "is required");
        }
        return value;
    }

    private static void putAll(Map<String, String> into, Map<String, String> from) {
        if (from != null) {
            from.forEach((name, value) -> {
                if (value != null) {
                    into.put(name, value);
                }
            });
        }
    }

    /** The queue by its ARN (its name when there is no ARN), or null when the flow has set none. */
    private static QueueRef queue(ConnectFlowEvent.Queue queue, String field) {
        if (queue == null) {
            return null;
        }
        String arn = PlatformFields.optional(queue.arn(), field + "ARN", NAME);
        String name = PlatformFields.optional(queue.name(), field + "Name", NAME);
        return arn == null && name == null ? null : new QueueRef(arn != null ? arn : name, name);
    }

    /**
     * What this invocation says about the contact, as one string: the ids of its attributesSet and queued events. An
     * invocation sent again is the same; one that says something new is not.
     */
    private static String snapshot(String interactionId, Map<String, String> attributes, QueueRef queue) {
        StringBuilder all = new StringBuilder(interactionId);
        attributes.forEach((name, value) -> all.append('\n').append(name.length()).append(':').append(name)
                .append('=').append(value.length()).append(':').append(value));
        if (queue != null) {
            all.append("\nqueue=").append(queue.id()).append('\n').append(queue.name());
        }
        return all.toString();
    }
}
