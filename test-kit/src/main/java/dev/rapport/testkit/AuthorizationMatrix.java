package dev.rapport.testkit;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call what, checked against a table kept in the repository: every operation of a service's OpenAPI document
 * is called without a token ({@value #ANONYMOUS}) and with a token of each role, and the callers that get neither 401
 * nor 403 must be exactly the ones the table lists. An operation missing from the table, or a line of the table the
 * document does not have, is a failure, so a new endpoint cannot ship without someone deciding who may call it.
 *
 * <p>Nothing here knows one service. Path placeholders get a dummy value (a number for integer parameters, else a
 * UUID), bodies are {@code {}} in the first media type the operation accepts: the role check comes before validation
 * and lookups, so a 400, 404 or 409 counts as "let in". An answer of 500 or more is reported too (hostile but harmless
 * input must not break a service). A streaming answer is closed once its status is known; redirects are not followed.
 *
 * <p>The table is tab-separated, {@code METHOD<TAB>/path/{param}<TAB>role,role} as in the OpenAPI document
 * ({@code -} for nobody, {@value #ANONYMOUS} for "no token"); {@code #} starts a comment line.
 */
public final class AuthorizationMatrix {
    public static final String ANONYMOUS = "anonymous";
    public static final String DUMMY_ID = "00000000-0000-4000-8000-000000000000";
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI openApi;
    private final URI api;
    private final Map<String, String> tokenByRole;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build(); // no h2c upgrade: its reused connections ended in EOFs

    /**
     * @param openApi     the JSON OpenAPI document, e.g.
     *                    {@code @TestHTTPResource(value = "/openapi?format=json", management = true)}
     * @param api         where the operations are served, e.g. {@code @TestHTTPResource("/")}
     * @param tokenByRole a bearer token (without "Bearer ") per role name
     */
    public AuthorizationMatrix(URI openApi, URI api, Map<String, String> tokenByRole) {
        this.openApi = openApi;
        this.api = api;
        this.tokenByRole = new LinkedHashMap<>(tokenByRole);
    }

    /** A matrix whose callers hold a {@link TestTokens} token of one role each. */
    public static AuthorizationMatrix forRoles(URI openApi, URI api, List<String> roles) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : roles) {
            tokens.put(role, TestTokens.get().issue("matrix-" + role, role));
        }
        return new AuthorizationMatrix(openApi, api, tokens);
    }

    /** One operation of the document; {@code mediaType} is the first one its request body accepts, or null. */
    public record Operation(String method, String path, String mediaType, Map<String, String> pathParameterTypes) {
        String id() {
            return method + "\t" + path;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Calls every operation as every caller and compares with the expected table (a class path resource).
     *
     * @return the problems, one line each; empty when the service matches the table
     */
    public List<String> verify(String expectedResource) {
        Map<String, Set<String>> expected = readTable(expectedResource);
        List<String> problems = new ArrayList<>();
        Set<String> documented = new LinkedHashSet<>();
        for (Operation op : operations()) {
            documented.add(op.id());
            Set<String> admitted = new TreeSet<>();
            if (admits(op, ANONYMOUS, null, problems)) {
                admitted.add(ANONYMOUS);
            }
            tokenByRole.forEach((role, token) -> {
                if (admits(op, role, token, problems)) {
                    admitted.add(role);
                }
            });
            Set<String> want = expected.get(op.id());
            if (want == null) {
                problems.add(op + " is not in " + expectedResource + "; today it admits " + describe(admitted)
                        + " (decide, then add the line: " + op.method() + "\\t" + op.path() + "\\t"
                        + describe(admitted) + ")");
            } else if (!want.equals(admitted)) {
                problems.add(op + " admits " + describe(admitted) + "; " + expectedResource + " says " + describe(want));
            }
        }
        expected.keySet().stream().filter(id -> !documented.contains(id))
                .forEach(id -> problems.add(id.replace('\t', ' ') + " is in " + expectedResource
                        + " but not in the OpenAPI document"));
        return problems;
    }

    /** Every operation of the OpenAPI document, in document order. */
    public List<Operation> operations() {
        JsonNode doc = document();
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                String name = method.getKey().toUpperCase(Locale.ROOT);
                if (!METHODS.contains(name)) {
                    continue; // "parameters", "summary" and other path-level members
                }
                Map<String, String> types = new LinkedHashMap<>();
                pathParameterTypes(path.getValue().path("parameters"), types);
                pathParameterTypes(method.getValue().path("parameters"), types); // the operation's own win
                Iterator<String> media = method.getValue().path("requestBody").path("content").fieldNames();
                ops.add(new Operation(name, path.getKey(), media.hasNext() ? media.next() : null, types));
            }
        }
        if (ops.isEmpty()) {
            throw new IllegalStateException(openApi + " lists no operations");
        }
        return ops;
    }

    private JsonNode document() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(openApi).timeout(TIMEOUT)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(openApi + " answered " + response.statusCode());
            }
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(openApi.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pathParameterTypes(JsonNode parameters, Map<String, String> types) {
        for (JsonNode parameter : parameters) {
            if ("path".equals(parameter.path("in").asText())) {
                types.put(parameter.path("name").asText(), parameter.path("schema").path("type").asText("string"));
            }
        }
    }

    private boolean admits(Operation op, String caller, String token, List<String> problems) {
        int status = call(op, token);
        if (status >= 500) {
            problems.add(op + " answered " + status + " to " + caller);
        }
        return status != 401 && status != 403;
    }

    private int call(Operation op, String token) {
        String concrete = concretePath(op);
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(concrete)).timeout(TIMEOUT);
        if (op.mediaType() != null) {
            String type = op.mediaType().contains("*") ? "application/json" : op.mediaType();
            request.method(op.method(), HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", type);
        } else {
            request.method(op.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // a stream (SSE) is not read to its end
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(op.method() + " " + concrete, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path with each placeholder filled: a number where the document says integer or number, else a UUID. */
    private static String concretePath(Operation op) {
        String relative = op.path().startsWith("/") ? op.path().substring(1) : op.path(); // under the API's base
        Matcher placeholder = PLACEHOLDER.matcher(relative);
        StringBuilder concrete = new StringBuilder();
        while (placeholder.find()) {
            String type = op.pathParameterTypes().getOrDefault(placeholder.group(1), "string");
            placeholder.appendReplacement(concrete, type.equals("integer") || type.equals("number") ? "1" : DUMMY_ID);
        }
        return placeholder.appendTail(concrete).toString();
    }

    private static Map<String, Set<String>> readTable(String resource) {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        try (InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource + " on the test class path");
            }
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                String[] cells = line.strip().split("\t+");
                if (cells.length != 3) {
                    throw new IllegalArgumentException(resource + " line " + n + ": expected METHOD<TAB>path<TAB>roles");
                }
                Set<String> roles = new TreeSet<>();
                if (!cells[2].strip().equals("-")) {
                    for (String role : cells[2].split(",")) {
                        roles.add(role.strip());
                    }
                }
                String id = cells[0].strip().toUpperCase(Locale.ROOT) + "\t" + cells[1].strip();
                if (table.put(id, roles) != null) {
                    throw new IllegalArgumentException(resource + " line " + n + ": " + id.replace('\t', ' ')
                            + " is listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    private static String describe(Set<String> roles) {
        return roles.isEmpty() ? "-" : String.join(",", roles);
    }
}
