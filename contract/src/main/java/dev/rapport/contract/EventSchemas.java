package dev.rapport.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
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
    DATATABLE_CHANGE("datatable-change.v1.json"),
    INTERACTION_COMMAND("interaction-command.v1.json"),
    USER("user.v1.json");

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
        return parse(node, type);
    }

    /** Validates {@code node}, then maps it to {@code type}: as {@link #parse(String, Class)}, for JSON already read. */
    public <T> T parse(JsonNode node, Class<T> type) {
        if (node == null || node.isMissingNode()) {
            throw new InvalidEventException("event data is empty",
                    List.of(new InvalidEventException.Violation("/", "a JSON object is required")));
        }
        List<InvalidEventException.Violation> violations = violations(node);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("event data does not match " + file, violations);
        }
        try {
            return EventJson.mapper().convertValue(node, type);
        } catch (IllegalArgumentException e) {
            // The schema let through something the record cannot hold: still the sender's error, naming the field.
            String field = e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? pointer(mapping) : "/";
            throw new InvalidEventException("event data does not match " + file, List.of(
                    new InvalidEventException.Violation(field, "has a value of the wrong type or form")));
        }
    }

    /**
     * The JSON of {@code event} exactly as it will be produced, validated as its consumers will validate it: what an
     * HTTP ingest accepts is then what the consumer accepts (a value that does not survive the round trip is refused
     * here, with a 400, not dead-lettered later).
     */
    public String write(Object event) {
        String json = EventJson.write(event);
        try {
            List<InvalidEventException.Violation> violations = violations(EventJson.mapper().readTree(json));
            if (!violations.isEmpty()) {
                throw new InvalidEventException("event data does not match " + file, violations);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return json;
    }

    private static String pointer(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return pointer.length() == 0 ? "/" : pointer.toString();
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
        // "format" is asserted (a date-time must be one), so the schema, not a later conversion, refuses bad values.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true).build()));
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
