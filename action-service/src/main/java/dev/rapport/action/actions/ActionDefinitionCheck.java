package dev.rapport.action.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.engine.ActionDefinition;
import dev.rapport.action.engine.ContractValidator;
import dev.rapport.action.templates.TemplateException;
import dev.rapport.action.templates.TemplateRenderer;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/** Refuses, naming the field, an action config or contract that could never run. */
@ApplicationScoped
public class ActionDefinitionCheck {
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "PATCH", "DELETE");

    private final TemplateRenderer templates;
    private final ContractValidator contracts;

    ActionDefinitionCheck(TemplateRenderer templates, ContractValidator contracts) {
        this.templates = templates;
        this.contracts = contracts;
    }

    public void check(ObjectNode config, ObjectNode contract) {
        if (config == null) {
            throw InvalidInput.field("config", "config is required");
        }
        JsonNode request = config.path("request");
        if (!request.isObject()) {
            throw InvalidInput.field("config.request", "config.request is required");
        }
        if (!request.path("requestUrlTemplate").isTextual() || request.path("requestUrlTemplate").asText().isBlank()) {
            throw InvalidInput.field("config.request.requestUrlTemplate", "requestUrlTemplate is required");
        }
        if (!METHODS.contains(request.path("requestType").asText("GET").toUpperCase(java.util.Locale.ROOT))) {
            throw InvalidInput.field("config.request.requestType", "requestType must be one of " + METHODS);
        }
        JsonNode timeout = config.path("timeoutSeconds");
        if (!timeout.isMissingNode() && !timeout.isNull() && (!timeout.canConvertToInt()
                || timeout.asInt() < ActionDefinition.MIN_TIMEOUT || timeout.asInt() > ActionDefinition.MAX_TIMEOUT)) {
            throw InvalidInput.field("config.timeoutSeconds", "timeoutSeconds must be between 1 and 60");
        }
        JsonNode response = config.path("response");
        if (!response.isMissingNode() && !response.isObject()) {
            throw InvalidInput.field("config.response", "config.response must be an object");
        }
        if (contract == null || !contract.path("input").path("inputSchema").isObject()) {
            throw InvalidInput.field("contract.input.inputSchema", "contract.input.inputSchema is required");
        }
        if (!contract.path("output").path("successSchema").isObject()) {
            throw InvalidInput.field("contract.output.successSchema", "contract.output.successSchema is required");
        }
        schema("contract.input.inputSchema", contract.path("input").path("inputSchema"));
        schema("contract.output.successSchema", contract.path("output").path("successSchema"));
        template("config.request.requestUrlTemplate", request.path("requestUrlTemplate").asText());
        template("config.request.requestTemplate", request.path("requestTemplate").asText(""));
        for (Map.Entry<String, JsonNode> h : (Iterable<Map.Entry<String, JsonNode>>) () -> request.path("headers").fields()) {
            template("config.request.headers." + h.getKey(), h.getValue().asText());
        }
        template("config.response.successTemplate", response.path("successTemplate").asText(""));
    }

    private void template(String field, String template) {
        try {
            templates.check(field, template);
        } catch (TemplateException e) {
            throw InvalidInput.field(field, e.getMessage());
        }
    }

    private void schema(String field, JsonNode schema) {
        SchemaShape.problem(field, schema).ifPresent(p -> {
            throw InvalidInput.field(p.getKey(), p.getValue());
        });
        try {
            contracts.violations(schema, schema.path("type").asText().equals("object")
                    ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    : com.fasterxml.jackson.databind.node.NullNode.getInstance());
        } catch (RuntimeException e) {
            throw InvalidInput.field(field, "not a usable JSON Schema: " + e.getMessage());
        }
    }
}
