package dev.rapport.script.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.script.flows.FlowDefinition.CallDataAction;
import dev.rapport.script.flows.FlowDefinition.Case;
import dev.rapport.script.flows.FlowDefinition.Decision;
import dev.rapport.script.flows.FlowDefinition.Disconnect;
import dev.rapport.script.flows.FlowDefinition.EvaluateScheduleGroup;
import dev.rapport.script.flows.FlowDefinition.RequestCallback;
import dev.rapport.script.flows.FlowDefinition.SetParticipantData;
import dev.rapport.script.flows.FlowDefinition.SetVariable;
import dev.rapport.script.flows.FlowDefinition.Step;
import dev.rapport.script.flows.FlowDefinition.Switch;
import dev.rapport.script.flows.FlowDefinition.TransferToAcd;
import dev.rapport.script.flows.FlowDefinition.TransferToNumber;
import dev.rapport.script.flows.FlowDefinition.TransferToQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each flow logic step and each of its branches, on a runner whose effects are recorded. */
class FlowRunnerTest {
    private final Map<String, Object> call = new LinkedHashMap<>(Map.of("Call.Ani", "+13175550100",
            "Call.Dnis", "8005550100", "Call.Attributes.Services", "Insurance|Childcare"));
    private final Map<String, Object> flowVariables = new LinkedHashMap<>();
    private final List<String> did = new ArrayList<>();
    private final List<String> timeline = new ArrayList<>();
    private FlowRunner.ScheduleState schedule = FlowRunner.ScheduleState.OPEN;

    private final FlowRunner.Effects effects = new FlowRunner.Effects() {
        @Override
        public void lookup(List<String> path, String tableId, String key) {
            did.add("lookup " + path + " " + key);
        }

        @Override
        public void screenPop(String scriptId, Map<String, String> templates, Map<String, String> inputs) {
            did.add("screenPop " + scriptId + " " + inputs);
        }

        @Override
        public void setAttributes(Map<String, String> attributes) {
            did.add("attributes " + attributes);
        }

        @Override
        public void transfer(String queueId, String queueName, boolean wrapupRequired) {
            did.add("queue " + queueId);
        }

        @Override
        public void record(String kind, String summary) {
            timeline.add(kind + ": " + summary);
        }

        @Override
        public void setVariable(String name, Object value) {
            flowVariables.put(name, value);
        }

        @Override
        public void callDataAction(List<String> path, String actionId, Map<String, Object> inputs, int timeout) {
            did.add("action " + path + " " + actionId + " " + inputs + " " + timeout + "s");
        }

        @Override
        public void disconnect() {
            did.add("disconnect");
        }

        @Override
        public void transferToNumber(String number) {
            did.add("number " + number);
        }

        @Override
        public void requestCallback(String number, String queueId, String queueName) {
            did.add("callback " + number + " " + queueId);
        }

        @Override
        public void transferToAcd(List<String> path, String queueId, String queueName, int priority,
                                  List<String> skills, String languageId) {
            did.add("acd " + path + " " + queueId + " p" + priority + " " + skills + " " + languageId);
        }

        @Override
        public FlowRunner.ScheduleState schedule(String scheduleGroupId) {
            did.add("schedule " + scheduleGroupId);
            return schedule;
        }
    };

    private FlowRunner runner(Step... steps) {
        return new FlowRunner(new FlowDefinition("f", null, null, List.of(steps)), name -> name.startsWith("Flow.")
                ? flowVariables.get(name.substring(5)) : call.get(name), effects);
    }

    private static Step queue(String id) {
        return new TransferToQueue(id, id);
    }

