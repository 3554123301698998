package dev.rapport.script.scripts;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.script.engine.RenderedPage;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.validation.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of /api/v2/scripts. */
public final class ScriptViews {
    private ScriptViews() {
    }

    /** {@code draftRevision} grows with every save of the draft; it is also the answer's ETag (send it as If-Match). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Script(String id, String name, String description, Integer currentVersion, Instant createdDate,
                        Instant modifiedDate, ScriptDefinition draft, long draftRevision, String selfUri) {
    }

    public record Version(String scriptId, int version, boolean current, Instant publishedDate, String publishedBy) {
    }

    public record VersionDetail(Version version, ScriptDefinition definition) {
    }

    public record Validation(boolean valid, List<Problem> problems) {
    }

    public record Diff(String from, String to, List<ScriptDiff.Change> changes, String text) {
    }

    public record Export(String format, int formatVersion, String scriptId, Integer version, ScriptDefinition script) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PreviewRequest(Map<String, Object> inputs, Integer version, Map<String, String> builtins) {
    }

    public record Preview(String scriptId, String version, String currentPageId, Map<String, Object> values,
                          Map<String, String> errors, List<RenderedPage> pages) {
    }

    public record ImportResult(Script script, String sourceFormat, List<String> notCarriedOver) {
    }
}
