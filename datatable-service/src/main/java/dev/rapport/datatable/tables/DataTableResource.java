package dev.rapport.datatable.tables;

import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.datatable.DataTableConfig;
import dev.rapport.datatable.web.Caller;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Genesys's {@code /api/v2/flows/datatables}: tables and their schemas. Admins only. */
@Path(DataTableView.BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DataTableResource {
    private final DataTableService tables;
    private final DataTableConfig config;
    private final Caller caller;

    DataTableResource(DataTableService tables, DataTableConfig config, Caller caller) {
        this.tables = tables;
        this.config = config;
        this.caller = caller;
    }

    @GET
    public EntityListing<DataTableView> list(@QueryParam("pageNumber") Integer pageNumber,
                                             @QueryParam("pageSize") Integer pageSize,
                                             @QueryParam("sortBy") String sortBy,
                                             @QueryParam("sortOrder") String sortOrder,
                                             @QueryParam("name") String name,
                                             @QueryParam("expand") String expand,
                                             @Context UriInfo uri) {
        Paging paging = Paging.of(pageNumber, pageSize, config.limits().maxPageSize());
        boolean withSchema = expandsSchema(expand);
        DataTableService.Page page = tables.list(paging, sortBy, Paging.descending(sortOrder), name);
        List<DataTableView> views = page.tables().stream().map(t -> DataTableView.of(t, withSchema)).toList();
        return EntityListing.of(views, paging, page.total(), uri);
    }

    @POST
    public DataTableView create(DataTableBody body) {
        return DataTableView.of(tables.create(body, caller.subject()), true);
    }

    @GET
    @Path("/{datatableId}")
    public DataTableView get(@PathParam("datatableId") String id, @QueryParam("expand") String expand) {
        return DataTableView.of(tables.get(id), expandsSchema(expand));
    }

    /** {@code removeFields}: comma-separated fields to delete with their values (Rapport only; Genesys cannot). */
    @PUT
    @Path("/{datatableId}")
    public DataTableView update(@PathParam("datatableId") String id, @QueryParam("removeFields") List<String> remove,
                                DataTableBody body) {
        Set<String> removeFields = new LinkedHashSet<>();
        remove.forEach(r -> Arrays.stream(r.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(removeFields::add));
        return DataTableView.of(tables.update(id, body, removeFields, caller.subject()), true);
    }

    @DELETE
    @Path("/{datatableId}")
    public Response delete(@PathParam("datatableId") String id, @QueryParam("force") @DefaultValue("false") boolean force) {
        tables.delete(id, force, caller.subject());
        return Response.noContent().build();
    }

    private static boolean expandsSchema(String expand) {
        if (expand == null || expand.isBlank()) {
            return false;
        }
        if (!expand.equals("schema")) {
            throw InvalidInput.field("expand", "expand takes only the value schema");
        }
        return true;
    }
}
