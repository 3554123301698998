package dev.rapport.script.flows;

import dev.rapport.platform.drafts.DraftedDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An inbound flow's row: its draft, and which published version is live (draft, revision and current version: {@link DraftedDocument}). */
@Entity
@Table(name = "inbound_flow")
public class FlowEntity extends DraftedDocument {
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
