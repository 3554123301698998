package dev.rapport.script.scripts;

import dev.rapport.platform.web.ApiException;
import jakarta.ws.rs.core.EntityTag;
import java.util.List;

/**
 * Optimistic concurrency of drafts (scripts and inbound flows): the draft's revision is its {@code ETag}, and a save
 * with {@code If-Match} is refused with 412 {@code draft.changed} when someone else saved in between. A save without
 * {@code If-Match} (or with {@code *}) is not checked, as Genesys clients send none.
 */
public final class DraftRevisions {
    public static final String CHANGED = "draft.changed";

    private DraftRevisions() {
    }

    public static EntityTag tag(long revision) {
        return new EntityTag(Long.toString(revision));
    }

    /**
     * @param ifMatch {@code "<revision>"}, {@code W/"<revision>"}, a bare number, a comma-separated list of those, or
     *                {@code *}; null or blank means no check
     * @param what    the draft's owner for the message, e.g. "The script 'Sales'"
     */
    public static void requireMatch(String ifMatch, long current, String what) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.replace("\"", "").trim().equals(Long.toString(current))) {
                return;
            }
        }
        String since = ifMatch.trim().replace("W/", "").replace("\"", "");
        throw new ApiException(412, CHANGED, what + " was changed by someone else since revision " + since
                + " (it is now at revision " + current + "): load it again, or save with If-Match: \"" + current
                + "\" to overwrite their changes", List.of());
    }
}
