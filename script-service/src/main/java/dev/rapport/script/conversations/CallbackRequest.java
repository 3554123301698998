package dev.rapport.script.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Genesys's {@code CreateCallbackCommand} as Rapport reads it: {@code callbackNumbers} (1 to {@value #MAX_NUMBERS}
 * phone numbers), the queue ({@code queueId} or {@code routingData.queueId}), optional {@code callbackScheduledTime}
 * (ISO-8601, not in the past), {@code routingData.priority}, {@code scriptId}, {@code callbackUserName} and
 * {@code data} (participant data). A blank optional text counts as absent (templates write {@code "$!{x}"}); other
 * members are ignored. Each mistake is a 400 naming its field.
 */
record CallbackRequest(List<String> numbers, String queueId, Instant requestedTime, int priority, String scriptId,
                       String userName, Map<String, String> data) {
    static final int MAX_NUMBERS = 10;
    static final int MAX_ID = 128;
    static final int MAX_NAME = 256;

    static CallbackRequest read(JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            throw InvalidInput.field("body", "the body must be a CreateCallbackCommand object");
        }
        JsonNode numbers = body.path("callbackNumbers");
        if (!numbers.isArray() || numbers.isEmpty()) {
            throw InvalidInput.field("callbackNumbers", "callbackNumbers is required: the numbers to call back");
        }
        if (numbers.size() > MAX_NUMBERS) {
            throw InvalidInput.field("callbackNumbers", "callbackNumbers has " + numbers.size() + " numbers, at most "
                    + MAX_NUMBERS);
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            JsonNode n = numbers.get(i);
            if (!n.isTextual() || !InteractionCommand.isPhoneNumber(n.textValue().strip())) {
                throw InvalidInput.field("callbackNumbers[" + i + "]", "callbackNumbers[" + i + "] is not a phone "
                        + "number (digits, spaces, ( ) . -, an optional leading +; at most "
                        + InteractionCommand.MAX_NUMBER + " characters)");
            }
            list.add(n.textValue().strip());
        }
        JsonNode routing = body.path("routingData");
        if (!routing.isMissingNode() && !routing.isNull() && !routing.isObject()) {
            throw InvalidInput.field("routingData", "routingData must be an object");
        }
        String queueId = text(body, "queueId", MAX_ID);
        String routedQueue = text(routing, "routingData.queueId", "queueId", MAX_ID);
        if (queueId == null) {
            queueId = routedQueue;
        }
        if (queueId == null) {
            throw InvalidInput.field("queueId", "queueId (or routingData.queueId) is required: the queue the callback"
                    + " goes to");
        }
        int priority = 0;
        JsonNode p = routing.path("priority");
        if (!p.isMissingNode() && !p.isNull()) {
            if (!p.canConvertToInt() || !p.isIntegralNumber() || p.intValue() < 0) {
                throw InvalidInput.field("routingData.priority", "routingData.priority must be a whole number, 0 or"
                        + " more");
            }
            priority = p.intValue();
        }
        Instant requested = time(body, now);
        return new CallbackRequest(List.copyOf(list), queueId, requested, priority, text(body, "scriptId", MAX_ID),
                text(body, "callbackUserName", MAX_NAME), ParticipantData.read(body.get("data"), "data", false));
    }

    private static Instant time(JsonNode body, Instant now) {
        String text = text(body, "callbackScheduledTime", 64);
        if (text == null) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                at = Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw InvalidInput.field("callbackScheduledTime", "callbackScheduledTime must be an ISO-8601 date and "
                        + "time, e.g. 2026-12-01T15:30:00.000Z");
            }
        }
        if (at.isBefore(now)) {
            throw InvalidInput.field("callbackScheduledTime", "callbackScheduledTime " + text + " is in the past");
        }
        return at;
    }

    private static String text(JsonNode body, String field, int max) {
        return text(body, field, field, max);
    }

    /** An optional text member; blank is absent. */
    private static String text(JsonNode body, String shown, String field, int max) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw InvalidInput.field(shown, shown + " must be text");
        }
        String text = node.textValue().strip();
        if (text.length() > max) {
            throw InvalidInput.field(shown, shown + " has " + text.length() + " characters, at most " + max);
        }
        return text.isEmpty() ? null : text;
    }
}
