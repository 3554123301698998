package dev.rapport.action.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.actions.ActionViews.ActionInput;
import dev.rapport.action.actions.ActionViews.UpdateDraft;
import dev.rapport.action.support.LoopbackResource;
import dev.rapport.testkit.DraftSchemeContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The shared draft-and-versions scheme, run against data actions: the draft's text is the description of the input
 * schema; the revision is Genesys's draft {@code version}.
 */
@QuarkusTest
@WithTestResource(value = LoopbackResource.class, initArgs = @ResourceArg(name = "database", value = "action"))
class ActionDraftSchemeTest extends DraftSchemeContract {
    @Inject
    ActionService actions;

    private String integrationId;
    private JsonNode workshop;

    private ObjectNode contract(String text) {
        ObjectNode contract = workshop.get("contract").deepCopy();
        ((ObjectNode) contract.at("/input/inputSchema")).put("description", text);
        return contract;
    }

    private static String text(JsonNode contract) {
        return contract.at("/input/inputSchema/description").asText();
    }

    @Override
    protected String create(String text) {
        if (integrationId == null) {
            integrationId = ActionApiTest.integration("purecloud-data-actions", "Draft scheme " + UUID.randomUUID());
            try {
                workshop = ActionApiTest.JSON.readTree(ActionApiTest.FIXTURES.resolve(ActionApiTest.WORKSHOP).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return actions.createDraft(new ActionInput("Draft scheme " + UUID.randomUUID(), null, integrationId,
                (ObjectNode) workshop.get("config").deepCopy(), contract(text), false)).id();
    }

    @Override
    protected void save(String id, String text, long read) {
        actions.updateDraft(id, new UpdateDraft(null, null, null, contract(text), null, (int) read));
    }

    @Override
    protected int publish(String id) {
        return actions.publishDraft(id, null).version();
    }

    @Override
    protected void restore(String id, int number, long read) {
        actions.restore(id, number, (int) read);
    }

    // reads in a transaction of their own: outside one, the test's session would answer from what it read before
    @Override
    protected Document read(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DataAction action = actions.find(id);
            String draft = action.draft == null ? null : text(ActionService.parse(action.draft).get("contract"));
            return new Document(draft, action.draftRevision, action.currentVersion);
        });
    }

    @Override
    protected String version(String id, int number) {
        return QuarkusTransaction.requiringNew().call(() -> text(actions.get(id, number).contract()));
    }

    @Override
    protected List<Integer> versions(String id) {
        return QuarkusTransaction.requiringNew().call(() -> DataActionVersion.<DataActionVersion>list(
                "key.actionId = ?1 order by key.version", id).stream().map(DataActionVersion::number).toList());
    }
}
