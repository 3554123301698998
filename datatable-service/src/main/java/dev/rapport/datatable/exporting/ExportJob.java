package dev.rapport.datatable.exporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "datatable_export_job")
public class ExportJob extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "table_id", nullable = false)
    public String tableId;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(nullable = false)
    public String status;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_completed")
    public Instant dateCompleted;

    @Column(name = "records_processed", nullable = false)
    public long recordsProcessed;
}
