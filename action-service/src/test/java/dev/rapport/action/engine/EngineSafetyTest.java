package dev.rapport.action.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.support.LoopbackServer;
import dev.rapport.action.templates.TemplateLimits;
import dev.rapport.action.templates.TemplateRenderer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each refusal of the sandbox and of the outbound policy, shown against a real loopback server. */
class EngineSafetyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    DataActionRunner runner(List<String> allowed, int maxResponseBytes) {
        URI internal = URI.create("http://rapport-internal.invalid:8080");
        List<String> entries = allowed.stream().map(a -> a.equals("127.0.0.1") ? a + ":" + server.base().getPort() : a)
                .toList();
        return new DataActionRunner(new TemplateRenderer(TemplateLimits.DEFAULT), new ContractValidator(),
                new OutboundHttp(new DestinationPolicy(entries), maxResponseBytes, Duration.ofSeconds(2)),
                RequestRouter.toInternalBase(internal), () -> "", 20);
    }

    ActionDefinition action(String url, String requestTemplate, String successTemplate, Integer timeout) throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree("""
                {"request":{"requestUrlTemplate":"","requestType":"POST","headers":{}},
                 "response":{"translationMap":{},"translationMapDefaults":{}}}""");
        ((ObjectNode) config.get("request")).put("requestUrlTemplate", url).put("requestTemplate", requestTemplate);
        ((ObjectNode) config.get("response")).put("successTemplate", successTemplate);
        if (timeout != null) {
            config.put("timeoutSeconds", timeout);
        }
        ObjectNode contract = (ObjectNode) JSON.readTree("""
                {"input":{"inputSchema":{"type":"object","required":["name"],
                   "properties":{"name":{"type":"string"},"count":{"type":"integer"}}}},
                 "output":{"successSchema":{"type":"object","properties":{}}}}""");
        return new ActionDefinition("t", config, contract, false);
    }

    Execution run(DataActionRunner runner, ActionDefinition action, String input) throws Exception {
        return runner.run(action, new IntegrationContext(IntegrationContext.CUSTOM_REST, null, Map.of()),
                (ObjectNode) JSON.readTree(input), false);
    }

    @Test
    void aTemplateReachingForJavaClassesIsRefused() throws Exception {
        Execution e = run(runner(List.of("127.0.0.1"), 1 << 20), action(server.base() + "/x",
                "$input.name.getClass().forName('java.lang.Runtime').getRuntime().exec('id')", "${rawResult}", null),
                "{\"name\":\"a\"}");
        assertThat(e.error().code()).isEqualTo("action.template.refused");
        assertThat(e.error().message()).contains("Java internals");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aPropertyPathToTheClassIsRefusedToo() throws Exception {
        Execution e = run(runner(List.of("127.0.0.1"), 1 << 20), action(server.base() + "/x",
                "${input.class.classLoader}", "${rawResult}", null), "{\"name\":\"a\"}");
        assertThat(e.error().code()).isEqualTo("action.template.refused");
    }

    @Test
    void loopbackIsRefusedUnlessAllowed() throws Exception {
        Execution e = run(runner(List.of(), 1 << 20), action(server.base() + "/x", "{}", "${rawResult}", null),
                "{\"name\":\"a\"}");
        assertThat(e.error().code()).isEqualTo("action.remote.unreachable");
        assertThat(e.error().status()).isEqualTo(502);
        assertThat(server.received()).isEmpty();
        Execution metadata = run(runner(List.of(), 1 << 20),
                action("http://169.254.169.254/latest/meta-data", "{}", "${rawResult}", null), "{\"name\":\"a\"}");
        assertThat(metadata.error().code()).isEqualTo("action.remote.unreachable");
    }

    @Test
    void aRedirectToARefusedDestinationIsNotFollowed() throws Exception {
        server.answer(r -> new LoopbackServer.Answer(302, "text/plain", "",
                Map.of("Location", "http://10.1.2.3/internal"), 0));
        Execution e = run(runner(List.of("127.0.0.1"), 1 << 20), action(server.base() + "/x", "{}", "${rawResult}", null),
                "{\"name\":\"a\"}");
        assertThat(e.error().code()).isEqualTo("action.remote.unreachable");
        assertThat(e.error().message()).doesNotContain("10.1.2.3");
    }

    @Test
    void aResponseOverTheCapIsRefused() throws Exception {
        server.answer(r -> LoopbackServer.Answer.json(200, "{\"big\":\"" + "x".repeat(10_000) + "\"}"));
        Execution e = run(runner(List.of("127.0.0.1"), 4096), action(server.base() + "/x", "{}", "${rawResult}", null),
                "{\"name\":\"a\"}");
        assertThat(e.error().code()).isEqualTo("action.response.too.large");
    }

    @Test
    void aSlowEndpointTimesOutAfterTheActionsTimeout() throws Exception {
        server.answer(r -> new LoopbackServer.Answer(200, "application/json", "{}", Map.of(), 3000));
        long start = System.nanoTime();
        Execution e = run(runner(List.of("127.0.0.1"), 1 << 20), action(server.base() + "/x", "{}", "${rawResult}", 1),
                "{\"name\":\"a\"}");
        assertThat(e.outcome()).isInstanceOf(Execution.TimedOut.class);
        assertThat(e.error().code()).isEqualTo("action.timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void anInputThatBreaksTheContractIsRefusedNamingTheField() throws Exception {
        Execution e = run(runner(List.of("127.0.0.1"), 1 << 20), action(server.base() + "/x", "{}", "${rawResult}", null),
                "{\"count\":\"many\"}");
        assertThat(e.error().code()).isEqualTo("action.input.invalid");
        assertThat(e.error().details()).extracting(d -> d.fieldName()).contains("name", "count");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void loopsTemplateSizeAndOutputAreCapped() throws Exception {
        DataActionRunner runner = runner(List.of("127.0.0.1"), 1 << 20);
        Execution loops = run(runner, action(server.base() + "/x", "#foreach($i in [1..100000])$i#end", "{}", null),
                "{\"name\":\"a\"}");
        assertThat(loops.error().code()).isEqualTo("action.template.refused");
        assertThat(loops.error().message()).contains("range");
        Execution size = run(runner, action(server.base() + "/x", "x".repeat(70_000), "{}", null), "{\"name\":\"a\"}");
        assertThat(size.error().code()).isEqualTo("action.template.refused");
        Execution nested = run(runner, action(server.base() + "/x",
                "#foreach($i in [1..900])#foreach($j in [1..900])$i#end#end", "{}", null), "{\"name\":\"a\"}");
        assertThat(nested.error().code()).isEqualTo("action.template.refused");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void renderingPastItsTimeLimitIsRefused() {
        TemplateRenderer strict = new TemplateRenderer(new TemplateLimits(1024, 1024, 1000, Duration.ZERO));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> strict.render("t",
                        "#foreach($i in [1..10])$i#end", Map.of()))
                .isInstanceOf(dev.rapport.action.templates.TemplateException.class)
                .hasMessageContaining("longer than allowed");
    }
}
