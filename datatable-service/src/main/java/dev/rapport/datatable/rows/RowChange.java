package dev.rapport.datatable.rows;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change of a row, kept for its history: Genesys keeps none. */
@Entity
@Table(name = "datatable_row_history")
public class RowChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "table_id", nullable = false)
    public String tableId;

    @Column(name = "row_key", nullable = false)
    public String rowKey;

    /** The row's version after the change (before it, for a delete). */
    @Column(nullable = false)
    public long version;

    /** created, updated or deleted. */
    @Column(nullable = false)
    public String operation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "old_values")
    public Map<String, Object> oldValues;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "new_values")
    public Map<String, Object> newValues;

    /** The caller, or "alex via Update Case" for a change a trusted service made for a person. */
    @Column(name = "changed_by")
    public String changedBy;

    /** Whose token made the request; null on entries written before it was recorded (then: changedBy). */
    public String principal;

    /** The person a trusted service acted for (user id, name) and the data action it ran; null otherwise. */
    @Column(name = "on_behalf_of_user")
    public String onBehalfOfUser;

    @Column(name = "on_behalf_of_name")
    public String onBehalfOfName;

    @Column(name = "on_behalf_of_action")
    public String onBehalfOfAction;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** api or import:&lt;jobId&gt;. */
    @Column(nullable = false)
    public String source;
}
