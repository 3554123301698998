package dev.rapport.platform.drafts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A published version kept as its JSON definition, with when and by whom it was published: never changed after it
 * is written. Subclasses hold the key (document id and number) and the table.
 */
@MappedSuperclass
public abstract class JsonVersion extends PanacheEntityBase implements PublishedVersion {
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String definition;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Override
    public String draft() {
        return definition;
    }
}
