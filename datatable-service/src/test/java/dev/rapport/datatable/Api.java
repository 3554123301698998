package dev.rapport.datatable;

import static io.restassured.RestAssured.given;

import dev.rapport.contract.Roles;
import dev.rapport.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Requests as the roles of Rapport, with real signed tokens. */
public final class Api {
    public static final String TABLES = "/api/v2/flows/datatables";

    private Api() {
    }

    public static RequestSpecification asAdmin() {
        return as("ada", Roles.ADMIN);
    }

    /** The action-service's own identity. */
    public static RequestSpecification asService() {
        return as("action-service", Roles.SERVICE);
    }

    public static RequestSpecification asAgent() {
        return as("alex", Roles.AGENT);
    }

    public static RequestSpecification as(String subject, String... roles) {
        return given().header("Authorization", TestTokens.get().bearer(subject, roles)).contentType(ContentType.JSON);
    }

    /** A table name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a table with the Genesys documentation's sample schema and returns its id. */
    public static String createSampleTable(String name) {
        return asAdmin().body(sampleTable(name)).post(TABLES).then().statusCode(200).extract().path("id");
    }

    public static String sampleTable(String name) {
        return """
                {"name": "%s", "description": "sample",
                 "schema": {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
                   "required": ["key"], "additionalProperties": false,
                   "properties": {
                     "key":    {"title": "ANI", "type": "string", "$id": "/properties/key", "displayOrder": 0},
                     "myInt":  {"title": "myInt", "type": "integer", "$id": "/properties/myInt", "displayOrder": 1, "default": 0},
                     "myBool": {"title": "myBool", "type": "boolean", "$id": "/properties/myBool", "displayOrder": 2, "default": false},
                     "myDec":  {"title": "myDec", "type": "number", "$id": "/properties/myDec", "displayOrder": 3},
                     "myText": {"title": "My Text", "type": "string", "$id": "/properties/myText", "displayOrder": 4, "default": "none"}
                   }}}""".formatted(name);
    }
}
