package dev.rapport.platform.drafts;

/**
 * The caller's claim about the draft it changes: it throws when the draft's current revision is not the one the
 * caller read. Each feature keeps its own API for the claim ({@code If-Match} with 412 in {@link DraftRevisions},
 * Genesys's body {@code version} with 409 for data actions).
 */
@FunctionalInterface
public interface RevisionCheck {
    /** No claim: the save overwrites whatever is stored. */
    RevisionCheck NONE = current -> {
    };

    void require(long current);
}
