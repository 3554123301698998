package dev.rapport.script.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An interaction's agent session: the flow it ran, the script version it pinned, the engine's state as JSON. */
@Entity
@Table(name = "agent_session")
public class AgentSession extends PanacheEntityBase {
    @Id
    @Column(name = "interaction_id")
    public String interactionId;

    @Column(name = "flow_id")
    public UUID flowId;

    @Column(name = "flow_version")
    public Integer flowVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "flow_variables", nullable = false)
    public String flowVariables = "{}";

    @Column(name = "script_id")
    public String scriptId;

    @Column(name = "script_name")
    public String scriptName;

    @Column(name = "script_version")
    public Integer scriptVersion;

    /** The engine's SessionSnapshot (values, current page, waiting runs). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String snapshot;

    /** Custom action runs in flight or finished since the last version (SessionState.ActionRun). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String actions = "[]";

    /** Alerts raised since the last published version (SessionState.Alert). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String alerts = "[]";

    /** The screen pop's input templates ({script input: template}), for refreshing when a looked-up row changes. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "screen_pop")
    public String screenPop;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
