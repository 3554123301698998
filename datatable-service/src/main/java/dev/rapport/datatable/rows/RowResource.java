package dev.rapport.datatable.rows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.Roles;
import dev.rapport.datatable.DataTableConfig;
import dev.rapport.datatable.web.Caller;
import dev.rapport.datatable.web.EntityListing;
import dev.rapport.datatable.web.Paging;
import dev.rapport.platform.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * Genesys's {@code /api/v2/flows/datatables/{id}/rows}. Rows are flat JSON objects; responses carry the row's
 * version as {@code ETag}, and PUT/DELETE honour {@code If-Match}. Admins, and Rapport services (the action-service
 * running a data action or a lookup), may use it; agents may not.
 */
@Path("/api/v2/flows/datatables/{datatableId}/rows")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SERVICE})
public class RowResource {
    private final RowService rows;
    private final DataTableConfig config;
    private final Caller caller;
    private final ObjectMapper json;

    RowResource(RowService rows, DataTableConfig config, Caller caller, ObjectMapper json) {
        this.rows = rows;
        this.config = config;
        this.caller = caller;
        this.json = json;
    }

    /** {@code showbrief} defaults to true as in Genesys: only the keys, unless false. */
    @GET
    public EntityListing<Map<String, Object>> list(@PathParam("datatableId") String tableId,
                                                   @QueryParam("pageNumber") Integer pageNumber,
                                                   @QueryParam("pageSize") Integer pageSize,
                                                   @QueryParam("showbrief") @DefaultValue("true") boolean brief,
                                                   @QueryParam("sortOrder") String sortOrder,
                                                   @Context UriInfo uri) {
        Paging paging = Paging.of(pageNumber, pageSize, config.limits().maxPageSize());
        RowService.Page page = rows.list(tableId, paging, Paging.descending(sortOrder), brief);
        return EntityListing.of(page.rows(), paging, page.total(), uri);
    }

    @POST
    public Response create(@PathParam("datatableId") String tableId, String body) {
        return withTag(Response.ok(), rows.create(tableId, parse(body), caller.subject()));
    }

    @GET
    @Path("/{rowId}")
    public Response get(@PathParam("datatableId") String tableId, @PathParam("rowId") String key,
                        @QueryParam("showbrief") @DefaultValue("true") boolean brief) {
        RowService.RowView row = rows.get(tableId, key);
        Map<String, Object> shown = brief ? Map.of("key", key) : row.row();
        return Response.ok(shown).tag(tag(row.version())).build();
    }

    @PUT
    @Path("/{rowId}")
    public Response replace(@PathParam("datatableId") String tableId, @PathParam("rowId") String key,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        return withTag(Response.ok(), rows.replace(tableId, key, parse(body), ifMatch, caller.subject()));
    }

    @DELETE
    @Path("/{rowId}")
    public Response delete(@PathParam("datatableId") String tableId, @PathParam("rowId") String key,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        rows.delete(tableId, key, ifMatch, caller.subject());
        return Response.noContent().build();
    }

    /** Rapport only: every change of the row, newest first. */
    @GET
    @Path("/{rowId}/history")
    public EntityListing<RowHistoryEntry> history(@PathParam("datatableId") String tableId,
                                                  @PathParam("rowId") String key,
                                                  @QueryParam("pageNumber") Integer pageNumber,
                                                  @QueryParam("pageSize") Integer pageSize,
                                                  @Context UriInfo uri) {
        Paging paging = Paging.of(pageNumber, pageSize, config.limits().maxPageSize());
        RowService.HistoryPage page = rows.history(tableId, key, paging);
        List<RowHistoryEntry> entries = page.changes().stream().map(RowHistoryEntry::of).toList();
        return EntityListing.of(entries, paging, page.total(), uri);
    }

    /** Bodies are read here, whatever their content type: data actions do not always send one. */
    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalidField("body", "A row is a JSON object of field names and values");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidField("body", "The row is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Response withTag(Response.ResponseBuilder builder, RowService.RowView row) {
        return builder.entity(row.row()).tag(tag(row.version())).build();
    }

    private static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
