package dev.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.TopicProbe;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's "Genesys's own data actions run against Rapport's interactions", with the real processes: each public
 * Genesys export of {@code fixtures/genesys/data-actions/} whose relative URL is a path of the Conversations API
 * that Rapport serves is imported unchanged into action-service as the admin would, and executed with the id of a
 * live call placed through the IVR ingest (or of a callback one of them asked for). Each output is what the export's
 * translation makes of Rapport's answer, and each effect is checked where it lands: the tag in the conversation, the
 * disconnect on 'interaction-commands' answered by the gateway's telephony simulator and the call ended, the
 * callback asked of the telephony side and readable as a conversation, participant data on the agent's session; and
 * the two exports of the routing API (a waiting call's priority, a queue's agents by status) on built-in queues.
 */
class ConversationsFixturesIT {
    private static final Path FIXTURES = RapportSystem.ROOT.resolve("fixtures/genesys/data-actions");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RapportSystem system;
    private static String admin;
    private static String alex;
    private static String integrationId;

    @BeforeAll
    static void start() throws Exception {
        system = RapportSystem.shared();
        admin = system.token("password", "admin", "admin");
        alex = system.token("password", "alex", "alex");
        integrationId = api("POST", "/api/v2/integrations", Map.of("name", "Genesys conversations " + suffix(),
                "integrationType", Map.of("id", "purecloud-data-actions"))).path("id").asText();
    }

    @Test
    void readingTheConversationOfALiveCall() throws Exception {
        String call = system.call("7204276664", "alex", null);
        awaitConnected(call);

        // merge-ephemeral-message-to-external-contact: the customer's external contact (Rapport has none)
        JsonNode contact = execute("merge-ephemeral-message-to-external-contact-blueprint__"
                + "GetExternalContactIdForCustomerParticipantV2DataAction.json", Map.of("conversationId", call));
        assertThat(contact).isEqualTo(JSON.readTree(
                "{\"externalContactId_external\":\"\",\"externalContactId_customer\":\"\"}"));

        // callback-prioritization's state of a voice call: its customer has no callback leg, the export's default
        assertThat(execute("callback-prioritization__Get-Interaction-State.custom.json",
                Map.of("conversationId", call))).isEqualTo(JSON.readTree("{\"state\":\"disconnected\"}"));

        // what the exports read is there: the customer's number and the agent
        JsonNode conversation = system.get("/api/v2/conversations/" + call, admin);
        assertThat(participant(conversation, "customer").path("ani").asText()).isEqualTo("tel:7204276664");
        assertThat(participant(conversation, "agent").path("userId").asText()).isEqualTo("alex");
    }

    @Test
    void taggingALiveCall() throws Exception {
        String call = system.call("7204276665", "alex", null);
        awaitConnected(call);

        // terminate-voice-calls-with-no-queue: the tag is the conversation's
        assertThat(execute("terminate-voice-calls-with-no-queue__Put-Conversation-Tag.custom.json",
                Map.of("conversationId", call, "externalTagName", "no-queue"))).isEqualTo(JSON.createObjectNode());
        assertThat(system.get("/api/v2/conversations/" + call, admin).path("externalTag").asText())
                .isEqualTo("no-queue");

        // negative-sentiment-callback: ${INPUT.ConversationID} in the URL, the raw input as the body
        assertThat(execute("negative-sentiment-callback__Update-External-Tag.custom.json",
                Map.of("ConversationID", call, "externalTag", "negative-sentiment")))
                .isEqualTo(JSON.createObjectNode());
        assertThat(system.get("/api/v2/conversations/" + call, alex).path("externalTag").asText())
                .isEqualTo("negative-sentiment");
    }

