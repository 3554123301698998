package dev.rapport.script.conversations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Genesys Cloud's JSON shapes of the conversation details of its Analytics API (the JavaScript SDK's models of the
 * same names), each with the members Rapport can fill; absent members are left out.
 */
public final class GenesysAnalytics {
    private GenesysAnalytics() {
    }

    /** {@code AnalyticsConversationWithoutAttributes}: {@code GET /api/v2/analytics/conversations/{id}/details}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConversationDetails(String conversationId, Instant conversationStart, Instant conversationEnd,
                                      String originatingDirection, List<Participant> participants) {
    }

    /** {@code AnalyticsParticipantWithoutAttributes}: purpose customer, ivr, acd, agent or external. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Participant(String participantId, String participantName, String purpose, String userId,
                              List<Session> sessions) {
    }

    /** {@code AnalyticsSession}: one leg of a participant, {@code direction} inbound or outbound. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Session(String mediaType, String sessionId, String direction, String ani, String dnis,
                          String addressFrom, String addressTo, List<Segment> segments) {
    }

    /** {@code AnalyticsConversationSegment}: {@code segmentType} ivr, alert, interact or scheduled here. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Segment(Instant segmentStart, Instant segmentEnd, String segmentType, String queueId,
                          String disconnectType) {
    }
}
