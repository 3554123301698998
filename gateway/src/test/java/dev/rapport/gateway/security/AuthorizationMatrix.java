package dev.rapport.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may call what, checked against a service's own OpenAPI document: every operation is called with no token
 * ({@link #ANONYMOUS}) and with a token of each role; the roles that get neither 401 nor 403 must equal the expected
 * table (a TSV resource: {@code METHOD<TAB>path<TAB>role,role,...}, {@code -} for none, {@code #} comments). An operation
 * missing from the table, or a row without an operation, is a failure too. Nothing here knows one service: give it the
 * OpenAPI URL, the API's base URL and a bearer token per role.
 *
 * <p>Path parameters get a probe value, bodies are {@code {}}: the point is the security layer's answer, which comes
 * before validation and lookups (a 400 or 404 counts as "let in"). A streaming answer is closed once its status is known.
 */
public final class AuthorizationMatrix {
    public static final String ANONYMOUS = "anonymous";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    private final URI openApi;
    private final URI api;
    private final Map<String, String> bearerByRole;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param openApi      the JSON OpenAPI document ({@code /q/openapi?format=json} on the management port)
     * @param api          where the operations are served
     * @param bearerByRole a token (without "Bearer ") per role name
     */
    public AuthorizationMatrix(URI openApi, URI api, Map<String, String> bearerByRole) {
        this.openApi = openApi;
        this.api = api;
        this.bearerByRole = new LinkedHashMap<>(bearerByRole);
    }

    /** "METHOD path" → the roles let in, as observed. */
    public Map<String, Set<String>> observe() {
        Map<String, Set<String>> observed = new TreeMap<>();
        for (String operation : operations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            Set<String> allowed = new TreeSet<>();
            if (letIn(method, path, null)) {
                allowed.add(ANONYMOUS);
            }
            bearerByRole.forEach((role, token) -> {
                if (letIn(method, path, token)) {
                    allowed.add(role);
                }
            });
            observed.put(operation, allowed);
        }
        return observed;
    }

    /** The expected table from a TSV resource on the class path. */
    public static Map<String, Set<String>> expected(String resource) {
        Map<String, Set<String>> expected = new TreeMap<>();
        try (InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.strip().split("\t+");
                if (cells.length != 3) {
                    throw new IllegalStateException(resource + ": not METHOD<TAB>path<TAB>roles: " + line);
                }
                Set<String> roles = new TreeSet<>();
                if (!cells[2].equals("-")) {
                    for (String role : cells[2].split(",")) {
                        roles.add(role.strip());
                    }
                }
                expected.put(cells[0].toUpperCase() + " " + cells[1], roles);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }

    /** Differences between what was observed and the table, one line each; empty when they agree. */
    public static List<String> differences(Map<String, Set<String>> expected, Map<String, Set<String>> observed) {
        List<String> differences = new ArrayList<>();
        observed.forEach((operation, roles) -> {
            if (!expected.containsKey(operation)) {
                differences.add(operation + ": not in the table (observed " + roles + ")");
            } else if (!expected.get(operation).equals(roles)) {
                differences.add(operation + ": expected " + expected.get(operation) + " but " + roles + " get in");
            }
        });
        expected.keySet().stream().filter(op -> !observed.containsKey(op))
                .forEach(op -> differences.add(op + ": in the table but not in the OpenAPI document"));
        return differences;
    }

    private List<String> operations() {
        JsonNode document;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(openApi).timeout(Duration.ofSeconds(20))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(openApi + " answered " + response.statusCode());
            }
            document = new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        if (operations.isEmpty()) {
            throw new IllegalStateException(openApi + " lists no operations");
        }
        return operations;
    }

    private boolean letIn(String method, String path, String token) {
        String concrete = path.replaceAll("\\{[^}]+}", "authz-probe");
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(concrete)).timeout(Duration.ofSeconds(20));
        boolean withBody = Set.of("POST", "PUT", "PATCH").contains(method);
        request.method(method, withBody ? HttpRequest.BodyPublishers.ofString("{}")
                : HttpRequest.BodyPublishers.noBody());
        if (withBody) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // a stream (SSE) is not read to its end
            return response.statusCode() != 401 && response.statusCode() != 403;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + concrete, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