    @Test
    void disconnectingLiveCalls() throws Exception {
        for (String fixture : List.of("terminate-voice-calls-with-no-queue__Disconnect-Voice-Call.custom.json",
                "ani-blacklist__Disconnect-Interaction.json")) {
            String call = system.call("7204276666", "alex", null);
            awaitConnected(call);

            assertThat(execute(fixture, Map.of("conversationId", call))).as(fixture)
                    .isEqualTo(JSON.createObjectNode());

            InteractionCommand disconnect = command(call, InteractionCommand.Kind.DISCONNECT);
            assertThat(disconnect.agentId()).as("a service asked, for no agent").isNull();
            assertThat(answerTo(disconnect).type()).isEqualTo(InteractionEvent.Kind.ENDED);
            system.awaitSession(call, alex, s -> "ended".equals(s.path("state").asText()));
            JsonNode conversation = system.get("/api/v2/conversations/" + call, admin);
            assertThat(participant(conversation, "customer").path("calls").get(0).path("state").asText())
                    .isEqualTo("disconnected");
            assertThat(conversation.path("endTime").asText()).isNotBlank();
        }
    }

    @Test
    void schedulingCallbacksAndReadingThemBack() throws Exception {
        // automatic-offer-callback-for-disconnected-call: as soon as possible, to a queue
        JsonNode offered = execute("automatic-offer-callback-for-disconnected-call__Create-Callback.json",
                Map.of("callbackNumber", "+13175550100", "queueId", "callbacks"));
        String asap = offered.path("conversation").path("id").asText();
        assertThat(asap).isNotBlank();
        assertThat(offered.path("callbackIdentifiers").get(0).path("id").asText()).isEqualTo(asap);
        InteractionCommand first = command(asap, InteractionCommand.Kind.SCHEDULE_CALLBACK);
        assertThat(first.callback().number()).isEqualTo("+13175550100");
        assertThat(answerTo(first).type()).isEqualTo(InteractionEvent.Kind.CALLBACK_SCHEDULED);

        // negative-sentiment-callback: at a time, with an empty scriptId ($!{input.scriptId})
        String at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS).toString();
        JsonNode scheduled = execute("negative-sentiment-callback__Create-Scheduled-Callback.custom.json",
                Map.of("phone", "+13175550101", "queueId", "callbacks", "dateTime", at));
        String later = scheduled.path("conversation").path("id").asText();
        InteractionCommand second = command(later, InteractionCommand.Kind.SCHEDULE_CALLBACK);
        assertThat(second.callback()).isEqualTo(new InteractionCommand.Callback("+13175550101", Instant.parse(at)));
        assertThat(answerTo(second).type()).isEqualTo(InteractionEvent.Kind.CALLBACK_SCHEDULED);

