package dev.rapport.script.flows;

import dev.rapport.platform.drafts.JsonVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A published version of an inbound flow: never changed after it is written. */
@Entity
@Table(name = "inbound_flow_version")
public class FlowVersionEntity extends JsonVersion {
    @EmbeddedId
    public Key key;

    @Override
    public int number() {
        return key.version();
    }

    @Embeddable
    public record Key(@Column(name = "flow_id") UUID flowId, @Column(name = "version") int version)
            implements Serializable {
    }
}
