package dev.rapport.script.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A wrap-up code's row; {@code version} counts its changes and is its ETag. */
@Entity
@Table(name = "wrapup_code")
public class WrapupCodeEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "division_id")
    public String divisionId;

    @Column(name = "division_name")
    public String divisionName;

    @Column(nullable = false)
    public long version;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_modified", nullable = false)
    public Instant dateModified;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "modified_by")
    public String modifiedBy;
}
