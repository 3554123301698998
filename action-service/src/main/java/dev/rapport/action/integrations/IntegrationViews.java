package dev.rapport.action.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Genesys's shapes for integrations and their credentials. Credential values only ever travel inward. */
public final class IntegrationViews {
    private IntegrationViews() {
    }

    public record TypeRef(String id) {
    }

    public record CreateIntegration(TypeRef integrationType, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IntegrationView(String id, String name, TypeRef integrationType, String intendedState,
                                  CredentialInfo credentials, String selfUri) {
    }

    /** What the API says about credentials: their type and field names, never their values. */
    public record CredentialInfo(String type, List<String> fieldNames) {
    }

    /** Body of {@code PUT /api/v2/integrations/{id}/credentials}. */
    public record SetCredentials(String type, Map<String, String> credentialFields) {
        @Override
        public String toString() {
            return "SetCredentials[type=" + type + ", fields=" + (credentialFields == null ? null
                    : credentialFields.keySet()) + "]";
        }
    }
}
