package dev.rapport.script.scripts;

import dev.rapport.contract.GenesysError;
import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.platform.drafts.DraftRevisions;
import dev.rapport.platform.drafts.DraftsAndVersions;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import dev.rapport.script.engine.Builtins;
import dev.rapport.script.engine.ScriptEngine;
import dev.rapport.script.engine.ScriptEngineException;
import dev.rapport.script.engine.SessionModel;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.ScriptVersion;
import dev.rapport.script.scripts.ScriptViews.Script;
import dev.rapport.script.validation.Problem;
import dev.rapport.script.validation.ScriptValidator;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Drafts, publishing, versions and previews of scripts. */
@ApplicationScoped
public class ScriptService {
    private static final DraftsAndVersions<ScriptEntity, ScriptVersionEntity> DRAFTS =
            new DraftsAndVersions<>(ScriptVersionEntity.class, "key.scriptId", "key.version");
    private final ScriptEngine engine = new ScriptEngine();
    private final PublishedDataActions dataActions;
    private final ScriptUsers users;

    ScriptService(PublishedDataActions dataActions, ScriptUsers users) {
        this.dataActions = dataActions;
        this.users = users;
    }

    public EntityListing.Page<Script> list(Paging paging, String name) {
        var query = name == null || name.isBlank()
                ? ScriptEntity.<ScriptEntity>findAll(Sort.by("name"))
                : ScriptEntity.<ScriptEntity>find("lower(name) like ?1", Sort.by("name"), "%" + name.toLowerCase(Locale.ROOT) + "%");
        List<Script> entities = query.page(Page.of(paging.pageNumber() - 1, paging.pageSize())).list().stream()
                .map(s -> view(s, false)).toList();
        return new EntityListing.Page<>(entities, query.count());
    }

    @Transactional
    public Script create(ScriptDefinition definition) {
        requireUniqueName(definition.name(), null);
        ScriptEntity s = new ScriptEntity();
        s.id = UUID.randomUUID();
        s.createdAt = Instant.now();
        s.draftRevision = 1;
        s.draft = ScriptFormat.write(definition);
        apply(s, definition);
        s.persist();
        return view(s, true);
    }

    public Script get(String id) {
        return view(find(id), true);
    }

    @Transactional
    public Script updateDraft(String id, ScriptDefinition definition) {
        return updateDraft(id, definition, null);
    }

    /**
     * Saves the draft and increments its revision.
     *
     * @param ifMatch the revision the caller last read (If-Match); null saves whatever is stored (no check)
     */
    @Transactional
    public Script updateDraft(String id, ScriptDefinition definition, String ifMatch) {
        ScriptEntity s = find(id, LockModeType.PESSIMISTIC_WRITE);
        DRAFTS.save(s, ScriptFormat.write(definition), DraftRevisions.ifMatch(ifMatch, "The script '" + s.name + "'"));
        requireUniqueName(definition.name(), s.id);
        apply(s, definition);
        return view(s, true);
    }

    /** Copies a published version into the draft: a save, so it counts and {@code ifMatch} is checked. */
    @Transactional
    public Script restore(String id, int number, String ifMatch) {
        ScriptEntity s = find(id, LockModeType.PESSIMISTIC_WRITE);
        ScriptVersionEntity v = findVersion(s, number);
        DRAFTS.restore(s, v, DraftRevisions.ifMatch(ifMatch, "The script '" + s.name + "'"));
        s.modifiedAt = Instant.now();
        return view(s, true);
    }

    @Transactional
    public void delete(String id) {
        ScriptEntity script = find(id);
        List<String> users = this.users.of(script.id.toString());
        if (!users.isEmpty()) {
            throw new Conflict("The script '" + script.name + "' is shown by the published inbound flow(s) "
                    + String.join(", ", users) + ": change those flows first");
        }
        script.delete();
    }

    public List<Problem> validate(String id) {
        return ScriptValidator.validate(ScriptFormat.read(find(id).draft));
    }

    @Transactional
    public ScriptViews.Version publish(String id, String by) {
        return publish(id, by, null);
    }

    /** @param authorization the publisher's token, with which the script's data actions are checked */
    @Transactional
    public ScriptViews.Version publish(String id, String by, String authorization) {
        ScriptEntity s = find(id);
        ScriptDefinition draft = ScriptFormat.read(s.draft);
        List<Problem> problems = new java.util.ArrayList<>(ScriptValidator.validate(draft));
        problems.addAll(dataActions.check(draft, authorization));
        if (!problems.isEmpty()) {
            throw new InvalidInput("The script cannot be published: " + problems.size() + " problem(s), first: "
                    + problems.get(0).where() + ": " + problems.get(0).message(),
                    problems.stream().map(p -> new GenesysError.Detail(p.code(), p.where(), p.message())).toList());
        }
        ScriptVersionEntity v = DRAFTS.publish(s, number -> {
            ScriptVersionEntity next = new ScriptVersionEntity();
            next.key = new ScriptVersionEntity.Key(s.id, number);
            next.definition = s.draft;
            next.publishedAt = Instant.now();
            next.publishedBy = by;
            return next;
        });
        s.modifiedAt = v.publishedAt;
        return version(v, s.currentVersion);
    }