    @Test
    void aDecisionTakesYesOrNoAndNamesWhatItDecided() {
        Decision insurance = new Decision("Services contains Insurance",
                "contains({{Call.Attributes.Services}}, \"Insurance\")", List.of(queue("insurance")),
                List.of(queue("general")));
        assertThat(runner(insurance, queue("after")).start()).isTrue();
        assertThat(did).containsExactly("queue insurance", "queue after");
        assertThat(timeline).containsExactly("flow.decision: Decision 'Services contains Insurance': yes");

        call.put("Call.Attributes.Services", "Childcare");
        did.clear();
        timeline.clear();
        runner(insurance).start();
        assertThat(did).containsExactly("queue general");
        assertThat(timeline).containsExactly("flow.decision: Decision 'Services contains Insurance': no");
    }

    @Test
    void aSwitchTakesTheFirstTrueCaseElseItsDefault() {
        Switch sw = new Switch("Language", List.of(
                new Case("{{Call.Dnis}} == \"8005550199\"", List.of(queue("spanish"))),
                new Case("substring({{Call.Ani}}, 0, 2) == \"+1\"", List.of(queue("us"))),
                new Case("true", List.of(queue("never")))), List.of(queue("other")));
        runner(sw).start();
        assertThat(did).containsExactly("queue us");
        assertThat(timeline).containsExactly("flow.switch: Switch 'Language': case 2 (substring({{Call.Ani}}, 0, 2)"
                + " == \"+1\")");

        Switch none = new Switch(null, List.of(new Case("false", List.of(queue("never")))), List.of(queue("other")));
        did.clear();
        runner(none).start();
        assertThat(did).containsExactly("queue other");
    }

    @Test
    void setVariableAndSetParticipantDataFromExpressions() {
        runner(new SetVariable("Services", "split({{Call.Attributes.Services}}, \"|\")"),
                new SetVariable("Count", "count({{Flow.Services}})"),
                new SetParticipantData(Map.of("Caller", "{{Call.Ani}}"),
                        Map.of("Service Count", "toString({{Flow.Count}})", "Number", "e164(\"tel:+1 317-555-0100\")")))
                .start();
        assertThat(flowVariables).containsEntry("Services", List.of("Insurance", "Childcare")).containsEntry("Count",
                2.0);
        assertThat(did).hasSize(1);
        assertThat(did.get(0)).contains("Caller=+13175550100", "Service Count=2", "Number=+13175550100");
        assertThat(timeline).contains("flow.setVariable: Set Flow.Count = 2");
    }

    @Test
    void aDataActionCallWaitsAndResumesOnEachBranchThenGoesOnAfterIt() {
        CallDataAction check = new CallDataAction("crm-case", Map.of("phone", "{{Call.Ani}}"), Map.of("Priority",
                "priority"), null, List.of(queue("success")), List.of(queue("failure")), List.of(queue("timeout")));
        Step[] flow = {new Decision(null, "true", List.of(check, queue("after-action")), List.of()),
                queue("after-decision")};

        assertThat(runner(flow).start()).isFalse();
        assertThat(did).containsExactly("action [0, yes, 0] crm-case {phone=+13175550100} 10s");

        for (String branch : List.of("success", "failure", "timeout")) {
            did.clear();
            assertThat(runner(flow).resume(List.of("0", "yes", "0"), branch)).isTrue();
            assertThat(did).containsExactly("queue " + branch, "queue after-action", "queue after-decision");
        }
    }

    @Test
    void disconnectAndTransferToNumberEndTheFlowACallbackDoesNot() {
        assertThat(runner(new RequestCallback(null, "callbacks", "Callbacks"), new Disconnect(), queue("never"))
                .start()).isTrue();
        assertThat(did).containsExactly("callback +13175550100 callbacks", "disconnect");

        did.clear();
        Decision inside = new Decision(null, "true", List.of(new TransferToNumber("\"+1 555 0100\"")), List.of());
        assertThat(runner(inside, queue("never")).start()).isTrue();
        assertThat(did).containsExactly("number +1 555 0100");
        assertThat(timeline).contains("flow.transferToNumber: Transfer to number +1 555 0100: the flow ends");
    }

