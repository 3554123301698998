package dev.rapport.script.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.Topics;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.script.conversations.GenesysConversation.Conversation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the Conversations API does to an interaction. The session core stays the only writer of a session: participant
 * data goes to it as an {@code attributesSet} event on 'interactions', a disconnect to the telephony side as a command
 * on 'interaction-commands' (the session core applies its answer, {@code ended}), each through the outbox in the
 * request's transaction. The tag is this package's own row.
 */
@ApplicationScoped
class ConversationService {
    static final int MAX_TAG = 256;

    private final ConversationLookup lookup;
    private final Outbox outbox;
    private final ConversationWrites writes;

    ConversationService(ConversationLookup lookup, Outbox outbox, ConversationWrites writes) {
        this.lookup = lookup;
        this.outbox = outbox;
        this.writes = writes;
    }

    Conversation get(String id, Caller caller) {
        ConversationFacts facts = lookup.require(id);
        caller.mayTouch(facts);
        return ConversationViews.conversation(facts);
    }

    /** The conversation's details in Genesys's Analytics shape (read as {@link #get}, with its history). */
    GenesysAnalytics.ConversationDetails details(String id, Caller caller) {
        ConversationFacts facts = lookup.require(id);
        caller.mayTouch(facts);
        return AnalyticsViews.details(facts, facts.call() == null ? List.of() : lookup.history(id));
    }

    /** Merges {@code body.attributes} into the conversation's participant data; nothing to merge changes nothing. */
    @Transactional
    void setAttributes(String id, String participantId, JsonNode body, Caller caller) {
        ConversationFacts facts = lookup.require(id);
        caller.mayTouch(facts);
        if (!ConversationViews.participantIds(facts).contains(participantId)) {
            throw new NotFound("Participant " + abbreviate(participantId) + " not found in conversation " + id);
        }
        Map<String, String> attributes = ParticipantData.read(body == null ? null : body.get("attributes"),
                "attributes", true);
        if (attributes.isEmpty()) {
            return;
        }
        if (facts.call() == null) {
            // A callback the telephony side has not placed: its data is this package's row until the call exists.
            writes.mergeCallbackData(id, attributes);
            return;
        }
        InteractionEvent event = new InteractionEvent(UUID.randomUUID().toString(),
                InteractionEvent.Kind.ATTRIBUTES_SET, id, Instant.now(), null, null, attributes, null, null, null);
        outbox.publish(Topics.INTERACTIONS, id, EventTypes.interaction(event.type()), event);
    }

    /**
     * Asks the telephony side to disconnect the conversation (a callback not placed yet: to cancel it). An interaction
     * that has ended already is left alone.
     */
    @Transactional
    void disconnect(String id, Caller caller) {
        ConversationFacts facts = lookup.require(id);
        caller.mayTouch(facts);
        if (facts.call() != null ? facts.call().ended()
                : "disconnected".equals(ConversationViews.callbackState(facts))) {
            return;
        }
        InteractionCommand command = new InteractionCommand(UUID.randomUUID().toString(),
                InteractionCommand.Kind.DISCONNECT, id, Instant.now(), caller.person(), null, null, null);
        outbox.publish(Topics.INTERACTION_COMMANDS, id, EventTypes.interactionCommand(command.type()), command);
        writes.note(id, "command.sent", "Conversations API: " + caller.describe()
                + " asked the telephony side to disconnect", command);
    }

    /** Sets the conversation's external tag ({@code ""} removes it). */
    @Transactional
    void tag(String id, JsonNode body, Caller caller) {
        ConversationFacts facts = lookup.require(id);
        caller.mayTouch(facts);
        JsonNode tag = body == null ? null : body.get("externalTag");
        if (tag == null || !tag.isTextual()) {
            throw InvalidInput.field("externalTag", "externalTag is required: the tag's text");
        }
        String text = tag.textValue();
        if (text.length() > MAX_TAG) {
            throw InvalidInput.field("externalTag", "externalTag has " + text.length() + " characters, at most "
                    + MAX_TAG);
        }
        writes.tag(id, text, abbreviate(caller.describe()));
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 128 ? text : text.substring(0, 128) + "…";
    }
}
