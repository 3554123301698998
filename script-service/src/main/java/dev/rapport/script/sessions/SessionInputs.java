package dev.rapport.script.sessions;

import dev.rapport.contract.ActionResult;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.DataTableChange;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.platform.inbox.ConsumedCorrelation;
import dev.rapport.platform.inbox.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The session's inputs besides interaction events: agent commands, action results, data table changes. Each is
 * handled once (processed-event log) in one transaction with its effects; what cannot be handled is dead-lettered.
 */
@ApplicationScoped
public class SessionInputs {
    private final ProcessedEvents processed;
    private final SessionService sessions;

    SessionInputs(ProcessedEvents processed, SessionService sessions) {
        this.processed = processed;
        this.sessions = sessions;
    }

    @Incoming("agent-commands")
    @Blocking
    @Transactional
    public void command(ConsumerRecord<String, String> record) {
        try (var correlation = ConsumedCorrelation.of(record)) {
            CloudEvent event = KafkaCloudEvents.fromRecord(record);
            AgentCommand command = EventSchemas.AGENT_COMMAND.parse(event.data(), AgentCommand.class);
            if (processed.firstDelivery("script-service.agent-commands", event.id())) {
                sessions.onCommand(command);
            }
        }
    }

    @Incoming("action-results")
    @Blocking
    @Transactional
    public void result(ConsumerRecord<String, String> record) {
        try (var correlation = ConsumedCorrelation.of(record)) {
            CloudEvent event = KafkaCloudEvents.fromRecord(record);
            ActionResult result = EventSchemas.ACTION_RESULT.parse(event.data(), ActionResult.class);
            if (processed.firstDelivery("script-service.action-results", event.id())) {
                sessions.onResult(result);
            }
        }
    }

    @Incoming("datatable-changes")
    @Blocking
    @Transactional
    public void rowChange(ConsumerRecord<String, String> record) {
        try (var correlation = ConsumedCorrelation.of(record)) {
            CloudEvent event = KafkaCloudEvents.fromRecord(record);
            DataTableChange change = EventSchemas.DATATABLE_CHANGE.parse(event.data(), DataTableChange.class);
            if (change.rowKey() == null || !processed.firstDelivery("script-service.datatable-changes", event.id())) {
                return;
            }
            sessions.onRowChanged(change.tableId(), change.rowKey(),
                    change.change() == DataTableChange.Kind.ROW_DELETED ? null : change.row());
        }
    }
}
