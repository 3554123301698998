package dev.rapport.datatable.tables;

import dev.rapport.contract.EventJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "datatable")
public class DataTable extends PanacheEntityBase {
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "division_id")
    public String divisionId;

    /** Genesys's JSON Schema document, as {@link TableSchema#toDocument()} wrote it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "schema_doc", nullable = false)
    public Map<String, Object> schemaDoc;

    @Column(nullable = false)
    public long version;

    @Column(name = "row_count", nullable = false)
    public long rowCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The schema, read again from the stored document (which was valid when stored). */
    public TableSchema schema() {
        return new SchemaReader(Integer.MAX_VALUE).read(EventJson.mapper().valueToTree(schemaDoc));
    }

    @SuppressWarnings("unchecked")
    void setSchema(TableSchema schema) {
        schemaDoc = EventJson.mapper().convertValue(schema.toDocument(), Map.class);
    }
}
