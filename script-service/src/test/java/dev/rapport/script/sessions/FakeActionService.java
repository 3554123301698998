package dev.rapport.script.sessions;

import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.ActionResult;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Plays action-service on the real broker for script-service's tests: reads 'action-requests', answers on
 * 'action-results' as {@code answer} says (null: never answers). The real action-service is exercised in e2e-tests.
 */
final class FakeActionService extends KafkaStandIn {
    final List<ActionRequest> received;

    FakeActionService(String bootstrap, Function<ActionRequest, ActionResult> answer) {
        this(bootstrap, answer, new CopyOnWriteArrayList<>());
    }

    private FakeActionService(String bootstrap, Function<ActionRequest, ActionResult> answer,
                              List<ActionRequest> received) {
        super(bootstrap, "fake-action-service", Topics.ACTION_REQUESTS, record -> {
            ActionRequest request = EventJson.read(record.value(), ActionRequest.class);
            received.add(request);
            ActionResult result = answer.apply(request);
            return result == null ? null : KafkaCloudEvents.toRecord(Topics.ACTION_RESULTS, new CloudEvent(
                    UUID.randomUUID().toString(), EventTypes.ACTION_COMPLETED, "/test/action-service",
                    request.interactionId(), Instant.now(), EventJson.write(result)), null);
        });
        this.received = received;
    }

    static ActionResult success(ActionRequest request, Map<String, Object> outputs) {
        return new ActionResult(request.requestId(), request.interactionId(), request.actionId(), true, outputs, null, 5);
    }
}
