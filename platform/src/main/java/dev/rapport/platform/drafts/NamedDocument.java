package dev.rapport.platform.drafts;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * A drafted document that has a UUID, a name and a description, and knows when it was made and last changed: what
 * scripts and inbound flows are alike in (their tables share these columns). Subclasses name the table.
 */
@MappedSuperclass
public abstract class NamedDocument extends DraftedDocument {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;

    @Override
    public Object documentId() {
        return id;
    }
}
