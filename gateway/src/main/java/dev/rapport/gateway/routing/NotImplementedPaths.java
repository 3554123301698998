package dev.rapport.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.GenesysError;
import dev.rapport.platform.web.GenesysApiPaths;
import dev.rapport.platform.web.GenesysApiPaths.Entry;
import dev.rapport.platform.web.GenesysApiPaths.Status;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * What Rapport does not serve of Genesys's data-table, data-action and script APIs, answered 501
 * {@code not.implemented} in Genesys's error body naming the path ({@link GenesysApiPaths}): an operation the list
 * marks 501 is answered here without asking a service; a service's 404 for a request under those APIs that no served
 * operation of the list matches means it has no such route, and becomes the same 501. A 404 on a served operation (a
 * missing script, table or row) stays the service's own.
 */
@ApplicationScoped
public class NotImplementedPaths {
    public static final String CODE = "not.implemented";
    /** Longer paths are cut in the answer: the caller knows what it sent. */
    static final int MAX_ECHOED_PATH = 512;

    private final GenesysApiPaths paths = GenesysApiPaths.listed();
    private final ObjectMapper json;

    NotImplementedPaths(ObjectMapper json) {
        this.json = json;
    }

    /** Whether the request is for an operation of Genesys's that the list says Rapport does not implement. */
    public boolean listedAsNotImplemented(String method, String path) {
        return paths.match(method, path).map(e -> e.status() == Status.NOT_IMPLEMENTED).orElse(false);
    }

    /** Whether a 404 of a service for this request means "no such route": under the APIs, no served operation. */
    public boolean notFoundMeansNoRoute(String method, String path) {
        return GenesysApiPaths.apiOf(path).isPresent()
                && paths.match(method, path).map(Entry::status).filter(Status::served).isEmpty();
    }

    /** Genesys's error body of a 501 for this request. */
    public Buffer body(String method, String path, String contextId) {
        String echoed = path.length() > MAX_ECHOED_PATH ? path.substring(0, MAX_ECHOED_PATH) + "..." : path;
        String message = listedAsNotImplemented(method, path)
                ? method + " " + echoed + " is an operation of Genesys Cloud's API that Rapport does not implement"
                : method + " " + echoed + " is not an operation that Rapport or Genesys Cloud's API has";
        try {
            return Buffer.buffer(json.writeValueAsBytes(new GenesysError(message, CODE, 501,
                    Map.of("path", echoed), contextId, List.of())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