        // callback-prioritization reads both back: the callback leg's state, the ACD participant's priority
        for (String callback : List.of(asap, later)) {
            assertThat(execute("callback-prioritization__Get-Interaction-State.custom.json",
                    Map.of("conversationId", callback))).isEqualTo(JSON.readTree("{\"state\":\"scheduled\"}"));
            assertThat(execute("callback-prioritization__Get-Callback-Priority.custom.json",
                    Map.of("conversationId", callback))).isEqualTo(JSON.readTree("{\"priority\":0}"));
        }
        JsonNode callback = system.get("/api/v2/conversations/callbacks/" + later, admin);
        assertThat(participant(callback, "customer").path("callbackScheduledTime").asText())
                .isEqualTo(Instant.parse(at).toString());
        assertThat(participant(callback, "acd").path("queue").path("id").asText()).isEqualTo("callbacks");
    }

    /**
     * The two routing exports, on Rapport's built-in queues: callback-prioritization sets the priority of a call
     * waiting in a queue nobody answers, and design-architect-flow-data-actions-for-resiliency counts the agents on
     * a queue by status (alex, Available, is its one member).
     */
    @Test
    void prioritisingAWaitingCallAndCountingAQueuesAgents() throws Exception {
        String unanswered = api("POST", "/api/v2/routing/queues", Map.of("name", "Fixtures waiting " + suffix()))
                .path("id").asText();
        String ivr = system.token("client_credentials", "ivr", "ivr-secret");
        String call = UUID.randomUUID().toString();
        system.post("/api/v2/interactions/events", ivr, Map.of("id", UUID.randomUUID().toString(), "type", "started",
                "interactionId", call, "ani", "7204276668", "dnis", "8005550142"));
        system.post("/api/v2/interactions/events", ivr, Map.of("id", UUID.randomUUID().toString(), "type", "queued",
                "interactionId", call, "queue", Map.of("id", unanswered)));
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> system.send("PATCH",
                "/api/v2/routing/conversations/" + call, admin, Map.of("priority", 1), Map.of()).statusCode() == 200);

        assertThat(execute("callback-prioritization__Update-Callback-Priority.custom.json",
                Map.of("conversationId", call, "priority", 7))).isEqualTo(JSON.readTree("{\"priority\":7}"));

        String staffed = api("POST", "/api/v2/routing/queues", Map.of("name", "Fixtures staffed " + suffix()))
                .path("id").asText();
        api("POST", "/api/v2/routing/queues/" + staffed + "/members", List.of(Map.of("id", "alex")));
        HttpResponse<String> idle = system.send("PUT", "/api/v2/users/alex/routingstatus", alex,
                Map.of("status", "IDLE"), Map.of());
        assertThat(idle.statusCode()).as(idle.body()).isEqualTo(200);
        try {
            assertThat(execute("design-architect-flow-data-actions-for-resiliency__Get-On-Queue-Agent-Counts.json",
                    Map.of("queueId", staffed)))
                    .isEqualTo(JSON.readTree("{\"counts\":[1],\"statuses\":[\"IDLE\"]}"));
        } finally {
            system.send("PUT", "/api/v2/users/alex/routingstatus", alex, Map.of("status", "OFF_QUEUE"), Map.of());
        }
    }

    /**
     * No public export patches participant data, so this one is written here in Genesys's format, as a flow's "Set
     * Participant Data" would be by an admin: what it sets reaches the agent's session through the session core.
     */
    @Test
    void settingParticipantDataReachesTheAgentsSession() throws Exception {
        String call = system.call("7204276667", "alex", null);
        awaitConnected(call);
        String customer = participant(system.get("/api/v2/conversations/" + call, admin), "customer").path("id")
                .asText();
        JsonNode action = JSON.readTree("""
                {"name": "Set Participant Data", "integrationType": "purecloud-data-actions", "actionType": "custom",
                 "config": {
                   "request": {"requestUrlTemplate":
                     "/api/v2/conversations/${input.conversationId}/participants/${input.participantId}/attributes",
                     "requestType": "PATCH", "headers": {"Content-Type": "application/json"},
                     "requestTemplate": "{\\"attributes\\": {\\"Sentiment\\": \\"${input.sentiment}\\"}}"},
                   "response": {"translationMap": {}, "translationMapDefaults": {}, "successTemplate": "${rawResult}"}},
                 "contract": {
                   "input": {"inputSchema": {"type": "object", "required": ["conversationId", "participantId"],
                     "properties": {"conversationId": {"type": "string"}, "participantId": {"type": "string"},
                                    "sentiment": {"type": "string"}}}},
                   "output": {"successSchema": {"type": "object", "properties": {}, "additionalProperties": true}}},
                 "secure": false}
                """);
        String actionId = importAction(action, "Set Participant Data " + suffix());
        assertThat(executeAction(actionId, Map.of("conversationId", call, "participantId", customer,
                "sentiment", "negative"))).isEqualTo(JSON.createObjectNode());
        JsonNode session = system.awaitSession(call, alex,
                s -> "negative".equals(s.path("attributes").path("Sentiment").asText()));
        assertThat(session.path("state").asText()).isEqualTo("connected");
        assertThat(system.get("/api/v2/interactions/" + call + "/participantdata", admin).path("Sentiment").asText())
                .isEqualTo("negative");
    }

    /**
     * terminate-voice-calls-with-no-queue's check for a leg to an outside number, in the conversation's details
     * (Analytics API): the IVR says the call was transferred to a number, and the export finds that outbound leg.
     */
    @Test
    void findingTheOutsideLegOfACallTransferredToANumber() throws Exception {
        String call = system.call("7204276669", "alex", null);
        awaitConnected(call);
        String ivr = system.token("client_credentials", "ivr", "ivr-secret");
        system.post("/api/v2/interactions/events", ivr, Map.of("id", UUID.randomUUID().toString(),
                "type", "transferred", "interactionId", call, "address", "+13175550123"));
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> system.get("/api/v2/interactions/" + call
                + "/timeline", admin).path("entities").findValuesAsText("kind").contains("interaction.transferred"));

        assertThat(execute("terminate-voice-calls-with-no-queue__Check-Conversation-For-PSTN-Leg.custom.json",
                Map.of("CONVERSATION_ID", call))).isEqualTo(JSON.readTree("{\"externalSegment\":[\"outbound\"]}"));
    }

    // --- data actions -------------------------------------------------------------------------------------------

    /** Imports the export unchanged (published) and executes it with {@code input}: its output. */
    private static JsonNode execute(String fixture, Map<String, Object> input) throws Exception {
        JsonNode file = JSON.readTree(Files.readString(FIXTURES.resolve(fixture)));
        String actionId = importAction(file, file.path("name").asText() + " " + suffix());
        return executeAction(actionId, input);
    }

    private static String importAction(JsonNode file, String name) throws Exception {
        return api("POST", "/api/v2/integrations/actions/import?publish=true&integrationId=" + integrationId
                + "&name=" + RapportSystem.enc(name), file).path("id").asText();
    }

    private static JsonNode executeAction(String actionId, Map<String, Object> input) throws Exception {
        HttpResponse<String> r = system.send("POST", "/api/v2/integrations/actions/" + actionId + "/execute", admin,
                input, Map.of());
        assertThat(r.statusCode()).as("execute " + actionId + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode api(String method, String path, Object body) throws Exception {
        HttpResponse<String> r = system.send(method, path, admin, body, Map.of());
        assertThat(r.statusCode()).as(method + " " + path + " " + r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    // --- the call, the topics -------------------------------------------------------------------------------------

    private static void awaitConnected(String call) {
        system.awaitSession(call, alex, s -> "connected".equals(s.path("state").asText()));
    }

    private static JsonNode participant(JsonNode conversation, String purpose) {
        for (JsonNode p : conversation.path("participants")) {
            if (purpose.equals(p.path("purpose").asText())) {
                return p;
            }
        }
        throw new AssertionError("no " + purpose + " participant in " + conversation);
    }

    private static TopicProbe probe() {
        return new TopicProbe(system.infra.kafka.bootstrapServers());
    }

    /** The one command of {@code kind} on 'interaction-commands' for the conversation. */
    private static InteractionCommand command(String conversationId, InteractionCommand.Kind kind) {
        List<InteractionCommand> found = probe().read(Topics.INTERACTION_COMMANDS,
                        r -> conversationId.equals(r.key()) && parse(r).type() == kind, 1, WAIT, Duration.ofMillis(500))
                .stream().map(ConversationsFixturesIT::parse).toList();
        assertThat(found).as(kind.wireName() + " of " + conversationId + " on interaction-commands").hasSize(1);
        return found.get(0);
    }

    private static InteractionCommand parse(ConsumerRecord<String, String> r) {
        return EventSchemas.INTERACTION_COMMAND.parse(KafkaCloudEvents.fromRecord(r).data(), InteractionCommand.class);
    }

    /** The telephony simulator's answer on 'interactions': the event naming the command's id. */
    private static InteractionEvent answerTo(InteractionCommand command) {
        List<ConsumerRecord<String, String>> answers = probe().read(Topics.INTERACTIONS,
                r -> command.interactionId().equals(r.key()) && r.value().contains(command.commandId()), 1, WAIT,
                Duration.ZERO);
        assertThat(answers).as("the telephony simulator's answer to " + command.type().wireName()).hasSize(1);
        return EventSchemas.INTERACTION_EVENT.parse(KafkaCloudEvents.fromRecord(answers.get(0)).data(),
                InteractionEvent.class);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
