package dev.rapport.script.scripts;

import dev.rapport.platform.drafts.JsonVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A published version: written once, never updated. */
@Entity
@Immutable
@Table(name = "script_version")
public class ScriptVersionEntity extends JsonVersion {
    @EmbeddedId
    public Key key;

    @Override
    public int number() {
        return key.version();
    }

    @Embeddable
    public record Key(@Column(name = "script_id") UUID scriptId, @Column(name = "version") int version)
            implements Serializable {
    }
}
