package dev.rapport.action.actions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A data action: its name, category, integration, its editable draft and the number of its latest published version. */
@Entity
@Table(name = "data_action")
public class DataAction extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "integration_id", nullable = false)
    public String integrationId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String category;

    /** Null while the action has only a draft. */
    @Column(name = "latest_version")
    public Integer latestVersion;

    /** {@code {"config":..., "contract":..., "secure":...}} as Genesys writes them; null when there is no draft. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String draft;

    /** Grows with every draft change; a publish names it, so two admins cannot publish over each other. */
    @Column(name = "draft_version", nullable = false)
    public int draftVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
