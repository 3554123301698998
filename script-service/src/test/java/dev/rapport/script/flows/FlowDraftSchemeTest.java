package dev.rapport.script.flows;

import dev.rapport.testkit.DraftSchemeContract;
import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** The shared draft-and-versions scheme, run against inbound flows (the draft's text is the flow's description). */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class FlowDraftSchemeTest extends DraftSchemeContract {

    @Inject
    FlowService flows;

    /** A flow that takes no interaction (not the default, no DNIS, no queue), so publishing it routes nothing. */
    private static FlowDefinition flow(String name, String text) {
        return new FlowDefinition(name, text, new FlowDefinition.Match(List.of(), List.of(), false),
                List.of(new FlowDefinition.TransferToQueue("queue-1", "Queue 1")));
    }

    @Override
    protected String create(String text) {
        return flows.create(flow("Draft scheme " + UUID.randomUUID(), text)).id().toString();
    }

    @Override
    protected void save(String id, String text, long read) {
        flows.updateDraft(UUID.fromString(id), flow(flows.get(UUID.fromString(id)).name(), text), "\"" + read + "\"");
    }

    @Override
    protected int publish(String id) {
        return flows.publish(UUID.fromString(id), "ada").version();
    }

    @Override
    protected void restore(String id, int number, long read) {
        flows.restore(UUID.fromString(id), number, "\"" + read + "\"");
    }

    // reads in a transaction of their own: outside one, the test's session would answer from what it read before
    @Override
    protected Document read(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FlowService.Flow flow = flows.get(UUID.fromString(id));
            return new Document(flow.draft().description(), flow.draftRevision(), flow.currentVersion());
        });
    }

    @Override
    protected String version(String id, int number) {
        return QuarkusTransaction.requiringNew().call(() -> flows.published(UUID.fromString(id), number).description());
    }

    @Override
    protected List<Integer> versions(String id) {
        return QuarkusTransaction.requiringNew().call(() ->
                flows.versions(UUID.fromString(id)).stream().map(FlowService.Published::version).toList());
    }
}
