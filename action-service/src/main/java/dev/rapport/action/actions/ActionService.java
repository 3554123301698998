package dev.rapport.action.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.actions.ActionViews.ActionInput;
import dev.rapport.action.actions.ActionViews.ActionView;
import dev.rapport.action.actions.ActionViews.UpdateAction;
import dev.rapport.action.actions.ActionViews.UpdateDraft;
import dev.rapport.action.engine.ActionDefinition;
import dev.rapport.action.integrations.IntegrationService;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.platform.drafts.DraftsAndVersions;
import dev.rapport.platform.drafts.RevisionCheck;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Data actions: drafts and immutable published versions (import and export: {@link ActionFiles}). A published
 * version is never changed; publishing a draft adds the next version, and executions name the version they ran.
 */
@ApplicationScoped
public class ActionService {
    static final String ID_PREFIX = "custom_-_";
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final DraftsAndVersions<DataAction, DataActionVersion> DRAFTS =
            new DraftsAndVersions<>(DataActionVersion.class, "key.actionId", "key.version");

    private final IntegrationService integrations;
    private final ActionDefinitionCheck check;

    ActionService(IntegrationService integrations, ActionDefinitionCheck check) {
        this.integrations = integrations;
        this.check = check;
    }

    /** Genesys's {@code POST /actions}: the action and its version 1, published. */
    @Transactional
    public ActionView create(ActionInput input) {
        DataAction action = newAction(input);
        action.draft = draftOf(input.config(), input.contract(), Boolean.TRUE.equals(input.secure()));
        return view(publish(action));
    }

    /** Genesys's {@code POST /actions/drafts}: the action with a draft only. */
    @Transactional
    public ActionView createDraft(ActionInput input) {
        DataAction action = newAction(input);
        action.draft = draftOf(input.config(), input.contract(), Boolean.TRUE.equals(input.secure()));
        action.draftRevision = 1;
        return draftView(action);
    }

    public EntityListing.Page<ActionView> list(Paging paging, String name, String category) {
        return listing("currentVersion is not null", paging, name, category, a -> view(version(a, null)));
    }

    /** The actions that have a draft, each as its draft. */
    public EntityListing.Page<ActionView> listDrafts(Paging paging, String name, String category) {
        return listing("draft is not null", paging, name, category, this::draftView);
    }

    private EntityListing.Page<ActionView> listing(String filter, Paging paging, String name, String category,
                                                   java.util.function.Function<DataAction, ActionView> view) {
        StringBuilder where = new StringBuilder(filter);
        Map<String, Object> params = new HashMap<>();
        if (name != null && !name.isBlank()) {
            where.append(" and lower(name) like :name");
            params.put("name", name.toLowerCase(java.util.Locale.ROOT).replace('*', '%'));
        }
        if (category != null && !category.isBlank()) {
            where.append(" and category = :category");
            params.put("category", category);
        }
        var query = DataAction.<DataAction>find(where.toString(), Sort.by("name"), params)
                .page(Page.of(paging.pageNumber() - 1, paging.pageSize()));
        return new EntityListing.Page<>(query.list().stream().map(view).toList(), query.count());
    }

    public ActionView get(String id, Integer version) {
        return view(version(find(id), version));
    }

    public ActionView getDraft(String id) {
        DataAction action = find(id);
        if (action.draft == null) {
            throw new NotFound("action " + id + " has no draft");
        }
        return draftView(action);
    }

    @Transactional
    public ActionView update(String id, UpdateAction body) {
        DataAction action = find(id);
        if (action.currentVersion == null) {
            throw new NotFound("action " + id + " is not published; change its draft");
        }
        if (body == null || body.version() == null || !body.version().equals(action.currentVersion)) {
            throw InvalidInput.field("version", "version must be the latest published version, "
                    + action.currentVersion);
        }
        if (body.name() != null) {
            action.name = requireName(body.name());
        }
        if (body.category() != null) {
            action.category = body.category();
        }
        // name and category are labels of the action, not of a version: the published version keeps its own.
        action.updatedAt = Instant.now();
        ActionView current = view(version(action, null));
        return new ActionView(current.id(), action.name, current.integrationId(), action.category, current.contract(),
                current.version(), current.secure(), current.config(), current.selfUri());
    }

    @Transactional
    public ActionView updateDraft(String id, UpdateDraft body) {
        DataAction action = find(id);
        if (body == null) {
            throw new InvalidInput("a body is required", java.util.List.of());
        }
        DRAFTS.lock(action);
        RevisionCheck expected = draftAt(action, body.version());
        expected.require(action.draftRevision);
        ObjectNode current = action.draft != null ? draftNode(action) : latestAsDraft(action);
        ObjectNode config = body.config() != null ? body.config() : (ObjectNode) current.get("config");
        ObjectNode contract = body.contract() != null ? body.contract() : (ObjectNode) current.get("contract");
        boolean secure = body.secure() != null ? body.secure() : current.path("secure").asBoolean();
        check.check(config, contract);
        DRAFTS.save(action, draftOf(config, contract, secure), expected);
        if (body.name() != null) {
            action.name = requireName(body.name());
        }
        if (body.category() != null) {
            action.category = body.category();
        }
        action.updatedAt = Instant.now();
        return draftView(action);
    }

    /** Copies a published version into the draft (a save: it counts, and {@code draftVersion} is checked). */
    @Transactional
    public ActionView restore(String id, int version, Integer draftVersion) {
        DataAction action = find(id);
        DRAFTS.restore(action, version(action, version), draftAt(action, draftVersion));
        action.updatedAt = Instant.now();
        return draftView(action);
    }

