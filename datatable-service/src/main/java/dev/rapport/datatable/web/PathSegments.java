package dev.rapport.datatable.web;

import dev.rapport.contract.failure.DomainException.NotFound;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose path, as sent, has a {@code .} or {@code ..} segment (also percent-encoded, {@code %2e}),
 * before routing. The HTTP layer removes such segments when it normalises the path, so {@code /rows/.} would reach the
 * row listing and {@code /rows/..} the table: a row key that a data action puts in a URL must never resolve to another
 * resource. The answer is the 404 a missing row gets. ({@code %2F} is not decoded before routing, so a key with a
 * slash already matches no route.)
 */
public class PathSegments {

    @ServerRequestFilter(preMatching = true)
    public void refuseDotSegments(HttpServerRequest request) {
        String raw = request.path();
        if (raw == null) {
            return;
        }
        for (String segment : raw.split("/", -1)) {
            String s = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (s.equals(".") || s.equals("..")) {
                throw new NotFound("Nothing is found at a path with a '" + s + "' segment; a row key is "
                        + "never '.' or '..'");
            }
        }
        // "/rows/" with an empty key would be the listing: a lookup of an empty key finds nothing instead.
        if (raw.endsWith("/rows/")) {
            throw new NotFound("A row key is never empty");
        }
    }
}
