package dev.rapport.action.actions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Genesys's shapes for data actions. */
public final class ActionViews {
    private ActionViews() {
    }

    /** {@code PostActionInput}: create, and create draft. */
    public record ActionInput(String name, String category, String integrationId, ObjectNode config,
                              ObjectNode contract, Boolean secure) {
    }

    /** {@code Action}: a published version (or, for a draft, the draft with its draft version). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActionView(String id, String name, String integrationId, String category, ObjectNode contract,
                             Integer version, Boolean secure, ObjectNode config, String selfUri) {
    }

    /** {@code PATCH /actions/{id}}: rename or recategorise; {@code version} must be the latest published one. */
    public record UpdateAction(String name, String category, Integer version) {
    }

    /** {@code PATCH /actions/{id}/draft}. */
    public record UpdateDraft(String name, String category, ObjectNode config, ObjectNode contract, Boolean secure,
                              Integer version) {
    }

    /** {@code POST /actions/{id}/draft/publish}. */
    public record PublishDraft(Integer version) {
    }

    /** The export file format ({@code .custom.json}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActionExport(String name, String integrationType, String actionType, ObjectNode config,
                               ObjectNode contract, Boolean secure) {
    }
}
