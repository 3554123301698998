package dev.rapport.script.schedules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** A schedule's row: wall-clock start and end (no zone: the schedule group's), an optional RRULE; version counts changes. */
@Entity
@Table(name = "architect_schedule")
public class ScheduleEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "start_at", nullable = false)
    public LocalDateTime start;

    @Column(name = "end_at", nullable = false)
    public LocalDateTime end;

    public String rrule;

    @Column(nullable = false)
    public long version;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_modified", nullable = false)
    public Instant dateModified;

    @Column(name = "modified_by")
    public String modifiedBy;
}
