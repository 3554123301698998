package dev.rapport.action.lookup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.actions.ActionService.Resolved;
import dev.rapport.action.engine.ActionDefinition;
import dev.rapport.action.engine.IntegrationContext;
import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.EventJson;

/**
 * The built-in "data table lookup" (Architect's Data Table Lookup): a Genesys Cloud data action of our own that reads
 * one row through datatable-service's API, so it runs through the same engine, guards, log and metrics as any action.
 * Inputs {@code tableId} and {@code key}; found → the row's columns and {@code found: true}; no row → a 404 failure
 * (reported as {@code not.found}); anything else → failure.
 */
public final class DataTableLookup {
    public static final String INTEGRATION_ID = "builtin";
    public static final IntegrationContext INTEGRATION =
            new IntegrationContext(IntegrationContext.PURECLOUD, null, null);

    private static final String DEFINITION = """
            {"config": {
               "request": {"requestType": "GET", "headers": {},
                 "requestUrlTemplate": "/api/v2/flows/datatables/$esc.uriEncode($input.tableId)/rows/$esc.uriEncode($input.key)?showbrief=false"},
               "response": {"translationMap": {}, "translationMapDefaults": {}, "successTemplate": ""}},
             "contract": {
               "input": {"inputSchema": {"type": "object", "required": ["tableId", "key"],
                 "properties": {"tableId": {"type": "string", "minLength": 1}, "key": {"type": "string", "minLength": 1}}}},
               "output": {"successSchema": {"type": "object"}}}}""";

    private static final Resolved RESOLVED;

    static {
        ObjectNode definition = (ObjectNode) EventJson.read(DEFINITION, com.fasterxml.jackson.databind.JsonNode.class);
        RESOLVED = new Resolved(ActionRequest.DATATABLE_LOOKUP, null, INTEGRATION_ID, new ActionDefinition(
                "Data table lookup", (ObjectNode) definition.get("config"), (ObjectNode) definition.get("contract"),
                false));
    }

    private DataTableLookup() {
    }

    public static Resolved action() {
        return RESOLVED;
    }
}
