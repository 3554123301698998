package dev.rapport.script.sessions;

import dev.rapport.platform.web.ApiException;
import dev.rapport.script.engine.CompiledScript;
import dev.rapport.script.model.ScriptVersion;
import dev.rapport.script.scripts.ScriptEntity;
import dev.rapport.script.scripts.ScriptFormat;
import dev.rapport.script.scripts.ScriptVersionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Published script versions, compiled once: they never change, so sessions that pinned one share it. */
@ApplicationScoped
public class PublishedScripts {
    private static final int MAX_CACHED = 256;
    private final Map<String, CompiledScript> compiled = new ConcurrentHashMap<>();

    public record Current(String id, String name, int version) {
    }

    /** The version a new screen pop pins: the script's current published version. */
    public Current current(String scriptId) {
        ScriptEntity script = find(scriptId);
        if (script.currentVersion == null) {
            throw ApiException.conflict("Script " + scriptId + " has no published version");
        }
        return new Current(script.id.toString(), script.name, script.currentVersion);
    }

    public CompiledScript get(String scriptId, int version) {
        return compiled.computeIfAbsent(scriptId + "@" + version, k -> {
            if (compiled.size() >= MAX_CACHED) {
                compiled.clear();
            }
            ScriptEntity script = find(scriptId);
            ScriptVersionEntity v = ScriptVersionEntity.findById(new ScriptVersionEntity.Key(script.id, version));
            if (v == null) {
                throw ApiException.notFound("Script " + scriptId + " has no version " + version);
            }
            return new CompiledScript(new ScriptVersion(scriptId, version, ScriptFormat.read(v.definition)));
        });
    }

    private static ScriptEntity find(String scriptId) {
        ScriptEntity script;
        try {
            script = ScriptEntity.findById(UUID.fromString(scriptId));
        } catch (IllegalArgumentException e) {
            script = null;
        }
        if (script == null) {
            throw ApiException.notFound("Script " + scriptId + " not found");
        }
        return script;
    }
}
