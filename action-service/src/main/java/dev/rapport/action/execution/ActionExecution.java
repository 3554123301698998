package dev.rapport.action.execution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of the execution log: what ran, with which inputs (masked when secure), and how it ended. */
@Entity
@Table(name = "action_execution")
public class ActionExecution extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "action_id", nullable = false)
    public String actionId;

    @Column(name = "action_version")
    public Integer actionVersion;

    @Column(name = "interaction_id")
    public String interactionId;

    @Column(name = "request_id")
    public String requestId;

    /** api, test, kafka. */
    @Column(nullable = false)
    public String source;

    /** success, failure, timeout. */
    @Column(nullable = false)
    public String outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    public String inputs;

    @JdbcTypeCode(SqlTypes.JSON)
    public String outputs;

    @JdbcTypeCode(SqlTypes.JSON)
    public String error;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
