package dev.rapport.gateway.identity;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A certified OpenID provider on loopback: the npm package {@code oidc-provider} (pinned in
 * src/test/oidc-provider/package.json, installed with {@code npm ci} when its modules are missing), run by Node with
 * {@code provider.mjs}. It gives the gateway under test the provider's settings and a fixed HTTP port, since the
 * provider knows the redirect URI in advance.
 */
public class LoopbackOpenIdProvider implements QuarkusTestResourceLifecycleManager {
    static final Path DIR = Path.of("src/test/oidc-provider");
    static final String CLIENT_ID = "rapport-web";
    static final String ROBOT_ID = "rapport-robot";
    static final String ROBOT_SECRET = "rapport-robot-test-secret";
    static final String API = "https://rapport.test/api";
    static final String OTHER_API = "https://other.test/api";

    private Process node;

    /** Node and npm on the PATH (or NODE, NPM): without them the browser test is skipped, saying so. */
    static boolean nodeAndNpmPresent() {
        return runs(List.of(node(), "--version")) && runs(List.of(npm(), "--version"));
    }

    @Override
    public Map<String, String> start() {
        try {
            install();
            int providerPort = freePort();
            int gatewayPort = freePort();
            String issuer = "http://127.0.0.1:" + providerPort;
            String redirect = "http://127.0.0.1:" + gatewayPort + "/oauth/oidc/callback";
            ProcessBuilder builder = new ProcessBuilder(node(), "provider.mjs").directory(DIR.toFile())
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "oidc-provider.log").toFile());
            builder.environment().put("PORT", String.valueOf(providerPort));
            builder.environment().put("REDIRECT_URI", redirect);
            builder.environment().put("NODE_ENV", "test");
            node = builder.start();
            awaitDiscovery(issuer);
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.http.test-port", String.valueOf(gatewayPort));
            config.put("rapport.oidc.issuer", issuer);
            config.put("rapport.oidc.roles-claim", "groups");
            config.put("rapport.oidc.role-map", "rapport-admins=admin,rapport-admins=supervisor,rapport-agents=agent,"
                    + "rapport-services=service");
            config.put("rapport.oidc.client.id", CLIENT_ID);
            config.put("rapport.oidc.client.secret", "rapport-web-test-secret");
            config.put("rapport.oidc.client.scopes", "openid profile email rapport");
            config.put("rapport.oidc.client.resource", API);
            config.put("rapport.oidc.client.redirect-uri", redirect);
            config.put("rapport.oidc.client.display-name", "Loopback OP");
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("the loopback OpenID provider did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void install() throws IOException, InterruptedException {
        if (Files.isDirectory(DIR.resolve("node_modules/oidc-provider"))) {
            return;
        }
        Process npm = new ProcessBuilder(npm(), "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
                .redirectErrorStream(true).redirectOutput(Path.of("target", "oidc-provider-npm-ci.log").toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IOException("npm ci in " + DIR + " failed: see target/oidc-provider-npm-ci.log");
        }
    }

    private void awaitDiscovery(String issuer) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!node.isAlive()) {
                throw new IOException("node exited with " + node.exitValue() + ": see target/oidc-provider.log");
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(issuer + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("no discovery document within 60 s: see target/oidc-provider.log");
    }

    @Override
    public void stop() {
        if (node != null) {
            node.destroy();
            try {
                if (!node.waitFor(10, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean runs(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String node() {
        return System.getenv().getOrDefault("NODE", "node");
    }

    private static String npm() {
        return System.getenv().getOrDefault("NPM", "npm");
    }
}
