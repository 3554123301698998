package dev.rapport.datatable.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Checks a service's authorization against a table kept in the repository: every operation of its OpenAPI document is
 * called without a token and with a token of each role, and the roles that get neither 401 nor 403 must be exactly
 * the ones the table lists. An operation the table does not list, or a row of the table the document does not have,
 * is a failure, so a new endpoint cannot ship without someone deciding who may call it.
 *
 * <p>Nothing here knows the service: path placeholders are filled with one dummy id (a 404 counts as allowed, since
 * the role check comes first), bodies are {@code {}} in the first media type the operation accepts. An answer of 500
 * or more is reported too: hostile-but-harmless input must not break a service.
 *
 * <p>The table is tab-separated: {@code METHOD	/path/{param}	role,role} ({@code -} for none,
 * {@value #ANONYMOUS} for "no token"); {@code #} starts a comment line.
 */
public final class AuthorizationMatrix {
    public static final String ANONYMOUS = "anonymous";
    public static final String DUMMY_ID = "00000000-0000-4000-8000-000000000000";

    private final Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
    private String openApiPath = "/q/openapi?format=json";

    private AuthorizationMatrix() {
        callers.put(ANONYMOUS, () -> given());
    }

    /** @param bearerByRole role name → a bearer header value ({@code "Bearer ..."}) for a token of that role only */
    public static AuthorizationMatrix of(Map<String, String> bearerByRole) {
        AuthorizationMatrix m = new AuthorizationMatrix();
        bearerByRole.forEach((role, bearer) -> m.callers.put(role, () -> given().header("Authorization", bearer)));
        return m;
    }

    public AuthorizationMatrix openApiAt(String path) {
        this.openApiPath = path;
        return this;
    }

    /** One operation of the document. */
    public record Operation(String method, String path, String mediaType) {
        String id() {
            return method + "\t" + path;
        }
    }

    /**
     * Calls every operation as every caller and compares with the expected table (a classpath resource).
     *
     * @return the problems, one line each; empty when the service matches the table
     */
    public List<String> verify(String expectedResource) {
        Map<String, Set<String>> expected = readTable(expectedResource);
        List<Operation> operations = operations();
        List<String> problems = new ArrayList<>();
        Set<String> documented = new LinkedHashSet<>();
        for (Operation op : operations) {
            documented.add(op.id());
            Set<String> allowed = new TreeSet<>();
            for (Map.Entry<String, Supplier<RequestSpecification>> caller : callers.entrySet()) {
                int status = call(caller.getValue().get(), op).statusCode();
                if (status >= 500) {
                    problems.add(op.method() + " " + op.path() + " answered " + status + " to " + caller.getKey());
                }
                if (status != 401 && status != 403) {
                    allowed.add(caller.getKey());
                }
            }
            Set<String> want = expected.get(op.id());
            if (want == null) {
                problems.add(op.method() + " " + op.path() + " is not in " + expectedResource + "; today it admits "
                        + describe(allowed) + " (add a line: " + op.method() + "\\t" + op.path() + "\\t"
                        + describe(allowed) + ")");
            } else if (!want.equals(allowed)) {
                problems.add(op.method() + " " + op.path() + " admits " + describe(allowed) + "; the table says "
                        + describe(want));
            }
        }
        expected.keySet().stream().filter(id -> !documented.contains(id))
                .forEach(id -> problems.add(id.replace('\t', ' ') + " is in " + expectedResource
                        + " but not in the OpenAPI document"));
        return problems;
    }

    /** Every operation of the OpenAPI document, in document order. */
    public List<Operation> operations() {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(given().get(openApiPath).then().statusCode(200).extract().asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                String name = method.getKey().toUpperCase();
                if (!List.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE").contains(name)) {
                    continue; // "parameters", "summary" and other path-level members
                }
                Iterator<String> types = method.getValue().path("requestBody").path("content").fieldNames();
                ops.add(new Operation(name, path.getKey(), types.hasNext() ? types.next() : null));
            }
        }
        return ops;
    }

    private static Response call(RequestSpecification request, Operation op) {
        String url = op.path().replaceAll("\\{[^}]+}", DUMMY_ID);
        if (op.mediaType() != null) {
            String type = op.mediaType().contains("*") ? "application/json" : op.mediaType();
            request = request.contentType(type).body("{}".getBytes(StandardCharsets.UTF_8));
        }
        return request.redirects().follow(false).request(op.method(), url);
    }

    private static Map<String, Set<String>> readTable(String resource) {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        try (InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource + " on the test classpath");
            }
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != 3) {
                    throw new IllegalArgumentException(resource + " line " + n + ": expected METHOD<tab>path<tab>roles");
                }
                Set<String> roles = new TreeSet<>();
                if (!cells[2].strip().equals("-")) {
                    for (String r : cells[2].split(",")) {
                        roles.add(r.strip());
                    }
                }
                String id = cells[0].strip().toUpperCase() + "\t" + cells[1].strip();
                if (table.put(id, roles) != null) {
                    throw new IllegalArgumentException(resource + " line " + n + ": " + id + " is listed twice");
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