    /** Genesys's draft {@code version} in a body: checked only while there is a draft, and only when given. */
    private static RevisionCheck draftAt(DataAction action, Integer version) {
        return current -> {
            if (action.draft != null && version != null && version != current) {
                throw new Conflict("the draft is at version " + current + ", not " + version);
            }
        };
    }

    @Transactional
    public void deleteDraft(String id) {
        DataAction action = find(id);
        if (action.draft == null) {
            throw new NotFound("action " + id + " has no draft");
        }
        if (action.currentVersion == null) {
            action.delete();
            return;
        }
        action.draft = null;
        action.updatedAt = Instant.now();
    }

    @Transactional
    public ActionView publishDraft(String id, Integer draftVersion) {
        DataAction action = find(id);
        DRAFTS.lock(action); // before looking at the draft: another admin may have just published it
        if (action.draft == null) {
            throw new NotFound("action " + id + " has no draft to publish");
        }
        draftAt(action, draftVersion).require(action.draftRevision);
        return view(publish(action));
    }

    @Transactional
    public void delete(String id) {
        DataAction action = find(id);
        DataActionVersion.delete("key.actionId", id);
        action.delete();
    }

    /** A published version to run: the latest unless {@code version} is given. */
    public Resolved resolve(String id, Integer version) {
        DataAction action = find(id);
        DataActionVersion v = version(action, version);
        return new Resolved(action.id, v.key.version, action.integrationId,
                new ActionDefinition(v.name, parse(v.config), parse(v.contract), v.secure));
    }

    public Resolved resolveDraft(String id) {
        DataAction action = find(id);
        if (action.draft == null) {
            throw new NotFound("action " + id + " has no draft");
        }
        ObjectNode d = draftNode(action);
        return new Resolved(action.id, null, action.integrationId, new ActionDefinition(action.name,
                (ObjectNode) d.get("config"), (ObjectNode) d.get("contract"), d.path("secure").asBoolean()));
    }

    /** A runnable action: id, the version that runs (null for a draft), its integration and definition. */
    public record Resolved(String actionId, Integer version, String integrationId, ActionDefinition definition) {
    }

    private DataAction newAction(ActionInput input) {
        if (input == null) {
            throw new InvalidInput("a body is required", java.util.List.of());
        }
        String name = requireName(input.name());
        integrations.find(input.integrationId());
        check.check(input.config(), input.contract());
        DataAction action = new DataAction();
        action.id = ID_PREFIX + UUID.randomUUID();
        action.integrationId = input.integrationId();
        action.name = name;
        action.category = input.category() == null || input.category().isBlank()
                ? integrations.find(input.integrationId()).name : input.category();
        action.createdAt = Instant.now();
        action.updatedAt = action.createdAt;
        action.persist();
        return action;
    }

    /** Publishes the draft as the next version; Genesys then has no draft until the next change. */
    private DataActionVersion publish(DataAction action) {
        ObjectNode d = draftNode(action);
        check.check((ObjectNode) d.get("config"), (ObjectNode) d.get("contract"));
        DataActionVersion v = DRAFTS.publish(action, number -> {
            DataActionVersion next = new DataActionVersion();
            next.key = new DataActionVersion.Key(action.id, number);
            next.name = action.name;
            next.category = action.category;
            next.secure = d.path("secure").asBoolean();
            next.config = d.get("config").toString();
            next.contract = d.get("contract").toString();
            next.publishedAt = Instant.now();
            return next;
        });
        action.draft = null;
        action.updatedAt = v.publishedAt;
        return v;
    }

    DataActionVersion version(DataAction action, Integer version) {
        if (action.currentVersion == null) {
            throw new NotFound("action " + action.id + " has no published version");
        }
        int wanted = version == null ? action.currentVersion : version;
        return DRAFTS.version(action, wanted)
                .orElseThrow(() -> new NotFound("action " + action.id + " has no version " + wanted));
    }

    private ObjectNode latestAsDraft(DataAction action) {
        return parse(version(action, null).draft());
    }

    public DataAction find(String id) {
        DataAction action = id == null ? null : DataAction.findById(id);
        if (action == null) {
            throw new NotFound("action " + id + " not found");
        }
        return action;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 256) {
            throw InvalidInput.field("name", "name is required (at most 256 characters)");
        }
        return name.trim();
    }

    static String draftOf(ObjectNode config, ObjectNode contract, boolean secure) {
        ObjectNode draft = JSON.createObjectNode();
        draft.set("config", config);
        draft.set("contract", contract);
        draft.put("secure", secure);
        return draft.toString();
    }

    static ObjectNode draftNode(DataAction action) {
        return parse(action.draft);
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored action JSON is unreadable", e);
        }
    }

    private ActionView view(DataActionVersion v) {
        DataAction action = DataAction.findById(v.key.actionId);
        return new ActionView(v.key.actionId, action.name, action.integrationId, action.category, parse(v.contract),
                v.key.version, v.secure, parse(v.config), "/api/v2/integrations/actions/" + v.key.actionId);
    }

    private ActionView draftView(DataAction action) {
        ObjectNode d = draftNode(action);
        return new ActionView(action.id, action.name, action.integrationId, action.category,
                (ObjectNode) d.get("contract"), (int) action.draftRevision, d.path("secure").asBoolean(),
                (ObjectNode) d.get("config"), "/api/v2/integrations/actions/" + action.id + "/draft");
    }
}
