package dev.rapport.datatable.rows;

import static dev.rapport.datatable.Api.TABLES;
import static dev.rapport.datatable.Api.asAdmin;
import static dev.rapport.datatable.Api.asService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.Roles;
import dev.rapport.datatable.Api;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** What a hostile or careless caller may send to the row API: each is refused naming its field, and nothing changes. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "datatable"))
class HostileRowsTest {
    private static final String ROWS = TABLES + "/{id}/rows";
    private static final String ROW = TABLES + "/{id}/rows/{key}";

    @TestHTTPResource("/")
    URL base;

    /** A write the API must refuse: method, key in the path (or null), body, status, the field the error names. */
    record Hostile(String method, String pathKey, String body, int status, String field) {
    }

    @Test
    void hostileRowWritesAreRefusedNamingTheFieldAndLeaveTheTableAsItWas() {
        String id = Api.createSampleTable(Api.uniqueName("Hostile"));
        asAdmin().body("{\"key\": \"k\", \"myInt\": 1, \"myText\": \"kept\"}").post(ROWS, id).then().statusCode(200);
        String before = fullListing(id);
        String deep = "[".repeat(2000) + "]".repeat(2000);
        List<Hostile> corpus = List.of(
                new Hostile("POST", null, "{\"key\": \".\"}", 400, "key"),
                new Hostile("POST", null, "{\"key\": \"..\"}", 400, "key"),
                new Hostile("POST", null, "{\"key\": \"a/b\"}", 400, "key"),
                new Hostile("POST", null, "{\"key\": \"k/history\"}", 400, "key"),
                new Hostile("POST", null, "{\"key\": \"a\\u0000b\"}", 400, "key"),
                new Hostile("POST", null, "{\"key\": \"x\", \"myText\": \"a\\u0000b\"}", 400, "myText"),
                new Hostile("POST", null, "{\"key\": \"x\", \"myText\": \"\\ud800\"}", 400, "myText"),
                new Hostile("POST", null, "{\"key\": \"x\", \"myInt\": 1e400}", 400, "myInt"),
                new Hostile("POST", null, "{\"key\": \"x\", \"myDec\": 1e400}", 400, "myDec"),
                new Hostile("POST", null, "{\"key\": \"x\", \"myInt\": 99999999999999999999}", 400, "myInt"),
                new Hostile("POST", null, "{\"key\": \"x\", \"myInt\": 1.5}", 400, "myInt"),
                new Hostile("POST", null, "{\"key\": \"x\", \"myText\": {\"a\": 1}}", 400, "myText"),
                new Hostile("POST", null, "{\"key\": \"x\", \"myText\": [\"a\"]}", 400, "myText"),
                new Hostile("POST", null, "{\"key\": \"x\", \"myText\": " + deep + "}", 400, "body"),
                new Hostile("POST", null, "{\"key\": \"x\", \"__proto__\": {}}", 400, "__proto__"),
                new Hostile("POST", null, "{\"key\": \"x\", \"myInt\": 1, \"myInt\": 2}", 400, "myInt"),
                new Hostile("POST", null, "{\"key\": \"x\", \"KEY\": \"y\"}", 400, "KEY"),
                new Hostile("POST", null, "{\"key\": \"x\", \"myDec\": NaN}", 400, "body"),
                new Hostile("POST", null, "{\"key\": \"x\"", 400, "body"),
                new Hostile("POST", null, "\"x\"", 400, "body"),
                new Hostile("POST", null, "null", 400, "body"),
                new Hostile("POST", null, "{}", 400, "key"),
                new Hostile("POST", null, "{\"key\": \"k\"}", 409, null),
                new Hostile("PUT", "k", "{\"myInt\": \"1\"}", 400, "myInt"),
                new Hostile("PUT", "k", "{\"myText\": \"" + "x".repeat(65_537) + "\"}", 400, "myText"),
                new Hostile("PUT", "k", "{\"myText\": \"a\\u0000\"}", 400, "myText"),
                new Hostile("PUT", "k", "[]", 400, "body"));
        SoftAssertions soft = new SoftAssertions();
        for (Hostile h : corpus) {
            var request = asAdmin().body(h.body());
            var response = h.method().equals("POST") ? request.post(ROWS, id) : request.put(ROW, id, h.pathKey());
            soft.assertThat(response.statusCode()).as("%s %s -> status", h.method(), abbreviate(h.body()))
                    .isEqualTo(h.status());
            if (h.field() != null) {
                soft.assertThat(response.jsonPath().getList("details.fieldName", String.class))
                        .as("%s %s -> fields named", h.method(), abbreviate(h.body())).contains(h.field());
                soft.assertThat(response.jsonPath().getString("code")).isEqualTo("bad.request");
            }
        }
        soft.assertAll();
        assertThat(fullListing(id)).isEqualTo(before);
        asAdmin().get(ROW + "/history", id, "k").then().body("total", equalTo(1));
    }

