package dev.rapport.action.support;

import dev.rapport.contract.Roles;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import java.util.HashMap;
import java.util.Map;

/**
 * The test kit's broker and database, plus a loopback server that stands in for Rapport's API (the gateway in front of
 * datatable-service): the internal base URL points at it, with a real signed token of the service identity, and
 * loopback is allowed explicitly. One resource rather than two: a second test resource next to the broker made the
 * app's Kafka admin client load its classes from two class loaders.
 */
public class LoopbackResource extends RapportInfraResource {
    public static volatile LoopbackServer server;
    public static volatile String serviceToken;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        server = new LoopbackServer();
        serviceToken = TestTokens.get().issue("action-service", Roles.SERVICE);
        config.put("rapport.actions.internal-base-url", server.base().toString());
        config.put("rapport.actions.internal-token", serviceToken);
        // only the loopback server's own port, as an operator would list one internal service
        config.put("rapport.actions.allowed-destinations", "127.0.0.1:" + server.base().getPort());
        config.put("rapport.actions.per-instance.circuit-request-volume", "4");
        config.put("rapport.actions.per-instance.circuit-delay", "60s");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        config.put("rapport.secrets.key", java.util.Base64.getEncoder().encodeToString(key));
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
        super.stop();
    }
}
