package dev.rapport.script.schedules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A schedule group's row: its time zone and the ids of its open, closed and holiday schedules (JSON arrays). */
@Entity
@Table(name = "architect_schedule_group")
public class ScheduleGroupEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "open_schedules", nullable = false)
    public String openSchedules;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "closed_schedules", nullable = false)
    public String closedSchedules;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "holiday_schedules", nullable = false)
    public String holidaySchedules;

    @Column(nullable = false)
    public long version;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_modified", nullable = false)
    public Instant dateModified;

    @Column(name = "modified_by")
    public String modifiedBy;
}
