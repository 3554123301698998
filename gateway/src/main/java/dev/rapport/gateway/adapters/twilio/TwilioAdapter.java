package dev.rapport.gateway.adapters.twilio;

import static dev.rapport.gateway.adapters.PlatformFields.ADDRESS;
import static dev.rapport.gateway.adapters.PlatformFields.ID;

import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.InteractionEvent.Kind;
import dev.rapport.gateway.adapters.EventIds;
import dev.rapport.gateway.adapters.IvrAdapter;
import dev.rapport.gateway.adapters.PlatformFields;
import dev.rapport.gateway.adapters.Translation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Twilio Programmable Voice to Rapport. A call that rings or is in progress is started (ANI {@code From}, DNIS
 * {@code To}; every such request says so again, and the same event id makes only the first count); a
 * {@code <Gather>}'s {@code Digits} and {@code SpeechResult} are attributes; a call that is over (completed, busy,
 * failed, no-answer, canceled) has ended; a queued call is nothing yet. The interaction id is the {@code CallSid}.
 */
@ApplicationScoped
public class TwilioAdapter implements IvrAdapter<TwilioRequest> {
    static final String PLATFORM = "twilio";
    private static final Set<String> LIVE = Set.of("ringing", "in-progress");
    private static final Set<String> OVER = Set.of("completed", "busy", "failed", "no-answer", "canceled");
    private static final String STATUSES = "queued, ringing, in-progress, completed, busy, failed, no-answer, canceled";

    @Override
    public Translation translate(TwilioRequest request) {
        TwilioWebhook hook = request.webhook();
        String callSid = PlatformFields.required(hook.first("CallSid"), "CallSid", ID);
        String status = PlatformFields.optional(hook.first("CallStatus"), "CallStatus", 32);
        Instant at = timestamp(hook.first("Timestamp"));
        List<InteractionEvent> events = new ArrayList<>();
        if (request.endpoint() == TwilioRequest.Endpoint.STATUS) {
            status = PlatformFields.required(status, "CallStatus", 32);
            if (LIVE.contains(status)) {
                events.add(started(callSid, hook, at));
            } else if (OVER.contains(status)) {
                events.add(new InteractionEvent(EventIds.derive(PLATFORM, "ended", callSid), Kind.ENDED, callSid, at,
                        null, null, null, null, null, status));
            } else if (!status.equals("queued")) {
                throw PlatformFields.invalid("CallStatus", "'" + status + "' is not one of " + STATUSES);
            }
        } else {
            if (status == null || LIVE.contains(status)) {
                events.add(started(callSid, hook, at));
            }
            Map<String, String> gathered = new LinkedHashMap<>();
            putIfPresent(gathered, request.digitsAttribute(), hook.first("Digits"));
            putIfPresent(gathered, request.speechAttribute(), hook.first("SpeechResult"));
            if (!gathered.isEmpty()) {
                events.add(new InteractionEvent(EventIds.derive(PLATFORM, "attributesSet", callSid,
                        delivery(request)), Kind.ATTRIBUTES_SET, callSid, at, null, null, gathered, null, null, null));
            }
        }
        return Translation.xml(events, TwiML.answer(request.next()));
    }

    private static InteractionEvent started(String callSid, TwilioWebhook hook, Instant at) {
        String from = PlatformFields.required(hook.first("From"), "From", ADDRESS);
        String to = PlatformFields.optional(hook.first("To"), "To", ADDRESS);
        return new InteractionEvent(EventIds.derive(PLATFORM, "started", callSid), Kind.STARTED, callSid, at, from, to,
                null, null, null, null);
    }

    /**
     * What tells this Gather's delivery from another of the same call: Twilio's delivery token, the same on its
     * retries; without one, the request itself (then an identical answer later in the call counts once).
     */
    private static String delivery(TwilioRequest request) {
        if (request.deliveryToken() != null && !request.deliveryToken().isBlank()) {
            return "token:" + request.deliveryToken();
        }
        StringBuilder all = new StringBuilder("params");
        request.webhook().params().forEach(p -> all.append('\n').append(p.name()).append('=').append(p.value()));
        return all.toString();
    }

    private static void putIfPresent(Map<String, String> attributes, String name, String value) {
        if (value != null && !value.isEmpty()) {
            attributes.put(name, value);
        }
    }

    /** Status callbacks carry {@code Timestamp} (RFC 1123); other requests are stamped when received. */
    private static Instant timestamp(String value) {
        if (value != null) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // not a time Rapport can read: the time it arrived will do
            }
        }
        return Instant.now();
    }
}
