package dev.rapport.script.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.Topics;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.script.conversations.GenesysConversation.CallbackConversation;
import dev.rapport.script.conversations.GenesysConversation.CallbackIdentifier;
import dev.rapport.script.conversations.GenesysConversation.CreateCallbackResponse;
import dev.rapport.script.conversations.GenesysConversation.EntityRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Callbacks asked for through {@code POST /api/v2/conversations/callbacks}, tied to no live interaction. Each is a
 * conversation of its own: a new id, stored here ({@code conversation_callback}), and a {@code scheduleCallback}
 * command for the telephony side on 'interaction-commands' keyed by that id, written in the same transaction (the
 * outbox). The telephony side answers on 'interactions' ({@code callbackScheduled} or {@code commandFailed}, which the
 * session core records on the id's timeline) and, when it places the call, reports it as the interaction of that id.
 */
@ApplicationScoped
class CallbackService {
    private final ConversationLookup lookup;
    private final Outbox outbox;
    private final ConversationWrites writes;
    private final ConversationsConfig config;

    CallbackService(ConversationLookup lookup, Outbox outbox, ConversationWrites writes, ConversationsConfig config) {
        this.lookup = lookup;
        this.outbox = outbox;
        this.writes = writes;
        this.config = config;
    }

    @Transactional
    CreateCallbackResponse create(JsonNode body, Caller caller) {
        Instant now = Instant.now();
        CallbackRequest request = CallbackRequest.read(body, now);
        String id = UUID.randomUUID().toString();
        Instant at = request.requestedTime() != null ? request.requestedTime() : now.plus(config.asapCallbackDelay());
        InteractionCommand command = new InteractionCommand(UUID.randomUUID().toString(),
                InteractionCommand.Kind.SCHEDULE_CALLBACK, id, now, caller.person(), null,
                new InteractionCommand.Callback(request.numbers().get(0), at), null);
        writes.insertCallback(id, command.commandId(), request, at, ConversationService.abbreviate(caller.describe()),
                now);
        outbox.publish(Topics.INTERACTION_COMMANDS, id, EventTypes.interactionCommand(command.type()), command);
        writes.note(id, "command.sent", "Conversations API: " + caller.describe()
                + " asked the telephony side for a callback to " + request.numbers().get(0) + " at " + at, command);
        return new CreateCallbackResponse(new EntityRef(id, null, ConversationViews.BASE + "/callbacks/" + id),
                List.of(new CallbackIdentifier("ACD", id)));
    }

    CallbackConversation get(String id, Caller caller) {
        ConversationFacts facts = lookup.require(id);
        caller.mayTouch(facts);
        CallbackConversation callback = ConversationViews.callbackConversation(facts);
        if (callback == null) {
            throw new NotFound("Conversation " + id + " is not a callback");
        }
        return callback;
    }
}
