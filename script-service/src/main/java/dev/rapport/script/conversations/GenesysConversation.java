package dev.rapport.script.conversations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Genesys Cloud's JSON shapes of the Conversations API that Rapport answers with (the JavaScript SDK's models of the
 * same names), each with the members Rapport can fill; absent members are left out.
 */
public final class GenesysConversation {
    private GenesysConversation() {
    }

    /** {@code Conversation}: {@code GET /api/v2/conversations/{conversationId}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conversation(String id, Instant startTime, Instant endTime, String externalTag,
                        List<Participant> participants, String selfUri) {
    }

    /** {@code Participant}: one party of a conversation, with its call or callback. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Participant(String id, Instant startTime, Instant endTime, String name, String userUri, String userId,
                       String queueId, String queueName, String purpose, String participantType, String address,
                       String ani, String dnis, Boolean wrapupRequired, Wrapup wrapup,
                       RoutingData conversationRoutingData, Map<String, String> attributes, List<Call> calls,
                       List<Callback> callbacks) {
    }

    /** {@code Call}: a participant's voice leg. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Call(String id, String state, String direction, Address self, Address other, Instant connectedTime,
                Instant disconnectedTime, String disconnectType, String scriptId, Wrapup wrapup) {
    }

    /** {@code Callback}: a participant's callback leg. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Callback(String id, String state, String direction, List<String> callbackNumbers,
                    String callbackUserName, String scriptId, Instant callbackScheduledTime,
                    Instant connectedTime, Instant disconnectedTime) {
    }

    /** {@code Address}: one end of a call. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String name, String addressNormalized, String addressRaw, String addressDisplayable) {
    }

    /** {@code Wrapup}: the code an agent chose and their notes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Wrapup(String code, String name, String notes, Instant endTime) {
    }

    /** {@code ConversationRoutingData}: the queue a conversation waits in, and its priority. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoutingData(EntityRef queue, Integer priority) {
    }

    /** {@code DomainEntityRef} / {@code AddressableEntityRef}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntityRef(String id, String name, String selfUri) {
        static EntityRef of(String id) {
            return id == null ? null : new EntityRef(id, null, null);
        }
    }

    /** {@code CallbackConversation}: {@code GET /api/v2/conversations/callbacks/{conversationId}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallbackConversation(String id, List<CallbackParticipant> participants, String selfUri) {
    }

    /** {@code CallbackMediaParticipant}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallbackParticipant(String id, String name, String address, Instant startTime, Instant connectedTime,
                               Instant endTime, String purpose, String state, String direction, EntityRef user,
                               EntityRef queue, Map<String, String> attributes, EntityRef script,
                               RoutingData conversationRoutingData, List<String> callbackNumbers,
                               String callbackUserName, Instant callbackScheduledTime) {
    }

    /** {@code CreateCallbackResponse}: {@code POST /api/v2/conversations/callbacks}. */
    public record CreateCallbackResponse(EntityRef conversation, List<CallbackIdentifier> callbackIdentifiers) {
    }

    /** {@code CallbackIdentifier}: {@code type} ACD or EXTERNAL. */
    public record CallbackIdentifier(String type, String id) {
    }
}
