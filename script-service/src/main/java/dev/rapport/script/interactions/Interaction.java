package dev.rapport.script.interactions;

import dev.rapport.contract.InteractionEvent.AgentRef;
import dev.rapport.contract.InteractionEvent.QueueRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "interaction")
public class Interaction extends PanacheEntityBase {
    @Id
    public String id;

    @Column(nullable = false)
    public String state;

    public String ani;
    public String dnis;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> attributes = new LinkedHashMap<>();

    @Column(name = "queue_id")
    public String queueId;
    @Column(name = "queue_name")
    public String queueName;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "agent_name")
    public String agentName;
    @Column(name = "agent_email")
    public String agentEmail;

    @Column(nullable = false)
    public long version;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The last session state published for it, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_state")
    public String lastState;

    public QueueRef queue() {
        return queueId == null ? null : new QueueRef(queueId, queueName);
    }

    public AgentRef agent() {
        return agentId == null ? null : new AgentRef(agentId, agentName, agentEmail);
    }
}
