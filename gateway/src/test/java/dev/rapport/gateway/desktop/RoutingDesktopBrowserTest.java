package dev.rapport.gateway.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.gateway.agent.Sessions;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestBrowser;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Built-in routing on the desktop: the agent's routing status selector (Available, Off queue), and Answer on an
 * interaction routing offers them (state alerting), which sends the agent command answer. script-service's routing
 * status API is played by a stand-in.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
@WithTestResource(RoutingDesktopBrowserTest.FakeRoutingStatus.class)
class RoutingDesktopBrowserTest extends DesktopBrowserTest {

    @Test
    void alexGoesAvailableAndAnswersTheInteractionOfferedToHim() {
        String id = "routing-" + UUID.randomUUID();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            TestBrowser.signIn(page, desktop, "alex", "alex", "Alex Agent");
            Locator status = page.getByLabel("Routing status");
            assertThat(status).hasValue("OFF_QUEUE");
            status.selectOption("IDLE");
            assertThat(status).hasValue("IDLE");
            assertThat(FakeRoutingStatus.PUTS).anySatisfy(body -> assertThat(body).contains("\"IDLE\""));

            new TopicProbe(bootstrap).send(Sessions.record(Sessions.state(id, 1, "alerting", "alex")));
            page.locator("[data-interaction='" + id + "']").click();
            Locator answer = page.locator("button[data-action='answer']");
            assertThat(answer).hasText("Answer");
            answer.click();
            List<AgentCommand> sent = new TopicProbe(bootstrap).read(Topics.AGENT_COMMANDS, r -> id.equals(r.key()),
                    1, Duration.ofSeconds(20), Duration.ofMillis(300)).stream()
                    .map(r -> EventSchemas.AGENT_COMMAND.parse(KafkaCloudEvents.fromRecord(r).data(),
                            AgentCommand.class)).toList();
            assertThat(sent).extracting(AgentCommand::type).containsExactly(AgentCommand.Kind.ANSWER);
            assertThat(sent.get(0).agentId()).isEqualTo("alex");
            assertThat(answer).hasText("Answering…");

            // connected (routing's answer): no Answer any more, End call instead
            new TopicProbe(bootstrap).send(Sessions.record(Sessions.state(id, 2, "connected", "alex")));
            assertThat(page.locator("button[data-action='end']")).isVisible();
            assertThat(answer).hasCount(0);
            new TopicProbe(bootstrap).send(Sessions.record(Sessions.state(id, 3, "ended", "alex")));
        }
    }

    /** script-service's {@code /api/v2/users/{id}/routingstatus}, remembering the status set. */
    public static class FakeRoutingStatus implements QuarkusTestResourceLifecycleManager {
        static final List<String> PUTS = new CopyOnWriteArrayList<>();
        private HttpServer server;
        private volatile String status = "OFF_QUEUE";

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean ours = exchange.getRequestURI().getPath().equals("/api/v2/users/alex/routingstatus");
                if (ours && "PUT".equals(exchange.getRequestMethod())) {
                    PUTS.add(body);
                    status = body.contains("IDLE") ? "IDLE" : "OFF_QUEUE";
                }
                byte[] answer = (ours ? "{\"userId\":\"alex\",\"status\":\"" + status + "\"}"
                        : "{\"message\":\"Nothing here\",\"code\":\"not.found\",\"status\":404}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(ours ? 200 : 404, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.of("rapport.routes.datatable", url, "rapport.routes.script", url, "rapport.routes.action", url);
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
