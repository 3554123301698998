package dev.rapport.datatable.tables;

import dev.rapport.contract.GenesysError.Detail;
import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.LimitExceeded;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.datatable.DataTableChanges;
import dev.rapport.datatable.DataTableConfig;
import dev.rapport.platform.web.Paging;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Creates, lists, changes and deletes tables; every committed change is announced on 'datatable-changes'. */
@ApplicationScoped
public class DataTableService {
    private final DataTableConfig config;
    private final DataTableChanges changes;
    private final EntityManager em;
    private final TableSchemas schemas;

    DataTableService(DataTableConfig config, DataTableChanges changes, EntityManager em, TableSchemas schemas) {
        this.config = config;
        this.changes = changes;
        this.em = em;
        this.schemas = schemas;
    }

    public record Page(List<DataTable> tables, long total) {
    }

    @Transactional
    public Page list(Paging paging, String sortBy, boolean descending, String name) {
        String column = switch (sortBy == null || sortBy.isBlank() ? "id" : sortBy) {
            case "id" -> "id";
            case "name" -> "name";
            default -> throw InvalidInput.field("sortBy", "sortBy is id or name");
        };
        Sort sort = Sort.by(column, descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
        PanacheQuery<DataTable> query = name == null || name.isBlank()
                ? DataTable.findAll(sort)
                : DataTable.find("lower(name) like :p escape '\\'", sort, Parameters.with("p", likePattern(name)));
        List<DataTable> tables = query.page(paging.pageNumber() - 1, paging.pageSize()).list();
        return new Page(tables, query.count());
    }

    /** Genesys's name filter: case-insensitive, {@code *} matches anything, everything else literally. */
    static String likePattern(String name) {
        StringBuilder p = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> p.append('%');
                case '%', '_', '\\' -> p.append('\\').append(c);
                default -> p.append(c);
            }
        }
        return p.toString();
    }

    public DataTable get(String id) {
        DataTable table = DataTable.findById(id);
        if (table == null) {
            throw new NotFound("Data table " + id + " not found");
        }
        return table;
    }

    /** The table, locked until the caller's transaction ends: row writers hold it so counts and schema stay put. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DataTable lock(String id, LockModeType mode) {
        DataTable table = DataTable.findById(id, mode);
        if (table == null) {
            throw new NotFound("Data table " + id + " not found");
        }
        return table;
    }

    @Transactional
    public DataTable create(DataTableBody body, String by) {
        String name = validName(body);
        TableSchema schema = new SchemaReader(config.limits().maxFields()).read(body.schema());
        // Serialises creations so that two at once cannot both take the last place under the limit.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(4242)").getSingleResult();
        if (DataTable.count() >= config.limits().maxTables()) {
            throw new LimitExceeded("There are already " + config.limits().maxTables()
                    + " data tables, the limit (rapport.datatable.limits.max-tables)");
        }
        requireUniqueName(name, null);
        DataTable table = new DataTable();
        table.id = UUID.randomUUID().toString();
        table.name = name;
        table.description = body.description();
        table.divisionId = body.division() == null ? null : body.division().id();
        table.setSchema(schema);
        table.version = 1;
        table.createdAt = Instant.now();
        table.updatedAt = table.createdAt;
        table.persist();
        changes.tableChanged(table.id, table.name, "created", by);
        return table;
    }

    /**
     * Replaces name, description and schema. Fields keep their type; new fields may be added and labels renamed.
     * A field missing from the new schema is refused unless named in {@code removeFields}, so that a client written
     * for Genesys (which cannot remove fields) never drops data by sending an old schema.
     */
    @Transactional
    public DataTable update(String id, DataTableBody body, Set<String> removeFields, String by) {
        DataTable table = lock(id, LockModeType.PESSIMISTIC_WRITE);
        String name = validName(body);
        TableSchema next = new SchemaReader(config.limits().maxFields()).read(body.schema());
        TableSchema current = schemas.of(table);
        List<Detail> problems = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Column old : current.columns()) {
            var now = next.column(old.name());
            if (now.isEmpty()) {
                if (removeFields.contains(old.name())) {
                    removed.add(old.name());
                } else {
                    problems.add(new Detail("invalid.value", "schema.properties." + old.name(),
                            "Field " + old.name() + " is missing from the schema; to remove it and its values, name "
                                    + "it in the query parameter removeFields"));
                }
            } else if (now.get().type() != old.type()) {
                problems.add(new Detail("invalid.value", "schema.properties." + old.name() + ".type",
                        "Field " + old.name() + " is a " + old.type().jsonName() + "; a field's type cannot change"));
            }
        }
        for (String r : removeFields) {
            if (current.column(r).isEmpty()) {
                problems.add(new Detail("invalid.value", "removeFields", "The table has no field " + r));
            } else if (next.column(r).isPresent()) {
                problems.add(new Detail("invalid.value", "removeFields",
                        "Field " + r + " is named in removeFields but is still in the schema"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        if (!name.equalsIgnoreCase(table.name)) {
            requireUniqueName(name, table.id);
        }
        table.name = name;
        table.description = body.description();
        if (body.division() != null) {
            table.divisionId = body.division().id();
        }
        table.setSchema(next);
        table.version++;
        table.updatedAt = Instant.now();
        for (String field : removed) {
            em.createNativeQuery("UPDATE datatable_row SET row_values = row_values - ?1 WHERE table_id = ?2")
                    .setParameter(1, field).setParameter(2, table.id).executeUpdate();
        }
        changes.tableChanged(table.id, table.name, "updated", by);
        return table;
    }

    /**
     * Deletes the table, its rows, history and jobs. {@code force} is Genesys's "delete even if in use"; Rapport does
     * not track which flows use a table yet, so no table is ever in use and {@code force} changes nothing.
     */
    @Transactional
    public void delete(String id, boolean force, String by) {
        DataTable table = lock(id, LockModeType.PESSIMISTIC_WRITE);
        String name = table.name;
        table.delete();
        schemas.forget(id);
        changes.tableChanged(id, name, "deleted", by);
    }

    private String validName(DataTableBody body) {
        if (body == null) {
            throw InvalidInput.field("body", "A data table is required");
        }
        String name = body.name();
        if (name == null || name.isBlank()) {
            throw InvalidInput.field("name", "The table needs a name");
        }
        if (name.length() > config.limits().maxNameLength()) {
            throw InvalidInput.field("name", "A table name has at most " + config.limits().maxNameLength()
                    + " characters");
        }
        return name.trim();
    }

    private void requireUniqueName(String name, String exceptId) {
        long same = exceptId == null
                ? DataTable.count("lower(name) = ?1", name.toLowerCase(Locale.ROOT))
                : DataTable.count("lower(name) = ?1 and id <> ?2", name.toLowerCase(Locale.ROOT), exceptId);
        if (same > 0) {
            throw new Conflict("A data table named '" + name + "' exists already",
                    List.of(new Detail("duplicate.value", "name", "A data table named '" + name + "' exists already")));
        }
    }
}