    @Test
    void aRowIsBoundedPerValueInWholeAndInMembers() {
        String fields = IntStream.rangeClosed(1, 20).mapToObj(i -> "\"f" + i + "\": {\"type\": \"string\"}")
                .collect(Collectors.joining(", "));
        String id = asAdmin().body("{\"name\": \"" + Api.uniqueName("Wide") + "\", \"schema\": {\"properties\": "
                + "{\"key\": {\"title\": \"K\"}, " + fields + "}}}").post(TABLES).then().statusCode(200)
                .extract().path("id");
        String wide = IntStream.rangeClosed(1, 20).mapToObj(i -> "\"f" + i + "\": \"" + "w".repeat(10_000) + "\"")
                .collect(Collectors.joining(", "));
        asAdmin().body("{\"key\": \"w\", " + wide + "}").post(ROWS, id).then().statusCode(400)
                .body("code", equalTo("bad.request")).body("details.fieldName", hasItem("body"))
                .body("message", containsString("max-row-bytes"));
        // Within the row bound: accepted, and its event is far below what Kafka takes.
        String fits = IntStream.rangeClosed(1, 20).mapToObj(i -> "\"f" + i + "\": \"" + "w".repeat(3_000) + "\"")
                .collect(Collectors.joining(", "));
        asAdmin().body("{\"key\": \"fits\", " + fits + "}").post(ROWS, id).then().statusCode(200);
        asAdmin().body("{\"key\": \"fits\", " + wide + "}").put(ROW, id, "fits").then().statusCode(400)
                .body("details.fieldName", hasItem("body"));
        // Characters that take several bytes count as bytes.
        asAdmin().body("{\"key\": \"e\", \"f1\": \"" + "\u00e9".repeat(40_000) + "\"}").post(ROWS, id).then()
                .statusCode(400).body("details.fieldName", hasItem("body"));

        String many = IntStream.range(0, 5_000).mapToObj(i -> "\"u" + i + "\": 1").collect(Collectors.joining(", "));
        asAdmin().body("{\"key\": \"m\", " + many + "}").post(ROWS, id).then().statusCode(400)
                .body("details.fieldName", hasItem("body")).body("details.size()", lessThanOrEqualTo(25));
        String huge = "{\"key\": \"h\", \"f1\": \"" + "h".repeat(2_000_000) + "\"}";
        asAdmin().body(huge).post(ROWS, id).then().statusCode(400).body("details.fieldName", hasItem("body"));
        asAdmin().get(ROWS, id).then().body("total", equalTo(1));
    }

    @Test
    void keysThatAreNotOnePathSegmentAreRefusedAndNeverResolveToAnotherResource() throws Exception {
        String id = Api.createSampleTable(Api.uniqueName("Dots"));
        asAdmin().body("{\"key\": \"k\", \"myInt\": 1}").post(ROWS, id).then().statusCode(200);
        List<String> raw = List.of(".", "..", "%2e", "%2E", "%2e%2e", ".%2e", "%2E.", "k%2Fhistory", "a%2Fb",
                "k%2F..", "..%2Fk", "k%5C..");
        List<String> problems = new ArrayList<>();
        for (String segment : raw) {
            for (String role : List.of(Roles.ADMIN, Roles.SERVICE)) {
                for (String suffix : List.of("", "?showbrief=false")) {
                    String path = TABLES + "/" + id + "/rows/" + segment + suffix;
                    HttpResponse<String> r = rawGet(path, TestTokens.get().bearer("raw", role));
                    boolean notFound = r.statusCode() == 404 && r.body().contains("\"code\":\"not.found\"");
                    if (!notFound) {
                        problems.add(role + " GET " + path + " -> " + r.statusCode() + " " + abbreviate(r.body()));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        asService().queryParam("showbrief", false).get(ROW, id, "k").then().statusCode(200).body("myInt", equalTo(1));
    }

    @Test
    void mistypedImportJobBodiesAreRefusedNamingTheField() {
        String id = Api.createSampleTable(Api.uniqueName("Jobs"));
        refusedJob(id, "{\"dryRun\": \"yes\"}", "dryRun");
        refusedJob(id, "{\"dryRun\": [true]}", "dryRun");
        refusedJob(id, "{\"importMode\": {\"a\": 1}}", "importMode");
        refusedJob(id, "{\"importMode\": \"Append\"", "body");
        refusedJob(id, "[1]", "body");
        asAdmin().body("{\"name\": \"x\", \"division\": 5}").post(TABLES).then().statusCode(400)
                .body("details.fieldName", hasItem("division"));
        asAdmin().get(TABLES + "/{id}/import/jobs", id).then().body("total", equalTo(0));
    }

    private static void refusedJob(String id, String body, String field) {
        ValidatableResponse r = asAdmin().body(body).post(TABLES + "/{id}/import/csv/jobs", id).then();
        r.statusCode(400).body("code", equalTo("bad.request")).body("message", notNullValue())
                .body("details.fieldName", hasItem(field)).body("message", not(containsString("dev.rapport")));
    }

    private HttpResponse<String> rawGet(String path, String bearer) throws Exception {
        URI uri = URI.create(base.toString().replaceAll("/$", "") + path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", bearer).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String fullListing(String id) {
        JsonNode listing;
        try {
            listing = new ObjectMapper().readTree(asAdmin().queryParam("showbrief", false).queryParam("pageSize", 500)
                    .get(ROWS, id).then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return listing.get("entities").toString() + " total " + listing.get("total");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
