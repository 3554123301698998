package dev.rapport.script.scripts;

import dev.rapport.contract.Roles;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.testkit.DraftSchemeContract;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** The shared draft-and-versions scheme, run against scripts (the draft's text is the script's description). */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class ScriptDraftSchemeTest extends DraftSchemeContract {
    private static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);

    @Inject
    ScriptService scripts;

    private static ScriptDefinition script(String name, String text) {
        return ScriptFormat.read(ScriptApiTest.workshopJson(name).put("description", text));
    }

    @Override
    protected String create(String text) {
        return scripts.create(script("Draft scheme " + UUID.randomUUID(), text)).id();
    }

    @Override
    protected void save(String id, String text, long read) {
        scripts.updateDraft(id, script(scripts.get(id).name(), text), "\"" + read + "\"");
    }

    @Override
    protected int publish(String id) {
        return scripts.publish(id, "ada", ADMIN).version();
    }

    @Override
    protected void restore(String id, int number, long read) {
        scripts.restore(id, number, "\"" + read + "\"");
    }

    @Override
    protected Document read(String id) {
        // in a transaction of its own: outside one, the test's session would answer from what it read before
        return QuarkusTransaction.requiringNew().call(() -> {
            ScriptViews.Script script = scripts.get(id);
            return new Document(script.draft().description(), script.draftRevision(), script.currentVersion());
        });
    }

    @Override
    protected String version(String id, int number) {
        return QuarkusTransaction.requiringNew().call(() -> scripts.version(id, number).definition().description());
    }

    @Override
    protected List<Integer> versions(String id) {
        return QuarkusTransaction.requiringNew().call(() ->
                scripts.versions(id).stream().map(ScriptViews.Version::version).toList());
    }
}
