package dev.rapport.script.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A wrap-up code as Genesys's API shows it ({@code WrapupCode}): what an agent picks to say how an interaction went.
 * Rapport has no divisions of its own: a division given is kept and shown, never checked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WrapupCode(String id, String name, String description, Division division, Instant dateCreated,
                         Instant dateModified, String createdBy, String modifiedBy, String selfUri) {
    static final String BASE = "/api/v2/routing/wrapupcodes";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Division(String id, String name) {
    }

    static WrapupCode of(WrapupCodeEntity e) {
        Division division = e.divisionId == null ? null : new Division(e.divisionId, e.divisionName);
        return new WrapupCode(e.id.toString(), e.name, e.description, division, e.dateCreated, e.dateModified,
                e.createdBy, e.modifiedBy, BASE + "/" + e.id);
    }
}
