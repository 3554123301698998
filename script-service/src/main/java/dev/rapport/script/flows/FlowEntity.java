package dev.rapport.script.flows;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An inbound flow's row: its draft, and which published version is live. */
@Entity
@Table(name = "inbound_flow")
public class FlowEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String draft;

    @Column(name = "current_version")
    public Integer currentVersion;

    /** Grows by one with every save of the draft (not with publishing): the draft's ETag. */
    @Column(name = "draft_revision", nullable = false)
    public long draftRevision;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;
}
