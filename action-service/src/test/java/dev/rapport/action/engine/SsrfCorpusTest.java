package dev.rapport.action.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.support.LoopbackServer;
import dev.rapport.action.templates.TemplateLimits;
import dev.rapport.action.templates.TemplateRenderer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF corpus: every address form that reached loopback or an internal network in the attack, redirects, DNS
 * rebinding (a resolver the test controls), and the one error text that does not tell open ports from closed ones.
 */
class SsrfCorpusTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final LoopbackServer server = new LoopbackServer();
    final LoopbackServer other = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
        other.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:5432/", "http://localhost:9092/", "http://[::1]:8080/", "http://[::127.0.0.1]:8081/",
            "http://[::ffff:127.0.0.1]:8082/", "http://[::ffff:7f00:1]/", "http://[2002:7f00:1::]/",
            "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
            "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://0x7f000001/", "http://127.1/",
            "http://017700000001/", "http://127.000.000.001/", "http://169.254.169.254/latest/meta-data/",
            "http://[fe80::1]/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[ff02::1]/", "http://224.0.0.1/",
            "http://100.64.0.1/", "http://100.127.255.254/", "http://0.0.0.0/", "http://0.1.2.3/", "http://10.0.0.1/",
            "http://172.16.0.1/", "http://192.168.1.1/", "http://[::]/", "http://255.255.255.255/",
            "http://127.0.0.1.:5432/", "ftp://example.com/", "file:///etc/passwd", "gopher://127.0.0.1:6379/_x"})
    void everyInternalFormIsRefused(String url) {
        DestinationPolicy policy = new DestinationPolicy(List.of(), host -> {
            throw new java.net.UnknownHostException(host); // no DNS in this corpus: literals must not need it
        });
        DestinationPolicy withLocalhost = new DestinationPolicy(List.of(),
                host -> host.equals("localhost") ? new InetAddress[] {InetAddress.getLoopbackAddress()} : null);
        assertThatThrownBy(() -> (url.contains("localhost") ? withLocalhost : policy).check(URI.create(url)))
                .isInstanceOf(DestinationPolicy.DestinationRefusedException.class);
    }

    @Test
    void publicAddressesAndNamesPass() throws Exception {
        DestinationPolicy policy = new DestinationPolicy(List.of(),
                host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")});
        assertThat(policy.check(URI.create("https://api.example.com/x")).address().getHostAddress())
                .isEqualTo("93.184.216.34");
        assertThat(policy.check(URI.create("http://8.8.8.8/")).port()).isEqualTo(80);
        assertThat(policy.check(URI.create("http://[2606:4700::1111]/")).https()).isFalse();
    }

    @Test
    void aNameWithOneInternalAddressAmongPublicOnesIsRefused() {
        DestinationPolicy policy = new DestinationPolicy(List.of(), host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1")});
        assertThatThrownBy(() -> policy.check(URI.create("http://mixed.example/")))
                .isInstanceOf(DestinationPolicy.DestinationRefusedException.class);
    }

    @Test
    void anAllowedHostPortAdmitsThatPortOnly() {
        DestinationPolicy policy = new DestinationPolicy(List.of("127.0.0.1:" + server.base().getPort()));
        assertThat(policy.check(server.base()).address().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.1:5432/")))
                .isInstanceOf(DestinationPolicy.DestinationRefusedException.class);
        assertThatThrownBy(() -> policy.check(URI.create("http://[::1]:" + server.base().getPort() + "/")))
                .isInstanceOf(DestinationPolicy.DestinationRefusedException.class);
    }

    DataActionRunner runner(List<String> allowed, DestinationPolicy.Resolver resolver) {
        return new DataActionRunner(new TemplateRenderer(TemplateLimits.DEFAULT), new ContractValidator(),
                new OutboundHttp(new DestinationPolicy(allowed, resolver), 1 << 20, Duration.ofSeconds(2)),
                RequestRouter.toInternalBase(server.base()), () -> "service-token-secret", 20);
    }

    static ActionDefinition action(String url, Map<String, String> headers) throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree("""
                {"request":{"requestUrlTemplate":"","requestType":"GET","headers":{}},
                 "response":{"translationMap":{},"translationMapDefaults":{},"successTemplate":"{}"}}""");
        ((ObjectNode) config.get("request")).put("requestUrlTemplate", url);
        headers.forEach(((ObjectNode) config.path("request").path("headers"))::put);
        ObjectNode contract = (ObjectNode) JSON.readTree("""
                {"input":{"inputSchema":{"type":"object"}},"output":{"successSchema":{"type":"object"}}}""");
        return new ActionDefinition("t", config, contract, false);
    }

    static Execution run(DataActionRunner runner, ActionDefinition action, IntegrationContext integration) {
        return runner.run(action, integration, JSON.createObjectNode(), false);
    }

    static final IntegrationContext BASIC = new IntegrationContext(IntegrationContext.CUSTOM_REST, "basicAuth",
            Map.of("userName", "svc-user", "password", "s3cret-pass", "apiKey", "key-123456"));

    @Test
    void aRedirectToLoopbackIsRefusedLikeAnyOtherDestination() throws Exception {
        server.answer(r -> new LoopbackServer.Answer(302, "text/plain", "",
                Map.of("Location", "http://127.0.0.1:" + other.base().getPort() + "/internal"), 0));
        Execution e = run(runner(List.of("127.0.0.1:" + server.base().getPort()), DestinationPolicy.Resolver.SYSTEM),
                action(server.base() + "/x", Map.of()), BASIC);
        assertThat(e.error().code()).isEqualTo("action.remote.unreachable");
        assertThat(other.received()).isEmpty();
    }

    @Test
    void aCrossOriginRedirectDropsCredentialsAndASameOriginOneKeepsThem() throws Exception {
        server.answer(r -> r.path().equals("/same")
                ? new LoopbackServer.Answer(307, "text/plain", "", Map.of("Location", "/x"), 0)
                : new LoopbackServer.Answer(302, "text/plain", "", Map.of("Location", other.base() + "/landing"), 0));
        other.answer(r -> LoopbackServer.Answer.json(200, "{}"));
        DataActionRunner runner = runner(List.of("127.0.0.1:" + server.base().getPort(),
                "127.0.0.1:" + other.base().getPort()), DestinationPolicy.Resolver.SYSTEM);
        Execution e = run(runner, action(server.base() + "/same",
                Map.of("X-Api-Key", "${credentials.apiKey}", "Cookie", "session=abc", "Accept", "application/json")),
                BASIC);
        assertThat(e.error()).isNull();
        LoopbackServer.Received first = server.received().get(0);
        assertThat(first.header("Authorization")).startsWith("Basic ");
        LoopbackServer.Received sameOrigin = server.received().get(1);
        assertThat(sameOrigin.header("Authorization")).startsWith("Basic ");
        assertThat(sameOrigin.header("X-Api-Key")).isEqualTo("key-123456");
        LoopbackServer.Received landed = other.last();
        assertThat(landed.header("Authorization")).isNull();
        assertThat(landed.header("X-Api-Key")).isNull();
        assertThat(landed.header("Cookie")).isNull();
        assertThat(landed.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void theServiceTokenDoesNotFollowARedirectAwayFromRapportsApi() throws Exception {
        server.answer(r -> new LoopbackServer.Answer(302, "text/plain", "", Map.of("Location", other.base() + "/y"), 0));
        DataActionRunner runner = runner(List.of("127.0.0.1:" + other.base().getPort()),
                DestinationPolicy.Resolver.SYSTEM);
        Execution e = run(runner, action("/api/v2/x", Map.of()),
                new IntegrationContext(IntegrationContext.PURECLOUD, null, Map.of()));
        assertThat(e.error()).isNull();
        assertThat(server.last().header("Authorization")).isEqualTo("Bearer service-token-secret");
        assertThat(server.last().header(CallDepth.HEADER)).isEqualTo("1");
        assertThat(other.last().header("Authorization")).isNull();
        assertThat(other.last().header(CallDepth.HEADER)).isNull();
    }

    @Test
    void theAddressCheckedIsTheAddressConnectedTo() throws Exception {
        // DNS rebinding: the first answer passes the check, every later one points elsewhere. Resolved once, it holds.
        AtomicInteger lookups = new AtomicInteger();
        DestinationPolicy.Resolver rebinding = host -> lookups.getAndIncrement() == 0
                ? new InetAddress[] {InetAddress.getByName("127.0.0.1")}
                : new InetAddress[] {InetAddress.getByName("10.9.9.9")};
        server.answer(r -> LoopbackServer.Answer.json(200, "{}"));
        int port = server.base().getPort();
        Execution e = run(runner(List.of("rebind.test:" + port), rebinding),
                action("http://rebind.test:" + port + "/x", Map.of()), BASIC);
        assertThat(e.error()).isNull();
        assertThat(lookups).hasValue(1);
        assertThat(server.last().header("Host")).isEqualTo("rebind.test:" + port);

        // the other way round: a name that resolves to loopback is refused without any connection
        AtomicInteger second = new AtomicInteger();
        DestinationPolicy.Resolver toLoopback = host -> {
            second.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        };
        int before = server.received().size();
        Execution refused = run(runner(List.of(), toLoopback), action("http://evil.test:" + port + "/x", Map.of()), BASIC);
        assertThat(refused.error().code()).isEqualTo("action.remote.unreachable");
        assertThat(server.received()).hasSize(before);
        assertThat(second).hasValue(1);
    }

    @Test
    void refusedClosedAndNonHttpPortsGiveTheSameAnswer() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (ServerSocket garbage = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!garbage.isClosed()) {
                    try (Socket c = garbage.accept(); OutputStream out = c.getOutputStream()) {
                        out.write("\u0000\u0001not http at all\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    } catch (Exception ignored) {
                        // closed
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            int junk = garbage.getLocalPort();
            List<String> allowed = List.of("127.0.0.1:" + closed, "127.0.0.1:" + junk);
            List<String> answers = new ArrayList<>();
            for (int port : new int[] {closed, junk, 5432}) {
                Execution e = run(runner(allowed, DestinationPolicy.Resolver.SYSTEM),
                        action("http://127.0.0.1:" + port + "/", Map.of()), BASIC);
                answers.add(e.error().status() + " " + e.error().code() + " "
                        + e.error().message().replace(Integer.toString(port), "PORT"));
            }
            assertThat(answers).hasSize(3).allMatch(a -> a.equals(answers.get(0)));
            assertThat(answers.get(0)).startsWith("502 action.remote.unreachable");
        }
    }
}
