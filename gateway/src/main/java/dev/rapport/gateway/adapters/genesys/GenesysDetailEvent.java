package dev.rapport.gateway.adapters.genesys;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Genesys Cloud notification as its Amazon EventBridge integration delivers it: the EventBridge envelope
 * ({@code id}, {@code detail-type} = the topic, {@code time}) around {@code detail} ({@code topicName},
 * {@code eventBody}). The fields Rapport reads of a conversation detail event's body; the others are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenesysDetailEvent(@JsonProperty("id") String id, @JsonProperty("detail-type") String detailType,
                                 @JsonProperty("time") String time, @JsonProperty("detail") Detail detail) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String topicName, EventBody eventBody) {
    }

    /** {@code eventTime}: epoch milliseconds in detail events (an ISO time in some other topics). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EventBody(JsonNode eventTime, String conversationId, String participantId, String sessionId,
                            String mediaType, String direction, String ani, String dnis, String queueId,
                            String userId, String disconnectType) {
    }
}
