package dev.rapport.platform.drafts;

import dev.rapport.contract.failure.DomainException.VersionMismatch;
import dev.rapport.platform.web.IfMatch;
import jakarta.ws.rs.core.EntityTag;

/**
 * Drafts over HTTP: the draft's revision is its {@code ETag}, and a save with {@code If-Match} is refused with 412
 * {@code draft.changed} when someone else saved in between. A save without {@code If-Match} (or with {@code *}) is
 * not checked, as Genesys clients send none.
 */
public final class DraftRevisions {
    public static final String CHANGED = "draft.changed";

    private DraftRevisions() {
    }

    public static EntityTag tag(long revision) {
        return IfMatch.tag(revision);
    }

    /**
     * @param ifMatch the request's {@code If-Match} (see {@link IfMatch}); null or blank means no check
     * @param what    the draft's owner for the message, e.g. "The script 'Sales'"
     */
    public static RevisionCheck ifMatch(String ifMatch, String what) {
        return current -> requireMatch(ifMatch, current, what);
    }

    public static void requireMatch(String ifMatch, long current, String what) {
        IfMatch wanted = IfMatch.of(ifMatch);
        if (wanted.matches(current)) {
            return;
        }
        throw new VersionMismatch(CHANGED, what + " was changed by someone else since revision " + wanted.versions()
                + " (it is now at revision " + current + "): load it again, or save with If-Match: \"" + current
                + "\" to overwrite their changes");
    }
}
