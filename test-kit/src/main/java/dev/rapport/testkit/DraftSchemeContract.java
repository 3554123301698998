package dev.rapport.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rapport.contract.failure.DomainException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The draft-and-versions scheme (docs/architecture.md, "Drafts and versions") checked against one feature: subclass
 * it in a {@code @QuarkusTest} and say how that feature creates, saves, publishes and restores. Each document's draft
 * carries a text the test chooses, so it can tell drafts and versions apart.
 */
public abstract class DraftSchemeContract {

    /** The draft's text, its revision and the version in use (null before the first publish). */
    public record Document(String draft, long revision, Integer currentVersion) {
    }

    /** A new document whose draft carries {@code text}; its id. */
    protected abstract String create(String text);

    /** Saves a draft carrying {@code text}, claiming the draft is still at revision {@code read}. */
    protected abstract void save(String id, String text, long read);

    /** Publishes the draft; the new version's number. */
    protected abstract int publish(String id);

    /** Copies version {@code number} into the draft, claiming the draft is still at revision {@code read}. */
    protected abstract void restore(String id, int number, long read);

    protected abstract Document read(String id);

    /** The text version {@code number} carries. */
    protected abstract String version(String id, int number);

    /** The numbers of the document's versions, oldest first. */
    protected abstract List<Integer> versions(String id);

    @Test
    void aSaveWithAStaleRevisionConflictsAndChangesNothing() {
        String id = create("first " + UUID.randomUUID());
        long read = read(id).revision();

        save(id, "theirs", read);
        assertEquals(new Document("theirs", read + 1, null), read(id));

        assertThrows(DomainException.class, () -> save(id, "mine", read));
        assertEquals(new Document("theirs", read + 1, null), read(id));

        save(id, "mine", read + 1);
        assertEquals(new Document("mine", read + 2, null), read(id));
    }

    @Test
    void publishingNumbersVersionsOneTwoThreeAndNeverChangesThem() {
        String id = create("one");
        long revision = read(id).revision();
        assertEquals(1, publish(id));
        assertEquals(revision, read(id).revision(), "publishing is not a save");

        save(id, "two", revision);
        assertEquals(2, publish(id));
        save(id, "three", revision + 1);
        assertEquals(3, publish(id));
        save(id, "draft after three", revision + 2);

        assertEquals(List.of(1, 2, 3), versions(id));
        assertEquals(List.of("one", "two", "three"), List.of(version(id, 1), version(id, 2), version(id, 3)));
        assertEquals(3, read(id).currentVersion());
    }

    @Test
    void restoringCopiesAVersionIntoTheDraftAsANewRevision() {
        String id = create("published");
        publish(id);
        long revision = read(id).revision();
        save(id, "edited", revision);

        restore(id, 1, revision + 1);
        assertEquals(new Document("published", revision + 2, 1), read(id));
        assertEquals("published", version(id, 1));

        assertThrows(DomainException.class, () -> restore(id, 1, revision + 1), "a restore is checked like a save");
        assertThrows(DomainException.class, () -> restore(id, 2, revision + 2), "there is no version 2");
        assertEquals(new Document("published", revision + 2, 1), read(id));
    }
}
