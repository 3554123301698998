package dev.rapport.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON Schemas of event data, loaded once from this module, and validation against them. */
public enum EventSchemas {
    INTERACTION_EVENT("interaction-event.v1.json"),
    SESSION_UPDATED("session-updated.v1.json"),
    AGENT_COMMAND("agent-command.v1.json"),
    ACTION_REQUEST("action-request.v1.json"),
    ACTION_RESULT("action-result.v1.json"),
    DATATABLE_CHANGE("datatable-change.v1.json");

    private final String file;
    private final Schema schema;

    EventSchemas(String file) {
        this.file = file;
        this.schema = load(file);
    }

    public String file() {
        return file;
    }

    /** The violations of {@code data}, each naming the field (JSON Pointer) first; empty when valid. */
    public List<InvalidEventException.Violation> violations(JsonNode data) {
        return schema.validate(data).stream().map(EventSchemas::describe).toList();
    }

    /** Parses and validates {@code json}, then maps it to {@code type}. */
    public <T> T parse(String json, Class<T> type) {
        JsonNode node;
        try {
            node = EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("event data is not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidEventException("event data is empty",
                    List.of(new InvalidEventException.Violation("/", "a JSON object is required")));
        }
        List<InvalidEventException.Violation> violations = violations(node);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("event data does not match " + file, violations);
        }
        return EventJson.mapper().convertValue(node, type);
    }

    private static InvalidEventException.Violation describe(Error error) {
        String location = error.getInstanceLocation().toString().replaceFirst("^\\$", "");
        String pointer = location.isEmpty() ? "/" : location.replace('.', '/');
        if (error.getProperty() != null && "required".equals(error.getKeyword())) {
            pointer = (pointer.equals("/") ? "" : pointer) + "/" + error.getProperty();
        }
        return new InvalidEventException.Violation(pointer, error.getMessage());
    }

    private static Schema load(String file) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (InputStream in = EventSchemas.class.getResourceAsStream("schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("schema " + file + " is missing from the contract module");
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
