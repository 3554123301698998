package dev.rapport.script.scripts;

import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.script.engine.CompiledScript;
import dev.rapport.script.model.ScriptVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Published script versions, compiled once: they never change, so sessions that pinned one share it. Which version
 * is current is read again after {@link #CURRENT_FOR}, so a publish on any instance reaches new screen pops within
 * that time.
 */
@ApplicationScoped
public class PublishedScripts {
    static final Duration CURRENT_FOR = Duration.ofSeconds(2);
    private static final int MAX_CACHED = 256;

    private final Map<String, CompiledScript> compiled = new ConcurrentHashMap<>();
    private final Map<String, TimedCurrent> current = new ConcurrentHashMap<>();

    public record Current(String id, String name, int version) {
    }

    private record TimedCurrent(Current current, long readAtNanos) {
    }

    /** The version a new screen pop pins: the script's current published version. */
    public Current current(String scriptId) {
        TimedCurrent cached = current.get(scriptId);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < CURRENT_FOR.toNanos()) {
            return cached.current();
        }
        ScriptEntity script = find(scriptId);
        if (script.currentVersion == null) {
            throw new Conflict("Script " + scriptId + " has no published version");
        }
        Current now = new Current(script.id.toString(), script.name, script.currentVersion);
        if (current.size() >= MAX_CACHED) {
            current.clear();
        }
        current.put(scriptId, new TimedCurrent(now, System.nanoTime()));
        return now;
    }

    /** Forgets which version is current (after a publish or a make-current here). */
    public void invalidate(String scriptId) {
        current.remove(scriptId);
    }

    public CompiledScript get(String scriptId, int version) {
        return compiled.computeIfAbsent(scriptId + "@" + version, k -> {
            if (compiled.size() >= MAX_CACHED) {
                compiled.clear();
            }
            ScriptEntity script = find(scriptId);
            ScriptVersionEntity v = ScriptVersionEntity.findById(new ScriptVersionEntity.Key(script.id, version));
            if (v == null) {
                throw new NotFound("Script " + scriptId + " has no version " + version);
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
            throw new NotFound("Script " + scriptId + " not found");
        }
        return script;
    }
}
