package dev.rapport.action.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.support.LoopbackServer;
import dev.rapport.action.support.SampleJson;
import dev.rapport.action.templates.TemplateLimits;
import dev.rapport.action.templates.TemplateRenderer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public Genesys export runs unchanged: inputs built from its input contract, its request rendered and sent to a
 * real HTTP server on loopback that answers as the action's endpoint would, and the translation and success template
 * give a result that validates against its success contract (the runner checks that as its last step).
 * Absolute URLs (custom-rest-actions) are sent to the loopback server with their path and query kept, as a test DNS.
 */
class FixtureRunTest {
    /** The project's copy of the exports (fixtures/README.md); tests run with the module as working directory. */
    static final Path FIXTURES = Path.of("..", "fixtures", "genesys", "data-actions");
    static final ObjectMapper JSON = new ObjectMapper();
    static LoopbackServer server;
    static JsonNode responses;

    @BeforeAll
    static void start() throws Exception {
        server = new LoopbackServer();
        responses = JSON.readTree(FixtureRunTest.class.getResourceAsStream("/fixture-responses.json"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Path fixtures() {
        return FIXTURES;
    }

    static List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(fixtures())) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureRunsAgainstALoopbackEndpoint() throws Exception {
        List<Path> files = files();
        assertThat(files).hasSize(39);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    private void run(Path file) throws Exception {
        ObjectNode export = (ObjectNode) JSON.readTree(file.toFile());
        String name = file.getFileName().toString();
        ActionDefinition action = new ActionDefinition(export.path("name").asText(),
                (ObjectNode) export.get("config"), (ObjectNode) export.get("contract"), export.path("secure").asBoolean());
        ObjectNode input = (ObjectNode) SampleJson.of(action.inputSchema(), null);
        JsonNode canned = responses.get(name);
        String body = (canned != null ? canned : SampleJson.of(action.successSchema(), null)).toString();
        server.answer(r -> LoopbackServer.Answer.json(200, body));
        int before = server.received().size();

        DataActionRunner runner = runner(server.base(), "internal-token-for-tests");
        String type = export.path("integrationType").asText();
        Execution execution = runner.run(action, new IntegrationContext(type, null, java.util.Map.of()), input, false);

        assertThat(execution.error()).as(name + " steps: " + execution.steps()).isNull();
        assertThat(execution.succeeded()).isTrue();
        assertThat(server.received()).hasSize(before + 1);
        LoopbackServer.Received received = server.last();
        assertThat(received.method()).isEqualTo(action.requestType());
        if (!action.requestType().equals("GET") && !received.body().isEmpty()) {
            // every public action sends a JSON body
            assertThat(JSON.readTree(received.body())).as(name + " body " + received.body()).isNotNull();
        }
        if (type.equals(IntegrationContext.PURECLOUD)) {
            assertThat(received.path()).startsWith("/api/v2/");
            assertThat(received.header("Authorization")).isEqualTo("Bearer internal-token-for-tests");
        }
        JsonNode output = ((Execution.Success) execution.outcome()).output();
        assertThat(output.isObject()).isTrue();
        String expected = EXPECTED.get(name);
        if (expected != null) {
            assertThat(output).as(name).isEqualTo(JSON.readTree(expected));
        }
    }

    /** What the translation and success template must make of the canned responses (not the defaults). */
    static final java.util.Map<String, String> EXPECTED = java.util.Map.of(
            "callback-prioritization__Get-Callback-Priority.custom.json", "{\"priority\":25}",
            "callback-prioritization__Get-Interaction-State.custom.json", "{\"state\":\"connected\"}",
            "design-architect-flow-data-actions-for-resiliency__Get-On-Queue-Agent-Counts.json",
            "{\"counts\":[3,5],\"statuses\":[\"IDLE\",\"INTERACTING\"]}",
            "limitless-flows-blueprint__Limitless---Get-Message-Id-Count-from-Genesys-v1-2021062184247.custom.json",
            "{\"count\":3}",
            "limitless-flows-blueprint__Limitless---Get-Last-N-Message-Ids-from-Genesys-v1-2021062184303.custom.json",
            "{\"messageIds\":[\"m1\",\"m2\"]}",
            "limitless-flows-blueprint__Limitless---Peek-Full-Event-from-SmartCrowd-v1-20220330141741.custom.json",
            "{\"length\":3}",
            "merge-ephemeral-message-to-external-contact-blueprint__GetExternalContactIdForCustomerParticipantV2DataAction.json",
            "{\"externalContactId_external\":\"ec-1\",\"externalContactId_customer\":\"ec-2\"}",
            "terminate-voice-calls-with-no-queue__Check-Conversation-For-PSTN-Leg.custom.json",
            "{\"externalSegment\":[\"outbound\"]}",
            "limitless-flows-blueprint__Limitless---Get-Message-Ids-From-Chat-Conv-By-Id-And-MsgId-from-Genesys-v1-20210721153212.custom.json",
            "{\"messageArray\":[\"m1\",\"m2\"],\"senderArray\":[\"s1\",\"s2\"],\"bodyArray\":[\"hi\",\"hello\"]}",
            "ArchitectWorkshopContent__Architect-WS-Data-Table-Update.json",
            "{\"successresponse\":\"Case Updated Successfully\"}");

    /** The production router, except that any absolute URL is sent to the loopback server (path and query kept). */
    static DataActionRunner runner(URI loopback, String token) {
        RequestRouter real = RequestRouter.toInternalBase(loopback);
        RequestRouter testDns = (url, type) -> {
            try {
                RequestRouter.Route route = real.route(url, type);
                URI u = route.uri();
                return new RequestRouter.Route(URI.create(loopback + (u.getRawPath() == null ? "/" : u.getRawPath())
                        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())), route.internal());
            } catch (IllegalArgumentException placeholder) {
                // e.g. "[YOUR SMTP SERVER]": the export ships with a placeholder the customer fills in
                return new RequestRouter.Route(URI.create(loopback + "/placeholder"), false);
            }
        };
        DestinationPolicy policy = new DestinationPolicy(List.of("127.0.0.1:" + loopback.getPort()));
        return new DataActionRunner(new TemplateRenderer(TemplateLimits.DEFAULT), new ContractValidator(),
                new OutboundHttp(policy, 1024 * 1024, Duration.ofSeconds(2)), testDns, () -> token, 20);
    }
}
