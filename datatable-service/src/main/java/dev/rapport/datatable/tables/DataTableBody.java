package dev.rapport.datatable.tables;

import com.fasterxml.jackson.databind.JsonNode;

/** What a client sends to create or update a table: Genesys's {@code DataTable}. Unknown properties are ignored. */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record DataTableBody(String id, String name, String description, Division division, JsonNode schema) {

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record Division(String id, String name) {
    }
}
