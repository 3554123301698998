package dev.rapport.action.actions;

import dev.rapport.platform.drafts.DraftedDocument;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A data action: its name, category, integration, its editable draft and the number of its latest published version
 * (the scheme: {@link DraftedDocument}). The draft is {@code {"config":..., "contract":..., "secure":...}} as Genesys
 * writes them, null when there is none; its revision is Genesys's draft {@code version}, which a publish names so two
 * admins cannot publish over each other.
 */
@Entity
@Table(name = "data_action")
@AttributeOverride(name = "draftRevision", column = @Column(name = "draft_version", nullable = false))
@AttributeOverride(name = "currentVersion", column = @Column(name = "latest_version"))
public class DataAction extends DraftedDocument {
    @Id
    public String id;

    @Column(name = "integration_id", nullable = false)
    public String integrationId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String category;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Override
    public Object documentId() {
        return id;
    }
}
