package dev.rapport.script.flows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.platform.drafts.DraftRevisions;
import dev.rapport.platform.drafts.DraftsAndVersions;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import dev.rapport.script.expressions.Template;
import dev.rapport.script.scripts.ScriptEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Inbound flows: drafts, publishing (validated), and finding the flow an interaction takes. */
@ApplicationScoped
public class FlowService implements dev.rapport.script.scripts.ScriptUsers {
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{([^{}]*)\\}\\}");
    private static final DraftsAndVersions<FlowEntity, FlowVersionEntity> DRAFTS =
            new DraftsAndVersions<>(FlowVersionEntity.class, "key.flowId", "key.version");
    private final ObjectMapper json;

    FlowService(ObjectMapper json) {
        this.json = json;
    }

    /** {@code draftRevision} grows with every save of the draft; it is also the answer's ETag. */
    public record Flow(UUID id, String name, String description, FlowDefinition draft, Integer currentVersion,
                       Instant modifiedAt, long draftRevision) {
    }

    public record Published(UUID flowId, int version, FlowDefinition definition, Instant publishedAt,
                            String publishedBy) {
    }

    /** A page of the flows, by name regardless of case. */
    public EntityListing.Page<Flow> list(Paging paging) {
        var query = FlowEntity.<FlowEntity>find("order by lower(name), id")
                .page(paging.pageNumber() - 1, paging.pageSize());
        return new EntityListing.Page<>(query.list().stream().map(this::view).toList(), query.count());
    }

    @Transactional
    public Flow create(FlowDefinition definition) {
        requireName(definition);
        if (FlowEntity.count("lower(name) = ?1", definition.name().toLowerCase(Locale.ROOT)) > 0) {
            throw new Conflict("An inbound flow named '" + definition.name() + "' exists already");
        }
        FlowEntity e = new FlowEntity();
        e.id = UUID.randomUUID();
        e.createdAt = Instant.now();
        e.draftRevision = 1;
        e.draft = write(definition);
        apply(e, definition);
        e.persist();
        return view(e);
    }

    public Flow get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public Flow updateDraft(UUID id, FlowDefinition definition) {
        return updateDraft(id, definition, null);
    }

    /**
     * Saves the draft and increments its revision.
     *
     * @param ifMatch the revision the caller last read (If-Match); null saves whatever is stored (no check)
     */
    @Transactional
    public Flow updateDraft(UUID id, FlowDefinition definition, String ifMatch) {
        requireName(definition);
        FlowEntity e = FlowEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw new NotFound("Inbound flow " + id + " not found");
        }
        DRAFTS.save(e, write(definition), DraftRevisions.ifMatch(ifMatch, "The inbound flow '" + e.name + "'"));
        apply(e, definition);
        return view(e);
    }

    /** Copies a published version into the draft: a save, so it counts and {@code ifMatch} is checked. */
    @Transactional
    public Flow restore(UUID id, int version, String ifMatch) {
        FlowEntity e = find(id);
        FlowVersionEntity v = DRAFTS.version(e, version)
                .orElseThrow(() -> new NotFound("Inbound flow " + id + " has no version " + version));
        DRAFTS.restore(e, v, DraftRevisions.ifMatch(ifMatch, "The inbound flow '" + e.name + "'"));
        e.modifiedAt = Instant.now();
        return view(e);
    }

    @Transactional
    public void delete(UUID id) {
        FlowVersionEntity.delete("key.flowId", id);
        find(id).delete();
    }

    /** Validates the draft and makes it the live version. */
    @Transactional
    public Published publish(UUID id, String by) {
        FlowEntity e = find(id);
        FlowDefinition definition = read(e.draft);
        List<String> problems = validate(definition);
        if (!problems.isEmpty()) {
            throw new InvalidInput("The flow cannot be published: " + String.join("; ", problems),
                    problems.stream().map(p -> new dev.rapport.contract.GenesysError.Detail("invalid.value",
                            p.substring(0, Math.max(0, p.indexOf(':'))), p)).toList());
        }
        FlowVersionEntity v = DRAFTS.publish(e, number -> {
            FlowVersionEntity next = new FlowVersionEntity();
            next.key = new FlowVersionEntity.Key(id, number);
            next.definition = e.draft;
            next.publishedAt = Instant.now();
            next.publishedBy = by;
            return next;
        });
        return view(v);
    }

    /** A published version; sessions keep running the version they started with. */
    public FlowDefinition published(UUID id, int version) {
        FlowVersionEntity v = FlowVersionEntity.findById(new FlowVersionEntity.Key(id, version));
        if (v == null) {
            throw new NotFound("Inbound flow " + id + " has no version " + version);
        }
        return read(v.definition);
    }

    public List<Published> versions(UUID id) {
        return DRAFTS.versions(find(id)).stream().map(this::view).toList();
    }

    /** The live version of every published flow, most recently changed first (see {@link LiveFlows}). */
    public List<Published> live() {
        List<Published> live = new ArrayList<>();
        for (FlowEntity e : FlowEntity.<FlowEntity>list("currentVersion is not null order by modifiedAt desc")) {
            FlowVersionEntity v = FlowVersionEntity.findById(new FlowVersionEntity.Key(e.id, e.currentVersion));
            if (v != null) {
                live.add(view(v));
            }
        }
        return live;
    }

    /** The names of the flows whose live version screen-pops {@code scriptId}: deleting the script would break them. */
    @Override
    public List<String> of(String scriptId) {
        return showing(scriptId);
    }

    public List<String> showing(String scriptId) {
        List<String> names = new ArrayList<>();
        for (FlowEntity e : FlowEntity.<FlowEntity>list("currentVersion is not null order by name")) {
            FlowVersionEntity v = FlowVersionEntity.findById(new FlowVersionEntity.Key(e.id, e.currentVersion));
            if (v != null && pops(read(v.definition).steps(), scriptId)) {
                names.add(e.name);
            }
        }
        return names;
    }

    private static boolean pops(List<FlowDefinition.Step> steps, String scriptId) {
        for (FlowDefinition.Step step : steps) {
            if (step instanceof FlowDefinition.ScreenPop pop && scriptId.equalsIgnoreCase(String.valueOf(pop.scriptId()).trim())
                    || FlowBlocks.blocks(step).values().stream().anyMatch(block -> pops(block, scriptId))) {
                return true;
            }
        }
        return false;
    }

    /** Problems of a definition, each starting with where it is (e.g. {@code steps[0].found[1].scriptId}). */
    List<String> validate(FlowDefinition definition) {
        List<String> problems = new ArrayList<>();
        Set<String> flowVariables = new HashSet<>();
        FlowChecks checks = new FlowChecks(problems);
        if (checks.size(definition.steps(), "steps", 0)) {
            checks.collectVariables(definition.steps());
            validate(definition.steps(), "steps", flowVariables, problems, checks);
        }
        if (definition.steps().isEmpty()) {
            problems.add("steps: a flow needs at least one step");
        }
        return problems;
    }

    private void validate(List<FlowDefinition.Step> steps, String where, Set<String> flowVariables,
                          List<String> problems, FlowChecks checks) {
        for (int i = 0; i < steps.size(); i++) {
            String at = where + "[" + i + "]";
            FlowDefinition.Step step = steps.get(i);
            if (step instanceof FlowDefinition.DataTableLookup lookup) {
                if (blank(lookup.tableId())) {
                    problems.add(at + ".tableId: the table to look in is required");
                }
                if (blank(lookup.key())) {
                    problems.add(at + ".key: the key template is required, e.g. {{Call.Ani}}");
                } else if (keyProblem(lookup.key()) != null) {
                    problems.add(at + ".key: " + keyProblem(lookup.key()));
                } else {
                    template(lookup.key(), at + ".key", flowVariables, problems);
                }
                Set<String> afterFound = new HashSet<>(flowVariables);
                lookup.outputs().keySet().forEach(v -> afterFound.add("Flow." + v));
                validate(lookup.found(), at + ".found", afterFound, problems, checks);
                validate(lookup.notFound(), at + ".notFound", new HashSet<>(flowVariables), problems, checks);
                validate(lookup.failure(), at + ".failure", new HashSet<>(flowVariables), problems, checks);
            } else if (step instanceof FlowDefinition.ScreenPop pop) {
                if (blank(pop.scriptId())) {
                    problems.add(at + ".scriptId: the script to show is required");
                } else if (!published(pop.scriptId())) {
                    problems.add(at + ".scriptId: no published script has the id " + pop.scriptId()
                            + " (publish the script first)");
                }
                pop.inputs().forEach((input, value) ->
                        template(value, at + ".inputs." + input, flowVariables, problems));
            } else if (step instanceof FlowDefinition.SetParticipantData data) {
                data.attributes().forEach((name, value) ->
                        template(value, at + ".attributes." + name, flowVariables, problems));
                data.expressions().forEach((name, value) -> checks.expression(value, at + ".expressions." + name,
                        true));
            } else if (step instanceof FlowDefinition.TransferToQueue transfer && blank(transfer.queueId())) {
                problems.add(at + ".queueId: the queue is required");
            } else {
                // The flow logic steps (FlowChecks): expressions parse and name known values; their branches in turn.
                checks.step(step, at);
                if (step instanceof FlowDefinition.SetVariable set && !blank(set.name())) {
                    flowVariables.add("Flow." + set.name().trim());
                }
                for (var block : FlowBlocks.blocks(step).entrySet()) {
                    Set<String> inBlock = new HashSet<>(flowVariables);
                    if (step instanceof FlowDefinition.CallDataAction call && block.getKey().equals("success")) {
                        call.outputs().keySet().forEach(v -> inBlock.add("Flow." + v));
                    }
                    validate(block.getValue(), at + "." + FlowChecks.blockField(step, block.getKey()), inBlock,
                            problems, checks);
                }
            }
        }
    }

    /**
     * Why a lookup key is not one well-formed template naming each value once, or null. A key typed after the hint
     * that was there ({@code {{Call.Ani}}{{Call.Ani}}}) or with a brace missing would miss every caller.
     */
    static String keyProblem(String key) {
        Matcher reference = REFERENCE.matcher(key);
        Set<String> named = new HashSet<>();
        while (reference.find()) {
            String name = reference.group(1).trim();
            if (!named.add(name)) {
                return "the key names {{" + name + "}} twice (" + key + "); a lookup key names each value once";
            }
        }
        String outside = REFERENCE.matcher(key).replaceAll("");
        if (outside.indexOf('{') >= 0 || outside.indexOf('}') >= 0) {
            return "the key " + key + " has unmatched braces; a value is written {{Call.Ani}}";
        }
        return null;
    }

    /** True when the script exists and has a current published version, the one a screen pop would pin. */
    private static boolean published(String scriptId) {
        try {
            ScriptEntity script = ScriptEntity.findById(UUID.fromString(scriptId.trim()));
            return script != null && script.currentVersion != null;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    private static void template(String source, String at, Set<String> flowVariables, List<String> problems) {
        try {
            for (String reference : Template.parse(source).references()) {
                if (reference.startsWith("Flow.") && !flowVariables.contains(reference)) {
                    problems.add(at + ": " + reference + " is not set by an earlier lookup on this path");
                } else if (!reference.startsWith("Flow.") && !reference.startsWith("Call.")) {
                    problems.add(at + ": " + reference + " is unknown; use Call.Ani, Call.Dnis, Call.Attributes.<name>"
                            + " or Flow.<variable>");
                }
            }
        } catch (RuntimeException e) {
            problems.add(at + ": " + e.getMessage());
        }
    }

    private void apply(FlowEntity e, FlowDefinition definition) {
        e.name = definition.name().trim();
        e.description = definition.description();
        e.modifiedAt = Instant.now();
    }

    private FlowEntity find(UUID id) {
        FlowEntity e = FlowEntity.findById(id);
        if (e == null) {
            throw new NotFound("Inbound flow " + id + " not found");
        }
        return e;
    }

    private Flow view(FlowEntity e) {
        return new Flow(e.id, e.name, e.description, read(e.draft), e.currentVersion, e.modifiedAt, e.draftRevision);
    }

    private Published view(FlowVersionEntity v) {
        return new Published(v.key.flowId(), v.key.version(), read(v.definition), v.publishedAt, v.publishedBy);
    }

    private static void requireName(FlowDefinition definition) {
        if (definition == null || blank(definition.name())) {
            throw InvalidInput.field("name", "The flow needs a name");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    FlowDefinition read(String text) {
        try {
            return json.readValue(text, FlowDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored flow is not readable", e);
        }
    }

    String write(FlowDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
