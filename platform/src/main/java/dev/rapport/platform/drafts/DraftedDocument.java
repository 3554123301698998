package dev.rapport.platform.drafts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A document edited as a draft and published as immutable numbered versions (scripts, inbound flows, data actions):
 * the draft as JSON, its revision and the number of the version in use. Subclasses hold the id and table and may
 * rename the columns with {@code @AttributeOverride}. The rules are in {@link DraftsAndVersions}.
 */
@MappedSuperclass
public abstract class DraftedDocument extends PanacheEntityBase {
    /** The draft as JSON; null only where a feature allows a document without a draft. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "draft")
    public String draft;

    /** Grows by one with every save of the draft (not with publishing): the draft's ETag. */
    @Column(name = "draft_revision", nullable = false)
    public long draftRevision;

    /** The published version in use (a new publish, or a version made current); null before the first publish. */
    @Column(name = "current_version")
    public Integer currentVersion;

    /** The id the document's versions are kept under. */
    public abstract Object documentId();
}
