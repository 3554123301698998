package dev.rapport.script.sessions;

import dev.rapport.contract.ActionResult;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.CloudEventHeaders;
import dev.rapport.contract.DataTableChange;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.InvalidEventException;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.script.engine.Values;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a consumed record into a session input, and checks what the producer should have checked: the schema, the
 * sizes of every value (an IVR or a forged record may send anything), and that the envelope's type agrees with its
 * data. What fails is dead-lettered by the caller with the reason, and never reaches a session.
 */
@ApplicationScoped
class SessionRecords {
    static final int MAX_ATTRIBUTES = 100;
    static final int MAX_NAME = 256;
    static final int MAX_ID = 128;
    static final int MAX_NUMBER = 64;

    SessionBatch.Delivery read(ConsumerRecord<String, String> record) {
        CloudEvent envelope = KafkaCloudEvents.fromRecord(record);
        String correlationId = KafkaCloudEvents.header(record.headers(), CloudEventHeaders.CORRELATION_ID);
        String consumer = SessionConsumers.GROUP + "." + record.topic();
        return switch (record.topic()) {
            case Topics.INTERACTIONS -> {
                InteractionEvent event = EventSchemas.INTERACTION_EVENT.parse(envelope.data(), InteractionEvent.class);
                if (!envelope.type().equals(EventTypes.interaction(event.type()))) {
                    throw new InvalidEventException("event type and data disagree", List.of(
                            new InvalidEventException.Violation("ce_type", "'" + envelope.type() + "' but data says '"
                                    + event.type().wireName() + "'")));
                }
                check(event);
                yield new SessionBatch.Delivery(consumer, envelope.id(), correlationId,
                        new SessionInput.Event(event, envelope.time()), null);
            }
            case Topics.AGENT_COMMANDS -> {
                AgentCommand command = EventSchemas.AGENT_COMMAND.parse(envelope.data(), AgentCommand.class);
                check(command);
                yield new SessionBatch.Delivery(consumer, envelope.id(), correlationId,
                        new SessionInput.Command(command), null);
            }
            case Topics.ACTION_RESULTS -> {
                ActionResult result = EventSchemas.ACTION_RESULT.parse(envelope.data(), ActionResult.class);
                List<InvalidEventException.Violation> v = new ArrayList<>();
                length(v, "/interactionId", result.interactionId(), MAX_ID);
                if (result.outputs() != null && EventJson.write(result.outputs()).length() > 4 * Values.MAX_TEXT) {
                    v.add(new InvalidEventException.Violation("/outputs", "longer than at most " + 4 * Values.MAX_TEXT
                            + " characters"));
                }
                fail(v);
                yield new SessionBatch.Delivery(consumer, envelope.id(), correlationId,
                        new SessionInput.Result(result), null);
            }
            case Topics.DATATABLE_CHANGES -> {
                DataTableChange change = EventSchemas.DATATABLE_CHANGE.parse(envelope.data(), DataTableChange.class);
                yield new SessionBatch.Delivery(consumer, envelope.id(), correlationId, null, change);
            }
            default -> throw new IllegalArgumentException("script-service does not consume " + record.topic());
        };
    }

    private static void check(InteractionEvent e) {
        List<InvalidEventException.Violation> v = new ArrayList<>();
        length(v, "/interactionId", e.interactionId(), MAX_ID);
        length(v, "/ani", e.ani(), MAX_NUMBER);
        length(v, "/dnis", e.dnis(), MAX_NUMBER);
        length(v, "/reason", e.reason(), MAX_NAME);
        if (e.queue() != null) {
            length(v, "/queue/id", e.queue().id(), MAX_ID);
            length(v, "/queue/name", e.queue().name(), MAX_NAME);
        }
        if (e.agent() != null) {
            length(v, "/agent/id", e.agent().id(), MAX_ID);
            length(v, "/agent/name", e.agent().name(), MAX_NAME);
            length(v, "/agent/email", e.agent().email(), MAX_NAME);
        }
        attributes(v, "/attributes", e.attributes());
        if (e.screenPop() != null) {
            length(v, "/screenPop/scriptId", e.screenPop().scriptId(), MAX_ID);
            attributes(v, "/screenPop/inputs", e.screenPop().inputs());
        }
        fail(v);
    }

    private static void check(AgentCommand c) {
        List<InvalidEventException.Violation> v = new ArrayList<>();
        length(v, "/interactionId", c.interactionId(), MAX_ID);
        length(v, "/agentId", c.agentId(), MAX_ID);
        length(v, "/variable", c.variable(), MAX_NAME);
        length(v, "/component", c.component(), MAX_NAME);
        length(v, "/page", c.page(), MAX_NAME);
        if (c.value() != null && EventJson.write(c.value()).length() > Values.MAX_TEXT + 2) {
            v.add(new InvalidEventException.Violation("/value", "longer than at most " + Values.MAX_TEXT
                    + " characters"));
        }
        fail(v);
    }

    private static void attributes(List<InvalidEventException.Violation> v, String field, Map<String, String> map) {
        if (map == null) {
            return;
        }
        if (map.size() > MAX_ATTRIBUTES) {
            v.add(new InvalidEventException.Violation(field, map.size() + " entries, at most " + MAX_ATTRIBUTES));
            return;
        }
        map.forEach((name, value) -> {
            length(v, field + "/" + name, name, MAX_NAME);
            length(v, field + "/" + (name.length() > MAX_NAME ? name.substring(0, 20) + "…" : name), value,
                    Values.MAX_TEXT);
        });
    }

    private static void length(List<InvalidEventException.Violation> v, String field, String value, int max) {
        if (value != null && value.length() > max) {
            v.add(new InvalidEventException.Violation(field, value.length() + " characters, at most " + max));
        }
    }

    private static void fail(List<InvalidEventException.Violation> v) {
        if (!v.isEmpty()) {
            throw new InvalidEventException("value too large", v);
        }
    }

    /** The record as it came, with the reason and where it came from in headers (as SmallRye's dead-letter queue). */
    static ProducerRecord<String, String> deadLetter(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> out = new ProducerRecord<>(Topics.deadLetterOf(record.topic()), null,
                record.key(), record.value());
        for (Header h : record.headers()) {
            out.headers().add(h);
        }
        out.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        out.headers().add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        out.headers().add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        out.headers().add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        return out;
    }
}
