package dev.rapport.script.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A request on 'action-requests' still waiting for its result, and what its result continues. */
@Entity
@Table(name = "pending_request")
public class PendingRequest extends PanacheEntityBase {
    public static final String FLOW_LOOKUP = "flow-lookup";
    public static final String SCRIPT_ACTION = "script-action";

    @Id
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "interaction_id", nullable = false)
    public String interactionId;

    @Column(nullable = false)
    public String kind;

    /** The suspended custom action run (script-action). */
    @Column(name = "run_id")
    public String runId;

    /** Where the flow waits (flow-lookup): the path of step indexes to the lookup step. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "flow_path")
    public String flowPath;

    @Column(name = "action_id", nullable = false)
    public String actionId;

    @Column(nullable = false)
    public Instant deadline;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
