package dev.rapport.datatable.exporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.datatable.tables.DataTable;
import dev.rapport.datatable.tables.DataTableService;
import dev.rapport.datatable.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * Genesys's export jobs: {@code POST .../export/jobs}, poll {@code .../export/jobs/{jobId}}, fetch its
 * {@code downloadURI}. The CSV is streamed from the rows when downloaded, so a job is ready at once and no file is
 * kept; the download holds the rows as they are when it is fetched. Admins only.
 */
@Path("/api/v2/flows/datatables/{datatableId}/export/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ExportJobResource {
    private final DataTableService tables;
    private final CsvExport export;
    private final Caller caller;

    ExportJobResource(DataTableService tables, CsvExport export, Caller caller) {
        this.tables = tables;
        this.export = export;
        this.caller = caller;
    }

    /** Genesys's {@code DataTableExportJob}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportJobView(String id, Owner owner, String status, Instant dateCreated, Instant dateCompleted,
                                String downloadURI, long countRecordsProcessed, String selfUri) {
        public record Owner(String id) {
        }
    }

    @POST
    @Transactional
    public ExportJobView create(@PathParam("datatableId") String tableId, @Context UriInfo uri) {
        DataTable table = tables.get(tableId);
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID().toString();
        job.tableId = tableId;
        job.ownerId = caller.subject();
        job.status = "Succeeded";
        job.dateCreated = Instant.now();
        job.dateCompleted = job.dateCreated;
        job.recordsProcessed = table.rowCount;
        job.persist();
        return view(job, uri);
    }

    @GET
    @Path("/{jobId}")
    public ExportJobView get(@PathParam("datatableId") String tableId, @PathParam("jobId") String jobId,
                             @Context UriInfo uri) {
        return view(find(tableId, jobId), uri);
    }

    @GET
    @Path("/{jobId}/download")
    @Produces("text/csv")
    public Response download(@PathParam("datatableId") String tableId, @PathParam("jobId") String jobId) {
        find(tableId, jobId);
        DataTable table = tables.get(tableId);
        StreamingOutput body = out -> export.write(tableId, table.schema(), out);
        String file = table.name.replaceAll("[^A-Za-z0-9._ -]", "_") + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private static ExportJob find(String tableId, String jobId) {
        ExportJob job = ExportJob.findById(jobId);
        if (job == null || !job.tableId.equals(tableId)) {
            throw new NotFound("Export job " + jobId + " not found for data table " + tableId);
        }
        return job;
    }

    private static ExportJobView view(ExportJob job, UriInfo uri) {
        String self = "/api/v2/flows/datatables/" + job.tableId + "/export/jobs/" + job.id;
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        return new ExportJobView(job.id, new ExportJobView.Owner(job.ownerId), job.status, job.dateCreated,
                job.dateCompleted, base + self + "/download", job.recordsProcessed, self);
    }
}
