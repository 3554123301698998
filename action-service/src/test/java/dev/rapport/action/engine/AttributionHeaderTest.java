package dev.rapport.action.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.action.support.LoopbackServer;
import dev.rapport.action.templates.TemplateLimits;
import dev.rapport.action.templates.TemplateRenderer;
import dev.rapport.contract.Attribution;
import dev.rapport.contract.OnBehalfOf;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent a run is for goes to Rapport's own API as {@value Attribution#HEADER}, and nowhere else: not to an
 * external destination, not across a redirect to another origin, and never as a template wrote it.
 */
class AttributionHeaderTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final OnBehalfOf ALEX = new OnBehalfOf("alex", "Alex Agent");
    static final IntegrationContext PURECLOUD = new IntegrationContext(IntegrationContext.PURECLOUD, null, Map.of());
    static final IntegrationContext CUSTOM = new IntegrationContext(IntegrationContext.CUSTOM_REST, null, Map.of());

    final LoopbackServer rapport = new LoopbackServer();
    final LoopbackServer outside = new LoopbackServer();

    @AfterEach
    void stop() {
        rapport.close();
        outside.close();
    }

    @Test
    void aCallToRapportsApiNamesTheAgentAndTheAction() throws Exception {
        Execution e = run(SsrfCorpusTest.action("/api/v2/flows/datatables/t/rows/1", Map.of()), PURECLOUD, ALEX);
        assertThat(e.error()).isNull();
        String header = rapport.last().header(Attribution.HEADER);
        assertThat(header).isEqualTo("user=alex&name=Alex+Agent&action=t");
        assertThat(Attribution.parse(header).orElseThrow().changedBy()).isEqualTo("alex via t");
    }

    @Test
    void whatTheAgentRanNamesTheChangeWhenTheRequestSaysIt() throws Exception {
        run(SsrfCorpusTest.action("/api/v2/flows/datatables/t/rows/1", Map.of()), PURECLOUD,
                new OnBehalfOf("alex", "Alex Agent", "Update Case"));
        String header = rapport.last().header(Attribution.HEADER);
        assertThat(Attribution.parse(header).orElseThrow().changedBy()).isEqualTo("alex via Update Case");
    }

    @Test
    void aCallElsewhereNeverCarriesItEvenWhenTheTemplateWritesIt() throws Exception {
        Execution e = run(SsrfCorpusTest.action(outside.base() + "/hook",
                Map.of(Attribution.HEADER, "user=ceo")), CUSTOM, ALEX);
        assertThat(e.error()).isNull();
        assertThat(outside.last().header(Attribution.HEADER)).isNull();
        assertThat(rapport.received()).isEmpty();
    }

    @Test
    void aTemplateCannotForgeItOnRapportsApiWithOrWithoutAnAgent() throws Exception {
        var forging = SsrfCorpusTest.action("/api/v2/x", Map.of("x-rapport-on-behalf-of", "user=ceo&action=Payroll"));
        run(forging, PURECLOUD, null);
        assertThat(rapport.last().header(Attribution.HEADER)).isNull();
        run(forging, PURECLOUD, ALEX);
        assertThat(rapport.last().headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase(Attribution.HEADER)).flatMap(h -> h.getValue().stream()))
                .containsExactly("user=alex&name=Alex+Agent&action=t");
    }

    @Test
    void itDoesNotFollowARedirectAwayFromRapportsApi() throws Exception {
        rapport.answer(r -> new LoopbackServer.Answer(302, "text/plain", "", Map.of("Location", outside.base() + "/y"),
                0));
        Execution e = run(SsrfCorpusTest.action("/api/v2/x", Map.of()), PURECLOUD, ALEX);
        assertThat(e.error()).isNull();
        assertThat(rapport.last().header(Attribution.HEADER)).isNotNull();
        assertThat(outside.last().header(Attribution.HEADER)).isNull();
    }

    private Execution run(ActionDefinition action, IntegrationContext integration, OnBehalfOf onBehalfOf) {
        DataActionRunner runner = new DataActionRunner(new TemplateRenderer(TemplateLimits.DEFAULT),
                new ContractValidator(), new OutboundHttp(new DestinationPolicy(
                        List.of("127.0.0.1:" + outside.base().getPort())), 1 << 20, Duration.ofSeconds(2)),
                RequestRouter.toInternalBase(rapport.base()), () -> "service-token", 20);
        return runner.run(action, integration, JSON.createObjectNode(), false, 0, onBehalfOf);
    }
}
