package dev.rapport.datatable.rows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.datatable.DataTableConfig;
import dev.rapport.datatable.web.Caller;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Genesys's {@code /api/v2/flows/datatables/{id}/rows}. Rows are flat JSON objects; responses carry the row's
 * version as {@code ETag}, and PUT/DELETE honour {@code If-Match}. Admins may do everything; the {@code service} role
 * (action-service running a data action or the built-in lookup) only what data actions need: read, create and
 * replace rows, not delete them or read their history. Agents may not.
 */
@Path("/api/v2/flows/datatables/{datatableId}/rows")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SERVICE})
public class RowResource {
    private final RowService rows;
    private final DataTableConfig config;
    private final Caller caller;
    private final ObjectMapper json;
    static final int BODY_BYTES_PER_ROW_BYTE = 4;

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
    public Response create(@PathParam("datatableId") String tableId, InputStream body) {
        return withTag(Response.ok(), rows.create(tableId, parse(body), caller.author()));
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
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        return withTag(Response.ok(), rows.replace(tableId, key, parse(body), ifMatch, caller.author()));
    }

    @DELETE
    @Path("/{rowId}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("datatableId") String tableId, @PathParam("rowId") String key,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        rows.delete(tableId, key, ifMatch, caller.author());
        return Response.noContent().build();
    }

    /** Rapport only: every change of the row, newest first. */
    @GET
    @Path("/{rowId}/history")
    @RolesAllowed(Roles.ADMIN)
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

    /**
     * Bodies are read here, whatever their content type: data actions do not always send one. At most
     * {@link #BODY_BYTES_PER_ROW_BYTE} times max-row-bytes is read (JSON escapes make a body larger than its row), so a
     * huge body is refused before it fills memory; a member named twice is refused, not silently the last one.
     */
    private JsonNode parse(InputStream body) {
        int max = BODY_BYTES_PER_ROW_BYTE * config.limits().maxRowBytes();
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(max + 1);
        } catch (IOException e) {
            throw InvalidInput.field("body", "The row could not be read: " + e.getMessage());
        }
        if (bytes.length > max) {
            throw InvalidInput.field("body", "The body is larger than " + max + " bytes; a row has at most "
                    + config.limits().maxRowBytes() + " (rapport.datatable.limits.max-row-bytes)");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw InvalidInput.field("body", "A row is a JSON object of field names and values");
        }
        try {
            return json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(bytes);
        } catch (JsonProcessingException e) {
            String field = e.getProcessor() instanceof JsonParser p && e.getOriginalMessage().startsWith("Duplicate")
                    ? currentName(p) : "body";
            throw InvalidInput.field(field, "The row is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidInput.field("body", "The row could not be read: " + e.getMessage());
        }
    }

    private static String currentName(JsonParser parser) {
        try {
            String name = parser.currentName();
            return name == null ? "body" : name;
        } catch (IOException e) {
            return "body";
        }
    }

    private static Response withTag(Response.ResponseBuilder builder, RowService.RowView row) {
        return builder.entity(row.row()).tag(tag(row.version())).build();
    }

    private static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
