package dev.rapport.datatable.rows;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row: its key, the values of the table's fields (JSONB, key excluded) and its version (the ETag). */
@Entity
@Table(name = "datatable_row")
public class DataTableRow extends PanacheEntityBase {
    @EmbeddedId
    public RowId id;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "row_values", nullable = false)
    public Map<String, Object> values;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Embeddable
    public record RowId(@Column(name = "table_id") String tableId, @Column(name = "row_key") String key)
            implements Serializable {
    }
}
