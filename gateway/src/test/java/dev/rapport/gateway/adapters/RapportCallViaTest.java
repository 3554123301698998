package dev.rapport.gateway.adapters;

import static dev.rapport.gateway.adapters.AdapterFixtures.produced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.InteractionEvent.Kind;
import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** `./rapport call --via twilio|connect|genesys` builds and signs each platform's requests as the platform does. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class RapportCallViaTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL gateway;

    /** Runs the command with this test's gateway and secrets; answers the interaction id it printed last. */
    private String call(String via) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("..", "rapport").toString(), "call",
                "--via", via, "--ani", "7204276664", "--dnis", "8005551234", "--agent", "alex",
                "--queue", "Billing", "--attr", "Reason=billing \"late\" & more", "--attr", "Name=Zoë"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("RAPPORT_GATEWAY_URL", gateway.toString().replaceAll("/$", ""));
        env.put("RAPPORT_ADAPTERS_TWILIO_AUTH_TOKEN", "test-only-twilio-auth-token");
        env.put("RAPPORT_ADAPTERS_CONNECT_SECRET", "test-only-connect-secret");
        env.put("RAPPORT_ADAPTERS_GENESYS_SECRET", "test-only-genesys-secret");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    @Test
    void viaTwilioTheCallRingsGathersEachAttributeAndTheAcdConnectsIt() throws Exception {
        String callSid = call("twilio");
        assertThat(callSid).matches("CA[0-9a-f]{32}");
        List<InteractionEvent> events = produced(bootstrap, callSid, 7);
        assertThat(events).extracting(InteractionEvent::type).containsExactly(Kind.STARTED, Kind.STARTED,
                Kind.ATTRIBUTES_SET, Kind.STARTED, Kind.ATTRIBUTES_SET, Kind.QUEUED, Kind.CONNECTED);
        assertThat(events.get(0).ani()).isEqualTo("7204276664");
        assertThat(events.get(0).dnis()).isEqualTo("8005551234");
        assertThat(events.get(2).attributes()).isEqualTo(Map.of("Reason", "billing \"late\" & more"));
        assertThat(events.get(4).attributes()).isEqualTo(Map.of("Name", "Zoë"));
        assertThat(events.get(6).agent().id()).isEqualTo("alex");
    }

    @Test
    void viaAmazonConnectOneFlowEventStartsQueuesAndSetsTheAttributes() throws Exception {
        String contactId = call("connect");
        List<InteractionEvent> events = produced(bootstrap, contactId, 4);
        assertThat(events).extracting(InteractionEvent::type)
                .containsExactly(Kind.STARTED, Kind.ATTRIBUTES_SET, Kind.QUEUED, Kind.CONNECTED);
        assertThat(events.get(0).ani()).isEqualTo("7204276664");
        assertThat(events.get(0).attributes()).isEqualTo(Map.of("Reason", "billing \"late\" & more", "Name", "Zoë"));
        assertThat(events.get(2).queue().name()).isEqualTo("Billing");
    }

    @Test
    void viaGenesysCloudTheDetailEventsStartQueueAndConnectToTheKnownAgent() throws Exception {
        String conversationId = call("genesys");
        List<InteractionEvent> events = produced(bootstrap, conversationId, 3);
        assertThat(events).extracting(InteractionEvent::type)
                .containsExactly(Kind.STARTED, Kind.QUEUED, Kind.CONNECTED);
        assertThat(events.get(0).ani()).isEqualTo("7204276664");
        assertThat(events.get(0).dnis()).isEqualTo("8005551234");
        assertThat(events.get(1).queue().id()).isEqualTo("Billing");
        assertThat(events.get(2).agent()).isEqualTo(new InteractionEvent.AgentRef("alex", "Alex Agent", null));
    }
}
