package dev.rapport.script.scripts;

import dev.rapport.platform.drafts.PublishedVersion;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A published version: written once, never updated. */
@Entity
@Immutable
@Table(name = "script_version")
public class ScriptVersionEntity extends PanacheEntityBase implements PublishedVersion {
    @EmbeddedId
    public Key key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String definition;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Override
    public int number() {
        return key.version();
    }

    @Override
    public String draft() {
        return definition;
    }

    @Embeddable
    public record Key(@Column(name = "script_id") UUID scriptId, @Column(name = "version") int version)
            implements Serializable {
    }
}
