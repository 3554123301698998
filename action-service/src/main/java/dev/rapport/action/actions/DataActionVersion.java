package dev.rapport.action.actions;

import dev.rapport.platform.drafts.PublishedVersion;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A published version of a data action. Immutable: a change is a new version. */
@Entity
@Immutable
@Table(name = "data_action_version")
public class DataActionVersion extends PanacheEntityBase implements PublishedVersion {
    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public boolean secure;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String config;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String contract;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Override
    public int number() {
        return key.version;
    }

    /** The draft this version was published from, in the draft's shape. */
    @Override
    public String draft() {
        return ActionService.draftOf(ActionService.parse(config), ActionService.parse(contract), secure);
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "action_id")
        public String actionId;
        public int version;

        public Key() {
        }

        public Key(String actionId, int version) {
            this.actionId = actionId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.actionId.equals(actionId) && k.version == version;
        }

        @Override
        public int hashCode() {
            return actionId.hashCode() * 31 + version;
        }
    }
}