    public List<ScriptViews.Version> versions(String id) {
        ScriptEntity s = find(id);
        return DRAFTS.versions(s).stream()
                .map(v -> version(v, s.currentVersion)).toList();
    }

    public ScriptViews.VersionDetail version(String id, int number) {
        ScriptEntity s = find(id);
        ScriptVersionEntity v = findVersion(s, number);
        return new ScriptViews.VersionDetail(version(v, s.currentVersion), ScriptFormat.read(v.definition));
    }

    @Transactional
    public ScriptViews.Version makeCurrent(String id, int number) {
        ScriptEntity s = find(id);
        ScriptVersionEntity v = findVersion(s, number);
        DRAFTS.makeCurrent(s, v);
        s.modifiedAt = Instant.now();
        return version(v, number);
    }

    /** {@code from} and {@code to} are version numbers or "draft". */
    public ScriptViews.Diff diff(String id, String from, String to) {
        ScriptEntity s = find(id);
        var changes = ScriptDiff.between(definition(s, from, "from"), definition(s, to, "to"));
        return new ScriptViews.Diff(from, to, changes, ScriptDiff.text(changes));
    }

    public ScriptViews.Export export(String id, Integer number) {
        ScriptEntity s = find(id);
        ScriptDefinition d = number == null ? ScriptFormat.read(s.draft) : ScriptFormat.read(findVersion(s, number).definition);
        return new ScriptViews.Export("rapport-script", 1, s.id.toString(), number, d);
    }

    /** The draft (number null, numbered 0) or a published version, for a preview. */
    public ScriptVersion versionOf(String id, Integer number) {
        ScriptEntity s = find(id);
        ScriptDefinition d = number == null ? ScriptFormat.read(s.draft) : ScriptFormat.read(findVersion(s, number).definition);
        return new ScriptVersion(s.id.toString(), number == null ? 0 : number, d);
    }

    /** Opens the draft (or a version) without an interaction and renders every page. */
    public ScriptViews.Preview preview(String id, ScriptViews.PreviewRequest request) {
        ScriptEntity s = find(id);
        Integer number = request == null ? null : request.version();
        ScriptDefinition d = number == null ? ScriptFormat.read(s.draft) : ScriptFormat.read(findVersion(s, number).definition);
        ScriptVersion version = new ScriptVersion(s.id.toString(), number == null ? 0 : number, d);
        try {
            Builtins builtins = new Builtins(request == null ? null : request.builtins());
            SessionModel session = engine.open(version, request == null ? Map.of() : request.inputs(), builtins);
            return new ScriptViews.Preview(s.id.toString(), number == null ? "draft" : number.toString(),
                    session.currentPageId(), session.values(), session.errors(), engine.renderAll(session));
        } catch (ScriptEngineException | IllegalArgumentException e) {
            throw InvalidInput.field("inputs", e.getMessage());
        }
    }

    private ScriptDefinition definition(ScriptEntity s, String which, String field) {
        if ("draft".equals(which)) {
            return ScriptFormat.read(s.draft);
        }
        try {
            return ScriptFormat.read(findVersion(s, Integer.parseInt(which)).definition);
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, "'" + which + "' is neither a version number nor 'draft'");
        }
    }

    private static void apply(ScriptEntity s, ScriptDefinition d) {
        s.name = d.name();
        s.description = d.description();
        s.modifiedAt = Instant.now();
    }

    private static void requireUniqueName(String name, UUID self) {
        ScriptEntity other = ScriptEntity.find("lower(name) = ?1", name.toLowerCase(Locale.ROOT)).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw new Conflict("A script named '" + name + "' already exists");
        }
    }

    public static ScriptEntity find(String id) {
        return find(id, LockModeType.NONE);
    }

    private static ScriptEntity find(String id, LockModeType lock) {
        ScriptEntity s = null;
        try {
            s = ScriptEntity.findById(UUID.fromString(id), lock);
        } catch (IllegalArgumentException ignored) {
            // not a UUID: not found either
        }
        if (s == null) {
            throw new NotFound("Script " + id + " not found");
        }
        return s;
    }

    private static ScriptVersionEntity findVersion(ScriptEntity s, int number) {
        return DRAFTS.version(s, number)
                .orElseThrow(() -> new NotFound("Script " + s.id + " has no published version " + number));
    }

    private static ScriptViews.Version version(ScriptVersionEntity v, Integer current) {
        return new ScriptViews.Version(v.key.scriptId().toString(), v.key.version(),
                current != null && current == v.key.version(), v.publishedAt, v.publishedBy);
    }

    static Script view(ScriptEntity s, boolean withDraft) {
        return new Script(s.id.toString(), s.name, s.description, s.currentVersion, s.createdAt, s.modifiedAt,
                withDraft ? ScriptFormat.read(s.draft) : null, s.draftRevision, "/api/v2/scripts/" + s.id);
    }
}
