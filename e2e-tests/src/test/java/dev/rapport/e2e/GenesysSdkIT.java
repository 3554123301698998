package dev.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.infra.demo.DemoLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Genesys Cloud's own JavaScript SDK works against Rapport unchanged: {@code purecloud-platform-client-v2}, pinned in
 * src/test/resources/genesys-sdk (package.json and its lock), is installed from npm into target/genesys-sdk, pointed
 * at the gateway with {@code setGateway} and given the agent's token from the gateway's {@code /oauth/token}; it
 * lists the published scripts, reads the demo's workshop script, its variables and its pages, and gets Genesys's
 * errors for a missing script (404) and an operation Rapport does not implement (501). What it reads is what the
 * demo published. Skipped only when node or npm is not installed.
 */
class GenesysSdkIT {
    private static final Path SDK_SOURCES = RapportSystem.ROOT.resolve("e2e-tests/src/test/resources/genesys-sdk");
    private static final Path SDK_INSTALL = RapportSystem.ROOT.resolve("e2e-tests/target/genesys-sdk");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RapportSystem system;
    private static DemoLoader.Loaded demo;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(run(List.of("node", "--version"), null, 30) != null
                        && run(List.of("npm", "--version"), null, 30) != null,
                "node and npm are not installed: Genesys's JavaScript SDK cannot run (apt-get install nodejs npm)");
        // npm ci while the system starts (both take seconds; neither needs the other)
        java.util.concurrent.CompletableFuture<Void> sdk = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                installSdk();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            system = new RapportSystem("e2e_sdk");
        } finally {
            try {
                sdk.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error; // an assertion of installSdk
                }
                throw e;
            }
        }
        demo = new DemoLoader(system.gateway, RapportSystem.ROOT.resolve("demo")).load("admin", "admin");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void genesysJavaScriptSdkReadsThePublishedWorkshopScriptThroughTheGateway() throws Exception {
        String agent = system.token("password", "alex", "alex");
        String printed = run(List.of("node", SDK_SOURCES.resolve("published-scripts.js").toString(),
                SDK_INSTALL.resolve("node_modules").toString(), Integer.toString(system.gateway.getPort()),
                DemoLoader.SCRIPT, UUID.randomUUID().toString()), agent, 120);
        assertThat(printed).as("node published-scripts.js (its errors are in the test's output)").isNotNull();
        JsonNode sdk = JSON.readTree(printed);
        JsonNode published = JSON.readTree(RapportSystem.ROOT.resolve("demo/architect-workshop.script.json").toFile());

        JsonNode listing = sdk.path("listing");
        assertThat(listing.path("total").asInt()).isEqualTo(1);
        assertThat(listing.path("entities").get(0).path("id").asText()).isEqualTo(demo.scriptId());
        assertThat(listing.path("entities").get(0).path("name").asText()).isEqualTo(DemoLoader.SCRIPT);

        JsonNode script = sdk.path("script");
        assertThat(script.path("id").asText()).isEqualTo(demo.scriptId());
        assertThat(script.path("name").asText()).isEqualTo(published.path("name").asText());
        assertThat(script.path("versionId").asText()).isEqualTo("1");
        assertThat(script.path("startPageId").asText()).isEqualTo(published.path("startPageId").asText());
        assertThat(script.path("startPageName").asText()).isEqualTo(published.at("/pages/0/name").asText());
        assertThat(script.at("/features/screenPop/properties/enabled/value").asBoolean())
                .isEqualTo(published.at("/features/inbound").asBoolean());
        assertThat(script.at("/features/bridge/properties/enabled/value").asBoolean())
                .isEqualTo(published.at("/features/dataActions").asBoolean());
        assertThat(names(script.path("variables"))).isEqualTo(names(published.path("variables")));
        for (JsonNode variable : published.path("variables")) {
            JsonNode read = sdk.path("variables").path(variable.path("name").asText());
            assertThat(read.path("type").path("name").asText()).isEqualTo(variable.path("type").asText());
            assertThat(read.path("input").asBoolean()).isEqualTo(variable.path("input").asBoolean());
            assertThat(read.path("output").asBoolean()).isEqualTo(variable.path("output").asBoolean());
        }
        assertThat(names(script.path("customActions"))).isEqualTo(names(published.path("customActions")));

        List<String> inputs = new ArrayList<>();
        published.path("variables").forEach(v -> {
            if (v.path("input").asBoolean() && v.path("type").asText().equals("string")) {
                inputs.add(v.path("name").asText());
            }
        });
        assertThat(sdk.path("variables").size()).isEqualTo(published.path("variables").size());
        assertThat(fieldNames(sdk.path("inputs"))).isEqualTo(inputs)
                .containsExactly("ANI", "CustomerName", "Services", "EmbeddedMap", "KBURL", "DataTableID");

        assertThat(names(sdk.path("pages"))).isEqualTo(names(published.path("pages")));
        assertThat(sdk.path("pages").get(0).path("id").asText()).isEqualTo(published.at("/pages/0/id").asText());
        JsonNode root = sdk.at("/page/rootContainer");
        assertThat(root.path("type").asText()).isEqualTo(published.at("/pages/0/root/type").asText());
        assertThat(root.at("/children/0/text").asText())
                .isEqualTo(published.at("/pages/0/root/children/0/text").asText());
        assertThat(root.at("/children/3/action").asText()).isEqualTo("Update Case");
        assertThat(sdk.at("/page/selfUri").asText()).isEqualTo("/api/v2/scripts/published/" + demo.scriptId()
                + "/pages/" + published.at("/pages/0/id").asText());

        // The SDK rejects with the error body: Genesys's, so its status and code are where Genesys's clients look
        assertThat(sdk.at("/missing/rejectedWith/status").asInt()).isEqualTo(404);
        assertThat(sdk.at("/missing/rejectedWith/code").asText()).isEqualTo("not.found");
        assertThat(sdk.at("/notImplemented/rejectedWith/status").asInt()).isEqualTo(501);
        assertThat(sdk.at("/notImplemented/rejectedWith/code").asText()).isEqualTo("not.implemented");
        assertThat(sdk.at("/notImplemented/rejectedWith/messageParams/path").asText())
                .isEqualTo("/api/v2/scripts/published/divisionviews");
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code npm ci} of the pinned SDK into target/genesys-sdk, once per clean build. */
    private static void installSdk() throws IOException {
        if (Files.isDirectory(SDK_INSTALL.resolve("node_modules/purecloud-platform-client-v2"))) {
            return;
        }
        Files.createDirectories(SDK_INSTALL);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(SDK_SOURCES.resolve(file), SDK_INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(run(List.of("npm", "ci", "--prefix", SDK_INSTALL.toString(), "--no-audit", "--no-fund"), null,
                600)).as("npm ci of purecloud-platform-client-v2 into " + SDK_INSTALL).isNotNull();
    }

    /** The command's standard output, or null when it cannot start, fails or overruns; its errors go to ours. */
    private static String run(List<String> command, String token, int seconds) {
        try {
            Path out = Files.createTempFile("genesys-sdk-", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT);
                if (token != null) {
                    builder.environment().put("RAPPORT_TOKEN", token);
                }
                Process p = builder.start();
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return null;
                }
                return p.exitValue() == 0 ? Files.readString(out, StandardCharsets.UTF_8) : null;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
