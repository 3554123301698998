package dev.rapport.script.scripts;

import dev.rapport.platform.drafts.DraftedDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A script's row: its draft as JSON in Rapport's format, and which published version is current (draft, revision and current version: {@link DraftedDocument}). */
@Entity
@Table(name = "script")
public class ScriptEntity extends DraftedDocument {
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
