package dev.rapport.datatable.importing;

import dev.rapport.contract.Roles;
import dev.rapport.datatable.DataTableConfig;
import dev.rapport.datatable.web.Caller;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.io.InputStream;

/**
 * Genesys's CSV import jobs: {@code POST .../import/csv/jobs} answers an {@code uploadURI}; the client PUTs (or POSTs)
 * the CSV there with its bearer token and polls {@code .../import/jobs/{jobId}}. Admins only.
 */
@Path("/api/v2/flows/datatables/{datatableId}/import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ImportJobResource {
    private final ImportJobService jobs;
    private final DataTableConfig config;
    private final Caller caller;

    ImportJobResource(ImportJobService jobs, DataTableConfig config, Caller caller) {
        this.jobs = jobs;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Path("/csv/jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImportJobView create(@PathParam("datatableId") String tableId, ImportJobService.NewJob body,
                                @Context UriInfo uri) {
        return ImportJobView.of(jobs.create(tableId, body, caller.subject()), base(uri));
    }

    /** Genesys's older path for the same thing. */
    @POST
    @Path("/jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImportJobView createLegacy(@PathParam("datatableId") String tableId, ImportJobService.NewJob body,
                                      @Context UriInfo uri) {
        return create(tableId, body, uri);
    }

    @GET
    @Path("/jobs")
    public EntityListing<ImportJobView> list(@PathParam("datatableId") String tableId,
                                             @QueryParam("pageNumber") Integer pageNumber,
                                             @QueryParam("pageSize") Integer pageSize, @Context UriInfo uri) {
        Paging paging = Paging.of(pageNumber, pageSize, config.limits().maxPageSize());
        ImportJobService.Page page = jobs.list(tableId, paging);
        return EntityListing.of(page.jobs().stream().map(j -> ImportJobView.of(j, base(uri))).toList(), paging,
                page.total(), uri);
    }

    @GET
    @Path("/jobs/{jobId}")
    public ImportJobView get(@PathParam("datatableId") String tableId, @PathParam("jobId") String jobId,
                             @Context UriInfo uri) {
        return ImportJobView.of(jobs.poll(tableId, jobId), base(uri));
    }

    @PUT
    @Path("/jobs/{jobId}/upload")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("datatableId") String tableId, @PathParam("jobId") String jobId,
                           InputStream csv, @Context UriInfo uri) {
        return Response.accepted(ImportJobView.of(jobs.upload(tableId, jobId, csv), base(uri))).build();
    }

    @POST
    @Path("/jobs/{jobId}/upload")
    @Consumes(MediaType.WILDCARD)
    public Response uploadByPost(@PathParam("datatableId") String tableId, @PathParam("jobId") String jobId,
                                 InputStream csv, @Context UriInfo uri) {
        return upload(tableId, jobId, csv, uri);
    }

    private static String base(UriInfo uri) {
        String b = uri.getBaseUri().toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
