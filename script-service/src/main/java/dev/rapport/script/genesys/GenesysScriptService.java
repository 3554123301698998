package dev.rapport.script.genesys;

import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import dev.rapport.script.genesys.GenesysScriptMapper.Source;
import dev.rapport.script.genesys.GenesysScriptViews.Page;
import dev.rapport.script.genesys.GenesysScriptViews.Script;
import dev.rapport.script.genesys.GenesysScriptViews.Variable;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.VariableType;
import dev.rapport.script.scripts.ScriptEntity;
import dev.rapport.script.scripts.ScriptFormat;
import dev.rapport.script.scripts.ScriptService;
import dev.rapport.script.scripts.ScriptVersionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Genesys's reads of scripts: the published versions in use, their pages and variables, and the draft's pages. */
@ApplicationScoped
public class GenesysScriptService {
    static final int MAX_NAME_LENGTH = 256;
    /** Genesys's feature names (and Rapport's) to the feature of Rapport's script format they mean. */
    private static final Map<String, String> FEATURES = Map.of("screenpop", "inbound", "inbound", "inbound",
            "dialer", "outbound", "outbound", "outbound", "bridge", "dataActions", "dataactions", "dataActions");
    private static final String PUBLISHED_FROM = " FROM script s JOIN script_version v"
            + " ON v.script_id = s.id AND v.version = s.current_version WHERE TRUE";

    private final EntityManager em;

    GenesysScriptService(EntityManager em) {
        this.em = em;
    }

    /** Which published scripts to list: all filters optional; see {@link #published(Paging, Filter)}. */
    public record Filter(String name, String feature, String flowId) {
    }

    /**
     * Scripts with a version in use, by name: {@code name} a part of it in any case; {@code feature} a feature the
     * version has (Genesys's {@code screenPop}, {@code dialer}, {@code bridge} or Rapport's names; one Rapport does
     * not have matches no script); {@code flowId} a secure flow the script uses, which no Rapport script does.
     */
    @SuppressWarnings("unchecked")
    public EntityListing.Page<Script> published(Paging paging, Filter filter) {
        if (filter.name() != null && filter.name().length() > MAX_NAME_LENGTH) {
            throw InvalidInput.field("name", "name is at most " + MAX_NAME_LENGTH + " characters");
        }
        String feature = filter.feature() == null || filter.feature().isBlank() ? null
                : FEATURES.get(filter.feature().strip().toLowerCase(Locale.ROOT));
        boolean matchesNone = (filter.feature() != null && !filter.feature().isBlank() && feature == null)
                || (filter.flowId() != null && !filter.flowId().isBlank());
        if (matchesNone) {
            return new EntityListing.Page<>(List.of(), 0);
        }
        String where = PUBLISHED_FROM;
        String name = filter.name() == null || filter.name().isBlank() ? null
                : "%" + likeEscaped(filter.name().toLowerCase(Locale.ROOT)) + "%";
        if (name != null) {
            where += " AND lower(s.name) LIKE :name ESCAPE '\\'";
        }
        if (feature != null) {
            where += " AND (v.definition -> 'features' ->> :feature) = 'true'";
        }
        Query count = bind(em.createNativeQuery("SELECT count(*)" + where), name, feature);
        Query page = bind(em.createNativeQuery("SELECT v.*" + where + " ORDER BY s.name, s.id LIMIT :limit OFFSET"
                + " :offset", ScriptVersionEntity.class), name, feature)
                .setParameter("limit", paging.pageSize()).setParameter("offset", paging.offset());
        List<ScriptVersionEntity> versions = page.getResultList();
        Map<UUID, ScriptEntity> scripts = versions.isEmpty() ? Map.of()
                : ScriptEntity.<ScriptEntity>list("id in ?1", versions.stream().map(v -> v.key.scriptId()).toList())
                .stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<Script> entities = versions.stream()
                .map(v -> GenesysScriptMapper.summary(inUse(scripts.get(v.key.scriptId()), v))).toList();
        return new EntityListing.Page<>(entities, ((Number) count.getSingleResult()).longValue());
    }

    public Script published(String scriptId) {
        return GenesysScriptMapper.full(inUse(ScriptService.find(scriptId)));
    }

    public List<Page> publishedPages(String scriptId) {
        return GenesysScriptMapper.pages(inUse(ScriptService.find(scriptId)));
    }

    public Page publishedPage(String scriptId, String pageId) {
        return page(inUse(ScriptService.find(scriptId)), pageId);
    }

    /**
     * The published version's variables, one member each, named by the variable, in the script's order; only
     * those whose input flag, output flag and type are as asked (a null filter keeps all).
     */
    public Map<String, Variable> publishedVariables(String scriptId, Boolean input, Boolean output, VariableType type) {
        Map<String, Variable> variables = new LinkedHashMap<>();
        inUse(ScriptService.find(scriptId)).definition().variables().stream()
                .filter(v -> input == null || v.input() == input)
                .filter(v -> output == null || v.output() == output)
                .filter(v -> type == null || v.type() == type)
                .forEach(v -> variables.put(v.name(), GenesysScriptMapper.variable(v)));
        return variables;
    }

    public List<Page> draftPages(String scriptId) {
        return GenesysScriptMapper.pages(draft(ScriptService.find(scriptId)));
    }

    public Page draftPage(String scriptId, String pageId) {
        return page(draft(ScriptService.find(scriptId)), pageId);
    }

    /** The version of the script in use (the one new screen pops pin). */
    private static Source inUse(ScriptEntity s) {
        ScriptVersionEntity v = s.currentVersion == null ? null
                : ScriptVersionEntity.findById(new ScriptVersionEntity.Key(s.id, s.currentVersion));
        if (v == null) {
            throw new NotFound("Script " + s.id + " has no published version");
        }
        return inUse(s, v);
    }

    private static Source inUse(ScriptEntity s, ScriptVersionEntity v) {
        return new Source(s.id.toString(), Integer.toString(v.number()), s.createdAt, v.publishedAt, v.publishedAt,
                ScriptFormat.read(v.definition), GenesysScriptMapper.PUBLISHED);
    }

    private static Source draft(ScriptEntity s) {
        return new Source(s.id.toString(), null, s.createdAt, s.modifiedAt, null, ScriptFormat.read(s.draft),
                GenesysScriptMapper.DRAFT);
    }

    private static Page page(Source s, String pageId) {
        ScriptDefinition d = s.definition();
        return d.page(pageId).map(p -> GenesysScriptMapper.page(s, p))
                .orElseThrow(() -> new NotFound("Script " + s.scriptId() + " has no page " + pageId));
    }

    private static Query bind(Query query, String name, String feature) {
        if (name != null) {
            query.setParameter("name", name);
        }
        if (feature != null) {
            query.setParameter("feature", feature);
        }
        return query;
    }

    /** The text as a LIKE pattern of itself: {@code \}, {@code %} and {@code _} escaped. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
