package dev.rapport.gateway.adapters;

import dev.rapport.contract.EventJson;
import dev.rapport.contract.InteractionEvent;
import java.util.List;
import java.util.Map;

/**
 * What an adapter made of one request: the interaction events to produce, in order (none when the request says
 * nothing Rapport keeps), and the answer to the platform (status, media type, body).
 */
public record Translation(List<InteractionEvent> events, int status, String mediaType, String body) {

    public Translation {
        events = List.copyOf(events);
    }

    public static Translation xml(List<InteractionEvent> events, String xml) {
        return new Translation(events, 200, "text/xml", xml);
    }

    /** A JSON object of strings (what an AWS Lambda function may return to a contact flow). */
    public static Translation json(List<InteractionEvent> events, int status, Map<String, String> answer) {
        return new Translation(events, status, "application/json", EventJson.write(answer));
    }
}
