package dev.rapport.script.sessions;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Plays the telephony side on the real broker for script-service's tests: reads 'interaction-commands' (each checked
 * against its schema, as a real integration would), answers on 'interactions' as {@code answer} says (null: never
 * answers). The gateway's simulator is the same stand-in for the demo.
 */
final class FakeTelephony extends KafkaStandIn {
    final List<InteractionCommand> received;

    FakeTelephony(String bootstrap, Function<InteractionCommand, InteractionEvent> answer) {
        this(bootstrap, answer, new CopyOnWriteArrayList<>());
    }

    private FakeTelephony(String bootstrap, Function<InteractionCommand, InteractionEvent> answer,
                          List<InteractionCommand> received) {
        super(bootstrap, "fake-telephony", Topics.INTERACTION_COMMANDS, record -> {
            CloudEvent envelope = KafkaCloudEvents.fromRecord(record);
            InteractionCommand command = EventSchemas.INTERACTION_COMMAND.parse(envelope.data(),
                    InteractionCommand.class);
            if (!envelope.type().equals(EventTypes.interactionCommand(command.type()))
                    || !command.interactionId().equals(record.key())) {
                throw new IllegalStateException("envelope and command disagree: " + envelope);
            }
            received.add(command);
            InteractionEvent event = answer.apply(command);
            return event == null ? null : KafkaCloudEvents.toRecord(Topics.INTERACTIONS, new CloudEvent(event.id(),
                    EventTypes.interaction(event.type()), "/test/telephony", event.interactionId(), Instant.now(),
                    EventJson.write(event)), null);
        });
        this.received = received;
    }
}
