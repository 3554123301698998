package dev.rapport.datatable.tables;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A table as Genesys returns it; {@code schema} only when asked for ({@code expand=schema}) or just written. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataTableView(String id, String name, String description, DataTableBody.Division division,
                            ObjectNode schema, String selfUri) {

    public static final String BASE = "/api/v2/flows/datatables";

    static DataTableView of(DataTable table, boolean withSchema) {
        ObjectNode schema = null;
        if (withSchema) {
            schema = table.schema().toDocument();
            // Genesys: "the schema's title field will be overridden by the name field".
            schema.put("title", table.name);
        }
        return new DataTableView(table.id, table.name, table.description,
                table.divisionId == null ? null : new DataTableBody.Division(table.divisionId, null),
                schema, BASE + "/" + table.id);
    }
}
