package dev.rapport.action.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.actions.ActionViews.ActionExport;
import dev.rapport.action.actions.ActionViews.ActionInput;
import dev.rapport.action.actions.ActionViews.ActionView;
import dev.rapport.action.integrations.Integration;
import dev.rapport.action.integrations.IntegrationService;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Genesys's export file ({@code {name, integrationType, actionType, config, contract, secure}}): import as it is, as
 * Genesys's Import does (choose the integration and the name), and export back. {@code config} and {@code contract}
 * are stored as the JSON they arrive as, so an import exports back equal in meaning.
 */
@ApplicationScoped
public class ActionFiles {
    private final ActionService actions;
    private final IntegrationService integrations;

    ActionFiles(ActionService actions, IntegrationService integrations) {
        this.actions = actions;
        this.integrations = integrations;
    }

    /** @return the imported action: a draft, or version 1 when {@code publish} */
    @Transactional
    public ActionView importFile(ObjectNode file, String integrationId, String name, String category, boolean publish) {
        if (file == null || !file.path("config").isObject()) {
            throw InvalidInput.field("config", "the file is not a data action export (no config)");
        }
        Integration integration = integrations.find(integrationId);
        String fileType = file.path("integrationType").asText(null);
        if (fileType != null && !fileType.equals(integration.integrationType)) {
            throw InvalidInput.field("integrationId", "the file is for a " + fileType + " integration but "
                    + integrationId + " is " + integration.integrationType);
        }
        String chosen = name == null || name.isBlank() ? file.path("name").asText(null) : name;
        ActionInput input = new ActionInput(chosen, category == null || category.isBlank() ? integration.name : category,
                integrationId, (ObjectNode) file.get("config"),
                file.path("contract").isObject() ? (ObjectNode) file.get("contract") : null,
                file.path("secure").asBoolean(false));
        return publish ? actions.create(input) : actions.createDraft(input);
    }

    public ActionExport export(String id, boolean draft) {
        DataAction action = actions.find(id);
        Integration integration = integrations.find(action.integrationId);
        if (draft) {
            if (action.draft == null) {
                throw new NotFound("action " + id + " has no draft");
            }
            ObjectNode d = ActionService.draftNode(action);
            return new ActionExport(action.name, integration.integrationType, "custom", (ObjectNode) d.get("config"),
                    (ObjectNode) d.get("contract"), d.path("secure").asBoolean());
        }
        DataActionVersion v = actions.version(action, null);
        return new ActionExport(v.name, integration.integrationType, "custom", ActionService.parse(v.config),
                ActionService.parse(v.contract), v.secure);
    }
}
