package dev.rapport.script.sessions;

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

/** One thing that happened to a session: an input, a step, a variable change, an action call and its result. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "interaction_id", nullable = false)
    public String interactionId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public String detail;
}
