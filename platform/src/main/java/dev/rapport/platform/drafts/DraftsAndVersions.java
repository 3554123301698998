package dev.rapport.platform.drafts;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The one draft-and-versions scheme: a document has one draft with a revision; saving checks the caller's revision
 * and counts; publishing copies the draft into the next numbered version (1, 2, 3…), which is never changed, and makes
 * it current; a version can be made current again or restored into the draft (a save like any other). Each feature
 * keeps its own validation, JSON shapes and errors; this class holds only the rules they share. Call it inside a
 * transaction; it locks the document's row, so saves and publishes of one document run one after the other.
 *
 * @param <D> the document entity
 * @param <V> its version entity
 */
public final class DraftsAndVersions<D extends DraftedDocument, V extends PanacheEntityBase & PublishedVersion> {
    private final Class<V> versions;
    private final String documentPath;
    private final String numberPath;

    /**
     * @param versions     the version entity
     * @param documentPath the version's attribute that holds the document's id, e.g. {@code key.scriptId}
     * @param numberPath   the version's attribute that holds its number, e.g. {@code key.version}
     */
    public DraftsAndVersions(Class<V> versions, String documentPath, String numberPath) {
        this.versions = versions;
        this.documentPath = documentPath;
        this.numberPath = numberPath;
    }

    /** Replaces the draft when {@code check} accepts its current revision, and counts the revision up. */
    public void save(D document, String draft, RevisionCheck check) {
        lock(document);
        check.require(document.draftRevision);
        document.draft = draft;
        document.draftRevision++;
    }

    /**
     * Adds the next version and makes it current; the draft and its revision stay as they are.
     *
     * @param numbered makes the version entity with the number given (from the document's draft)
     */
    public V publish(D document, IntFunction<V> numbered) {
        lock(document);
        Integer last = entityManager().createQuery("select max(v." + numberPath + ") from " + entityName()
                        + " v where v." + documentPath + " = :document", Integer.class)
                .setParameter("document", document.documentId()).getSingleResult();
        int number = last == null ? 1 : last + 1;
        V version = numbered.apply(number);
        if (version.number() != number) {
            throw new IllegalStateException("the new version is numbered " + version.number() + ", not " + number);
        }
        version.persist();
        document.currentVersion = number;
        return version;
    }

    /** The document's versions, oldest first. */
    public List<V> versions(D document) {
        return entityManager().createQuery("select v from " + entityName() + " v where v." + documentPath
                        + " = :document order by v." + numberPath, versions)
                .setParameter("document", document.documentId()).getResultList();
    }

    public Optional<V> version(D document, int number) {
        return entityManager().createQuery("select v from " + entityName() + " v where v." + documentPath
                        + " = :document and v." + numberPath + " = :number", versions)
                .setParameter("document", document.documentId()).setParameter("number", number)
                .getResultStream().findFirst();
    }

    /** Makes a published version the one in use again; the draft stays as it is. */
    public void makeCurrent(D document, V version) {
        document.currentVersion = version.number();
    }

    /** Copies a version into the draft: a save, so it is checked and counts. */
    public void restore(D document, V version, RevisionCheck check) {
        save(document, version.draft(), check);
    }

    /**
     * Locks the document's row and reads it afresh (after writing what this transaction changed), so what is checked
     * and changed next is the stored state; the methods here call it themselves.
     */
    public void lock(D document) {
        EntityManager em = Panache.getEntityManager(document.getClass());
        if (em.getLockMode(document) != LockModeType.PESSIMISTIC_WRITE) {
            em.flush();
            em.refresh(document, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    private EntityManager entityManager() {
        return Panache.getEntityManager(versions);
    }

    private String entityName() {
        return entityManager().getMetamodel().entity(versions).getName();
    }
}