    @Test
    void transferToAcdWaitsWithItsRoutingAndItsFailurePathRunsOnResume() {
        TransferToAcd acd = new TransferToAcd("insurance", "Insurance", "{{Flow.Priority}} * 10",
                List.of("skill-insurance"), "en-us", List.of(new RequestCallback("{{Call.Ani}}", "cb", null)));
        flowVariables.put("Priority", 3);
        assertThat(runner(acd, queue("after")).start()).isFalse();
        assertThat(did).containsExactly("acd [0] insurance p30 [skill-insurance] en-us");
        assertThat(timeline).containsExactly("flow.transferToAcd: Transfer to ACD queue Insurance (priority 30,"
                + " skills [skill-insurance], language en-us)");

        did.clear();
        assertThat(runner(acd, queue("after")).resume(List.of("0"), "failure")).isTrue();
        assertThat(did).containsExactly("callback +13175550100 cb", "queue after");
    }

    @Test
    void aScheduleGroupPicksOpenClosedOrHoliday() {
        EvaluateScheduleGroup hours = new EvaluateScheduleGroup("g1", List.of(queue("open")), List.of(queue("closed")),
                List.of(queue("holiday")));
        for (FlowRunner.ScheduleState state : FlowRunner.ScheduleState.values()) {
            schedule = state;
            did.clear();
            runner(hours).start();
            assertThat(did).containsExactly("schedule g1", "queue " + state.block());
        }
        assertThat(timeline).contains("flow.schedule: Schedule group g1: holiday");
    }

    @Test
    void anExpressionThatFailsIsOnTheTimelineAndReadsAsNull() {
        runner(new Decision("bad", "noSuchSymbol > 1", List.of(queue("yes")),
                List.of(queue("no")))).start();
        assertThat(did).containsExactly("queue no");
        assertThat(timeline.get(0)).startsWith("flow.expression.failed: Decision bad: ");
    }

    @Test
    void aRunnerRunsABoundedNumberOfSteps() {
        List<Step> many = new ArrayList<>(Collections.nCopies(FlowRunner.MAX_STEPS + 10, new SetVariable("X", "1")));
        many.add(queue("never"));
        assertThat(runner(many.toArray(Step[]::new)).start()).isTrue();
        assertThat(did).isEmpty();
        assertThat(timeline).last().asString().startsWith("flow.stopped:");
    }

    @Test
    void theNewStepsReadAndWriteAsJson() throws Exception {
        String json = """
                {"name":"Workshop","steps":[
                  {"type":"decision","name":"Insurance?","expression":"contains({{Call.Attributes.Services}}, \\"Insurance\\")",
                   "yes":[{"type":"transferToAcd","queueId":"q1","skills":["s1"],"failure":[{"type":"disconnect"}]}],
                   "no":[{"type":"switch","cases":[{"expression":"true","steps":[{"type":"setVariable","name":"X","expression":"1"}]}],
                          "default":[{"type":"evaluateScheduleGroup","scheduleGroupId":"g","open":[],"closed":[{"type":"requestCallback"}]}]}]},
                  {"type":"callDataAction","actionId":"a","inputs":{"phone":"{{Call.Ani}}"},"timeoutSeconds":5,
                   "success":[{"type":"transferToNumber","number":"\\"+15550100\\""}]},
                  {"type":"setParticipantData","expressions":{"A":"1 + 1"}}]}
                """;
        ObjectMapper mapper = new ObjectMapper();
        FlowDefinition flow = mapper.readValue(json, FlowDefinition.class);
        assertThat(mapper.readValue(mapper.writeValueAsString(flow), FlowDefinition.class)).isEqualTo(flow);
        Switch sw = (Switch) ((Decision) flow.steps().get(0)).no().get(0);
        assertThat(sw.otherwise()).hasSize(1);
        assertThat(((CallDataAction) flow.steps().get(1)).timeoutOrDefault()).isEqualTo(5);
    }
}
