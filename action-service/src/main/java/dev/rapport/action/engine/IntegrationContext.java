package dev.rapport.action.engine;

import java.util.Map;

/**
 * The integration an action runs under: its type decides where a relative URL goes, its decrypted credentials are
 * {@code $credentials} in templates (basicAuth {@code userName}/{@code password} also become a Basic header).
 */
public record IntegrationContext(String integrationType, String credentialType, Map<String, String> credentials) {
    public static final String PURECLOUD = "purecloud-data-actions";
    public static final String CUSTOM_REST = "custom-rest-actions";

    public IntegrationContext {
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    }

    @Override
    public String toString() {
        return "IntegrationContext[" + integrationType + ", credentials=" + credentials.keySet() + "]";
    }
}
