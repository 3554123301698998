package dev.rapport.action.execution;

/**
 * action-service's own bearer token (role {@code service}) for calls to Rapport's API: taken from the issuer with the
 * client-credentials grant (platform's {@link dev.rapport.platform.auth.ClientCredentialsToken}); a token set by
 * configuration wins. Here: the rule that the service never starts without one of them.
 */
final class ServiceToken {
    private ServiceToken() {
    }

    /**
     * Outside the dev, test and demo profiles nothing supplies a client secret by default, so a service started
     * without one (or a token) would call Rapport's API anonymously or with a guessable secret: refuse to start.
     */
    static void requireCredentials(dev.rapport.action.ActionsConfig config) {
        boolean token = config.internalToken().filter(t -> !t.isBlank()).isPresent();
        boolean secret = config.clientSecret().filter(t -> !t.isBlank()).isPresent();
        if (!token && !secret) {
            throw new IllegalStateException("RAPPORT_ACTIONS_CLIENT_SECRET (rapport.actions.client-secret) is not set: "
                    + "action-service takes its service token from the gateway with client id '" + config.clientId()
                    + "' and this secret (or set RAPPORT_ACTIONS_INTERNAL_TOKEN). Only the dev, test and demo "
                    + "profiles have a built-in secret.");
        }
    }
}
