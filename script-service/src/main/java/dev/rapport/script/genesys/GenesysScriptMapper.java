package dev.rapport.script.genesys;

import dev.rapport.script.genesys.GenesysScriptViews.CustomAction;
import dev.rapport.script.genesys.GenesysScriptViews.Feature;
import dev.rapport.script.genesys.GenesysScriptViews.Page;
import dev.rapport.script.genesys.GenesysScriptViews.Script;
import dev.rapport.script.genesys.GenesysScriptViews.TypedValue;
import dev.rapport.script.genesys.GenesysScriptViews.Variable;
import dev.rapport.script.genesys.GenesysScriptViews.VariableType;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.VariableKind;
import dev.rapport.script.scripts.ScriptFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rapport's script in Genesys's shapes. */
final class GenesysScriptMapper {
    static final String PUBLISHED = "/api/v2/scripts/published/";
    static final String DRAFT = "/api/v2/scripts/";

    private GenesysScriptMapper() {
    }

    /** One version of a script as Genesys's shapes see it: which script, which version, from when. */
    record Source(String scriptId, String versionId, Instant createdDate, Instant modifiedDate,
                  Instant publishedDate, ScriptDefinition definition, String base) {
    }

    static Script summary(Source s) {
        return script(s, null, null, null);
    }

    static Script full(Source s) {
        ScriptDefinition d = s.definition();
        return script(s, d.variables().stream().map(GenesysScriptMapper::variable).toList(),
                d.customActions().stream().map(a -> new CustomAction(a.name(), a.name())).toList(), pages(s));
    }

    static List<Page> pages(Source s) {
        return s.definition().pages().stream().map(p -> page(s, p)).toList();
    }

    static Page page(Source s, dev.rapport.script.model.Page page) {
        TypedValue onLoad = new TypedValue("action", page.onLoad() == null ? Map.of()
                : Map.of("actionName", page.onLoad()));
        return new Page(page.id(), page.name(), s.versionId(), s.createdDate(), s.modifiedDate(),
                ScriptFormat.mapper().valueToTree(page.root()), Map.of("onLoadAction", onLoad),
                s.base() + s.scriptId() + "/pages/" + page.id());
    }

    static Variable variable(dev.rapport.script.model.Variable v) {
        VariableType type = new VariableType(v.type().wireName(), v.kind() == VariableKind.DYNAMIC,
                v.kind() == VariableKind.LIST);
        return new Variable(v.name(), v.name(), v.description(), type, value(v), v.input(), v.output());
    }

    /** A dynamic variable's expression; another's default, or its type's when it has none (as the engine's). */
    private static Object value(dev.rapport.script.model.Variable v) {
        if (v.isDynamic()) {
            return v.expression();
        }
        if (v.defaultValue() != null) {
            return v.defaultValue();
        }
        if (v.isList()) {
            return List.of();
        }
        return switch (v.type()) {
            case STRING -> "";
            case NUMBER -> 0;
            case BOOLEAN -> false;
        };
    }

    /** Rapport's three features under Genesys's names: Inbound is screenPop, Outbound dialer, Data Actions bridge. */
    static Map<String, Feature> features(ScriptDefinition.Features f) {
        Map<String, Feature> features = new LinkedHashMap<>();
        features.put("screenPop", Feature.enabled(f.inbound()));
        features.put("dialer", Feature.enabled(f.outbound()));
        features.put("bridge", Feature.enabled(f.dataActions()));
        return features;
    }

    private static Script script(Source s, List<Variable> variables, List<CustomAction> customActions,
                                 List<Page> pages) {
        ScriptDefinition d = s.definition();
        String startPageName = d.page(d.startPageId()).map(dev.rapport.script.model.Page::name).orElse(null);
        return new Script(s.scriptId(), d.name(), s.versionId(), s.createdDate(), s.modifiedDate(),
                s.publishedDate(), s.publishedDate(), d.startPageId(), startPageName, features(d.features()),
                variables, customActions, pages, s.base() + s.scriptId());
    }
}
