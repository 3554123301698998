package dev.rapport.action.requests;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An action request id: claimed while its action runs, then its result, so a redelivery is answered, not run again. */
@Entity
@Table(name = "action_result")
public class StoredResult extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "interaction_id", nullable = false)
    public String interactionId;

    /** Null while the request's action runs. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String result;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    /** The instance running the request's action (see InstanceLiveness); null for claims older than this column. */
    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
