package dev.rapport.action.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.rapport.contract.GenesysError;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates inputs and results against an action's contract. Genesys contracts are draft-04 JSON Schemas (with or
 * without {@code $schema}); compiled schemas are cached by their text.
 */
public class ContractValidator {
    private static final int CACHE_SIZE = 1024;

    /** Never fetches a remote {@code $ref}: a schema is only ever what the contract holds. */
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** @return one detail per violation, naming the field; empty when valid or when there is no schema */
    public List<GenesysError.Detail> violations(JsonNode schema, JsonNode value) {
        if (schema == null || schema.isMissingNode() || schema.isNull() || schema.isEmpty()) {
            return List.of();
        }
        return compiled(schema).validate(value).stream().map(ContractValidator::detail).toList();
    }

    private Schema compiled(JsonNode schema) {
        String key = schema.toString();
        Schema compiled = schemas.get(key);
        if (compiled == null) {
            compiled = registry.getSchema(schema);
            if (schemas.size() >= CACHE_SIZE) {
                schemas.clear();
            }
            schemas.put(key, compiled);
        }
        return compiled;
    }

    private static GenesysError.Detail detail(Error error) {
        String location = error.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "")
                .replaceFirst("^/", "").replace('/', '.');
        if (error.getProperty() != null && "required".equals(error.getKeyword())) {
            location = location.isEmpty() ? error.getProperty() : location + "." + error.getProperty();
        }
        return new GenesysError.Detail("invalid.value", location.isEmpty() ? "/" : location, error.getMessage());
    }
}
