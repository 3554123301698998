package dev.rapport.action.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.support.LoopbackServer;
import dev.rapport.action.templates.TemplateLimits;
import dev.rapport.action.templates.TemplateRenderer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Template bombs: each is refused within the render budget (2 s here), inside single method calls too, while a normal
 * action keeps succeeding on other threads meanwhile.
 */
class TemplateBudgetTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration BUDGET = Duration.ofSeconds(2);
    final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    static final List<String> BOMBS = List.of(
            "#set($x = \"xxxxxxxxxxxxxxxx\")#foreach($i in [1..60])#set($x = \"$x$x\")#end$x",
            "#set($x = \"xxxxxxxxxxxxxxxx\")#foreach($i in [1..60])#set($x = $x + $x)#end$x",
            "$input.name.repeat(200000000)",
            "#set($x = $input.name.repeat(1000))#foreach($i in [1..40])#set($x = $x.replace('a', $x))#end",
            "#set($x = $input.name.repeat(4000))#foreach($i in [1..40])#set($x = $esc.java($esc.javascript($x)))#set($x = \"$x$x\")#end",
            "#set($x = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\")$x.matches('((a+)+)+b')",
            "#set($x = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\")$x.replaceAll('((a+)+)+b', 'c')",
            "#foreach($i in [1..2000000000])$i#end",
            "#set($n = 2000000000)#foreach($i in [1..$n])$i#end",
            "#foreach($i in [1..1000])#foreach($j in [1..1000])$i#end#end",
            "#set($x = \"$input.name$input.name\")#foreach($i in [1..1000])#set($x = \"$x$x$x$x$x$x$x$x\")#end");

    DataActionRunner runner() {
        return new DataActionRunner(new TemplateRenderer(new TemplateLimits(64 * 1024, 1 << 20, 1000, BUDGET)),
                new ContractValidator(), new OutboundHttp(new DestinationPolicy(
                        List.of("127.0.0.1:" + server.base().getPort())), 1 << 20, Duration.ofSeconds(2)),
                RequestRouter.toInternalBase(server.base()), () -> "", 20);
    }

    static ActionDefinition action(String url, String body) throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree("""
                {"request":{"requestUrlTemplate":"","requestType":"POST","headers":{"Content-Type":"text/plain"}},
                 "response":{"translationMap":{},"translationMapDefaults":{},"successTemplate":"{}"}}""");
        ((ObjectNode) config.get("request")).put("requestUrlTemplate", url).put("requestTemplate", body);
        ObjectNode contract = (ObjectNode) JSON.readTree("""
                {"input":{"inputSchema":{"type":"object"}},"output":{"successSchema":{"type":"object"}}}""");
        return new ActionDefinition("t", config, contract, false);
    }

    @Test
    void everyBombIsRefusedWithinItsBudgetWhileANormalActionRuns() throws Exception {
        DataActionRunner runner = runner();
        IntegrationContext integration = new IntegrationContext(IntegrationContext.CUSTOM_REST, null, Map.of());
        ObjectNode input = JSON.createObjectNode().put("name", "aaaa");
        ActionDefinition normal = action(server.base() + "/ok", "hello $input.name");
        AtomicBoolean bombing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<List<Boolean>> normals = pool.submit(() -> {
            List<Boolean> results = new ArrayList<>();
            while (bombing.get()) {
                results.add(runner.run(normal, integration, input, false).succeeded());
                Thread.sleep(20);
            }
            return results;
        });
        try {
            for (String bomb : BOMBS) {
                long start = System.nanoTime();
                Execution e = runner.run(action(server.base() + "/bomb", bomb), integration, input, false);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(e.error()).as(bomb).isNotNull();
                assertThat(e.error().code()).as(bomb + ": " + e.error().message())
                        .isIn("action.template.refused", "action.template.invalid");
                assertThat(took).as(bomb).isLessThan(BUDGET.plusMillis(1500));
            }
        } finally {
            bombing.set(false);
        }
        List<Boolean> results = normals.get();
        pool.shutdown();
        assertThat(results).isNotEmpty().containsOnly(true);
        assertThat(server.received()).noneMatch(r -> r.path().equals("/bomb"));
    }
}
