package dev.rapport.action.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.support.LoopbackServer;
import dev.rapport.action.templates.TemplateLimits;
import dev.rapport.action.templates.TemplateRenderer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A credential in every encoding a template or an endpoint can produce is masked in every step and error. */
class MaskingTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "p@ss/wörd+\"x\"";
    static final String USER = "svc";
    final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    static List<String> encodings() {
        byte[] bytes = PASSWORD.getBytes(StandardCharsets.UTF_8);
        String json = "p@ss/w\\u00f6rd+\\\"x\\\"";
        return List.of(PASSWORD,
                Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().withoutPadding().encodeToString(bytes),
                Base64.getUrlEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8),
                URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8).replace("+", "%20").toLowerCase(),
                "p@ss/w\u00f6rd+\\\"x\\\"", json, json.replace("/", "\\/"),
                HexFormat.of().formatHex(bytes), HexFormat.of().formatHex(bytes).toUpperCase());
    }

    @Test
    void everyEncodingIsMaskedInText() {
        List<String> forms = Masking.forms(List.of(USER, PASSWORD));
        for (String encoded : encodings()) {
            assertThat(Masking.blankOut("before " + encoded + " after", forms)).as(encoded)
                    .isEqualTo("before ********" + " after");
        }
    }

    @Test
    void anEndpointEchoingTheCredentialsLeavesNoTraceInTheStepsTheErrorOrTheResult() throws Exception {
        String echoed = String.join(" | ", encodings());
        server.answer(r -> LoopbackServer.Answer.json(500, JSON.createObjectNode()
                .put("auth", r.header("Authorization")).put("echo", echoed).toString()));
        DataActionRunner runner = new DataActionRunner(new TemplateRenderer(TemplateLimits.DEFAULT),
                new ContractValidator(),
                new OutboundHttp(new DestinationPolicy(List.of("127.0.0.1:" + server.base().getPort())), 1 << 20,
                        Duration.ofSeconds(2)), RequestRouter.toInternalBase(server.base()), () -> "", 20);
        ObjectNode config = (ObjectNode) JSON.readTree("""
                {"request":{"requestUrlTemplate":"","requestType":"POST",
                  "headers":{"X-B64":"$encoding.base64($credentials.password)","X-Url":"$esc.url($credentials.password)",
                             "X-Json":"$esc.jsonString($credentials.password)"},
                  "requestTemplate":"{\\"p\\": \\"$esc.jsonString($credentials.password)\\"}"},
                 "response":{"translationMap":{},"translationMapDefaults":{},"successTemplate":"${rawResult}"}}""");
        ((ObjectNode) config.get("request")).put("requestUrlTemplate",
                server.base() + "/x?k=$esc.url($credentials.password)");
        ObjectNode contract = (ObjectNode) JSON.readTree("""
                {"input":{"inputSchema":{"type":"object"}},"output":{"successSchema":{"type":"object"}}}""");
        Execution e = runner.run(new ActionDefinition("t", config, contract, false),
                new IntegrationContext(IntegrationContext.CUSTOM_REST, "basicAuth",
                        Map.of("userName", USER, "password", PASSWORD)), JSON.createObjectNode(), false);
        assertThat(e.error()).isNotNull();
        String trace = JSON.writeValueAsString(e.steps()) + JSON.writeValueAsString(e.error());
        for (String encoded : encodings()) {
            assertThat(trace).as(encoded).doesNotContain(encoded);
        }
        assertThat(trace).contains("********");
        // and the endpoint did get the real values
        assertThat(server.last().header("X-Url")).isEqualTo(URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
    }
}
