package dev.rapport.datatable.rows;

import dev.rapport.contract.failure.DomainException.LimitExceeded;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.contract.failure.DomainException.VersionMismatch;
import dev.rapport.contract.failure.DomainException;
import dev.rapport.datatable.DataTableChanges;
import dev.rapport.datatable.DataTableConfig;
import dev.rapport.datatable.tables.DataTable;
import dev.rapport.datatable.tables.DataTableService;
import dev.rapport.datatable.tables.TableSchema;
import dev.rapport.datatable.tables.TableSchemas;
import dev.rapport.datatable.web.ChangeAuthor;
import dev.rapport.platform.web.IfMatch;
import dev.rapport.platform.web.Paging;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes rows. A write locks its table (so the schema and the row count cannot change under it) and its
 * row, checks the caller's {@code If-Match}, records the change in the row's history and announces it, all in one
 * transaction.
 */
@ApplicationScoped
public class RowService {
    private final DataTableService tables;
    private final DataTableChanges changes;
    private final DataTableConfig config;
    private final RowValidator validator;
    private final TableSchemas schemas;
    private final EntityManager em;
    private final ObjectMapper json;
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };

    RowService(DataTableService tables, DataTableChanges changes, DataTableConfig config, TableSchemas schemas,
               EntityManager em, ObjectMapper json) {
        this.tables = tables;
        this.em = em;
        this.json = json;
        this.schemas = schemas;
        this.changes = changes;
        this.config = config;
        this.validator = RowValidator.of(config.limits());
    }

    /** A row as the API returns it, with its version for the ETag. */
    public record RowView(Map<String, Object> row, long version) {
    }

    public record Page(List<Map<String, Object>> rows, long total) {
    }

    @Transactional
    public Page list(String tableId, Paging paging, boolean descending, boolean brief) {
        DataTable table = tables.get(tableId);
        TableSchema schema = schemas.of(table);
        var query = DataTableRow.find("id.tableId", Sort.by("id.key",
                descending ? Sort.Direction.Descending : Sort.Direction.Ascending), tableId);
        List<Map<String, Object>> rows = query.page(paging.pageNumber() - 1, paging.pageSize()).<DataTableRow>list()
                .stream().map(r -> brief ? Map.<String, Object>of(TableSchema.KEY, r.id.key())
                        : schema.present(r.id.key(), r.values)).toList();
        return new Page(rows, query.count());
    }

    /**
     * A read (the hot path of lookups from flows and data actions): one query for the table's version and the row, a
     * cached schema, no transaction.
     */
    public RowView get(String tableId, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("SELECT t.version, CAST(r.row_values AS text), r.version "
                        + "FROM datatable t LEFT JOIN datatable_row r ON r.table_id = t.id AND r.row_key = ?1 "
                        + "WHERE t.id = ?2")
                .setParameter(1, key).setParameter(2, tableId).getResultList();
        if (found.isEmpty()) {
            throw new NotFound("Data table " + tableId + " not found");
        }
        Object[] r = found.get(0);
        if (r[1] == null) {
            throw new NotFound("Row " + key + " not found in data table " + tableId);
        }
        TableSchema schema = schemas.of(tableId, ((Number) r[0]).longValue())
                .orElseThrow(() -> new NotFound("Data table " + tableId + " not found"));
        try {
            Map<String, Object> values = json.readValue((String) r[1], VALUES);
            return new RowView(schema.present(key, values), ((Number) r[2]).longValue());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Row " + key + " of table " + tableId + " holds unreadable JSON", e);
        }
    }

    @Transactional
    public RowView create(String tableId, JsonNode body, ChangeAuthor by) {
        DataTable table = tables.lock(tableId, LockModeType.PESSIMISTIC_WRITE);
        TableSchema schema = schemas.of(table);
        RowValidator.ValidRow valid = validator.validate(schema, body, null);
        DataTableRow.RowId id = new DataTableRow.RowId(tableId, valid.key());
        if (DataTableRow.findById(id) != null) {
            throw new Conflict("Row " + valid.key() + " exists already in table " + table.name
                    + "; PUT replaces it");
        }
        if (table.rowCount >= config.limits().maxRowsPerTable()) {
            throw new LimitExceeded("Table " + table.name + " has "
                    + config.limits().maxRowsPerTable() + " rows, the limit (rapport.datatable.limits.max-rows-per-table)");
        }
        DataTableRow row = new DataTableRow();
        row.id = id;
        row.values = valid.values();
        // A key deleted and created again goes on from its last version, so an old ETag never matches the new row.
        row.version = lastVersion(tableId, valid.key()) + 1;
        row.updatedAt = Instant.now();
        row.updatedBy = by.changedBy();
        row.persist();
        table.rowCount++;
        record(row, "created", null, row.values, by);
        Map<String, Object> presented = schema.present(valid.key(), row.values);
        changes.rowUpserted(tableId, table.name, valid.key(), row.version, presented, by.changedBy());
        return new RowView(presented, row.version);
    }

    /** Full replace, as Genesys's PUT: fields the body does not give take their defaults. */
    @Transactional
    public RowView replace(String tableId, String key, JsonNode body, String ifMatch, ChangeAuthor by) {
        DataTable table = tables.lock(tableId, LockModeType.PESSIMISTIC_READ);
        TableSchema schema = schemas.of(table);
        RowValidator.ValidRow valid = validator.validate(schema, body, key);
        DataTableRow row = lockedRow(table, key);
        requireMatch(ifMatch, row);
        Map<String, Object> old = row.values;
        row.values = valid.values();
        row.version++;
        row.updatedAt = Instant.now();
        row.updatedBy = by.changedBy();
        record(row, "updated", old, row.values, by);
        Map<String, Object> presented = schema.present(key, row.values);
        changes.rowUpserted(tableId, table.name, key, row.version, presented, by.changedBy());
        return new RowView(presented, row.version);
    }

    @Transactional
    public void delete(String tableId, String key, String ifMatch, ChangeAuthor by) {
        DataTable table = tables.lock(tableId, LockModeType.PESSIMISTIC_WRITE);
        DataTableRow row = lockedRow(table, key);
        requireMatch(ifMatch, row);
        record(row, "deleted", row.values, null, by);
        row.delete();
        table.rowCount--;
        changes.rowDeleted(tableId, table.name, key, row.version, by.changedBy());
    }

    public record HistoryPage(List<RowChange> changes, long total) {
    }

    /** The changes of a row, newest first; still there after the row was deleted. */
    @Transactional
    public HistoryPage history(String tableId, String key, Paging paging) {
        tables.get(tableId);
        var query = RowChange.find("tableId = ?1 and rowKey = ?2", Sort.by("id", Sort.Direction.Descending),
                tableId, key);
        long total = query.count();
        if (total == 0) {
            throw new NotFound("Row " + key + " has no history in table " + tableId);
        }
        return new HistoryPage(query.page(paging.pageNumber() - 1, paging.pageSize()).list(), total);
    }

    private DataTableRow lockedRow(DataTable table, String key) {
        validator.checkKey(key, "rowId").ifPresent(p -> {
            throw new InvalidInput(p.message(), List.of(p));
        });
        DataTableRow row = DataTableRow.findById(new DataTableRow.RowId(table.id, key), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw rowNotFound(table, key);
        }
        return row;
    }

    /** {@code If-Match}: the row's version as its ETag (see {@link IfMatch}); absent means no check. */
    private static void requireMatch(String ifMatch, DataTableRow row) {
        if (!IfMatch.of(ifMatch).matches(row.version)) {
            throw new VersionMismatch("Row " + row.id.key() + " is at version " + row.version
                    + ", not " + ifMatch + ": it changed since you read it; read it again and retry");
        }
    }

    private static long lastVersion(String tableId, String key) {
        Object max = RowChange.getEntityManager().createQuery(
                        "select max(c.version) from RowChange c where c.tableId = ?1 and c.rowKey = ?2")
                .setParameter(1, tableId).setParameter(2, key).getSingleResult();
        return max == null ? 0 : ((Number) max).longValue();
    }

    private static void record(DataTableRow row, String operation, Map<String, Object> old, Map<String, Object> now,
                               ChangeAuthor by) {
        RowChange change = new RowChange();
        change.tableId = row.id.tableId();
        change.rowKey = row.id.key();
        change.version = row.version;
        change.operation = operation;
        change.oldValues = old;
        change.newValues = now;
        change.changedBy = by.changedBy();
        change.principal = by.principal();
        if (by.onBehalfOf() != null) {
            change.onBehalfOfUser = by.onBehalfOf().userId();
            change.onBehalfOfName = by.onBehalfOf().name();
            change.onBehalfOfAction = by.onBehalfOf().action();
        }
        change.changedAt = row.updatedAt == null ? Instant.now() : row.updatedAt;
        if ("deleted".equals(operation)) {
            change.changedAt = Instant.now();
        }
        change.source = "api";
        change.persist();
    }

    private static DomainException rowNotFound(DataTable table, String key) {
        return new NotFound("Row " + key + " not found in data table " + table.name);
    }
}
