package dev.rapport.script.routing;

import dev.rapport.contract.GenesysError;
import dev.rapport.platform.web.CorrelationId;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The routing APIs read and write with plain JDBC: a unique index that refuses a name two admins saved at once is a
 * 409 like the check before it; any other database failure a 500 whose cause stays in the log.
 */
public class RoutingExceptionMappers {
    private static final String UNIQUE_VIOLATION = "23505";
    private final CorrelationId correlationId;

    RoutingExceptionMappers(CorrelationId correlationId) {
        this.correlationId = correlationId;
    }

    @ServerExceptionMapper
    public Response database(SQLException e) {
        String contextId = correlationId.get();
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return Response.status(409).type(MediaType.APPLICATION_JSON).header(CorrelationId.HEADER, contextId)
                    .entity(new GenesysError("Another one has this name", "conflict", 409, contextId,
                            List.of(new GenesysError.Detail("duplicate.name", "name", "another one has this name"))))
                    .build();
        }
        Log.errorf(e, "Database failure (contextId %s)", contextId);
        return Response.status(500).type(MediaType.APPLICATION_JSON).header(CorrelationId.HEADER, contextId)
                .entity(new GenesysError("The server failed to answer; quote contextId " + contextId,
                        "internal.server.error", 500, contextId, List.of())).build();
    }
}
