package dev.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.Roles;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in issuer: tokens for people and systems, which this gateway (and every service) then accepts. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class IdentityTest {
    @jakarta.inject.Inject
    io.smallrye.jwt.auth.principal.JWTParser parser;

    @Test
    void aTokenIsVerifiedOnceAndRememberedOnlyUntilItExpires() throws Exception {
        long now = Instant.now().getEpochSecond();
        String live = Tokens.get().issue("alex", Map.of("iat", now, "exp", now + 600), Roles.AGENT);
        assertThat(parser.parse(live)).as("the second parse is the first one's result: no second signature check")
                .isSameAs(parser.parse(live));
        // Within the clock skew the signature check still accepts it, but it is never remembered past its exp.
        String ending = Tokens.get().issue("alex", Map.of("iat", now - 600, "exp", now - 2), Roles.AGENT);
        assertThat(parser.parse(ending)).isNotSameAs(parser.parse(ending));
    }


    @Test
    void anAgentSignsInWithThePasswordGrantAndTheTokenCarriesTheirRole() {
        String token = given().formParam("grant_type", "password").formParam("username", "alex")
                .formParam("password", "alex").post("/oauth/token")
                .then().statusCode(200).body("token_type", equalTo("bearer")).body("expires_in", notNullValue())
                .extract().path("access_token");

        given().header("Authorization", "Bearer " + token).get("/api/v2/users/me")
                .then().statusCode(200).body("id", equalTo("alex")).body("name", equalTo("Alex Agent"))
                .body("roles", hasItem("agent"));
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        String kid = given().get("/oauth/jwks").then().statusCode(200).body("keys[0].kty", equalTo("RSA"))
                .extract().path("keys[0].kid");
        assertThat(header).contains("\"kid\":\"" + kid + "\"").contains("RS256");
    }

    @Test
    void anIvrSignsInWithClientCredentialsInTheFormOrAsBasicAuth() {
        String token = given().formParam("grant_type", "client_credentials").formParam("client_id", "ivr")
                .formParam("client_secret", "ivr-secret").post("/oauth/token")
                .then().statusCode(200).extract().path("access_token");
        given().header("Authorization", "Bearer " + token).get("/api/v2/users/me")
                .then().statusCode(200).body("roles", hasItem("ivr"));

        given().auth().preemptive().basic("ivr", "ivr-secret").formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(200);
    }

    @Test
    void wrongCredentialsGetNoTokenAndSayNothingAboutWhichPartWasWrong() {
        given().formParam("grant_type", "password").formParam("username", "alex").formParam("password", "nope")
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_grant"));
        given().formParam("grant_type", "password").formParam("username", "nobody").formParam("password", "alex")
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_grant"));
        given().formParam("grant_type", "client_credentials").formParam("client_id", "ivr")
                .formParam("client_secret", "guess").post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "implicit").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void tokensNameTheirAudienceAndLiveAnHourForPeopleAndAQuarterForSystems() {
        String person = given().formParam("grant_type", "password").formParam("username", "alex")
                .formParam("password", "alex").post("/oauth/token").then().statusCode(200)
                .body("expires_in", equalTo(3600)).extract().path("access_token");
        String system = given().auth().preemptive().basic("ivr", "ivr-secret")
                .formParam("grant_type", "client_credentials").post("/oauth/token").then().statusCode(200)
                .body("expires_in", equalTo(900)).extract().path("access_token");
        for (String token : List.of(person, system)) {
            Map<String, Object> claims = claims(token);
            assertThat(claims.get("aud")).isIn("rapport", List.of("rapport"));
            assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                    .isLessThanOrEqualTo(3600);
        }
    }

    @Test
    void aTokenWithoutTheAudienceOrForAnotherIsRefused() {
        given().header("Authorization", "Bearer " + TestTokens.get().issue("alex", Map.of("aud", java.util.List.of()),
                Roles.AGENT)).get("/api/v2/users/me").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.get().issue("alex", Map.of("aud", "another-system"),
                Roles.AGENT)).get("/api/v2/users/me").then().statusCode(401);
        given().header("Authorization", Tokens.get().bearer("alex", Roles.AGENT))
                .get("/api/v2/users/me").then().statusCode(200);
    }

    @Test
    void aTokenExpiredHalfAMinuteAgoIsRefused() {
        long now = Instant.now().getEpochSecond();
        String expired = Tokens.get().issue("alex", Map.of("iat", now - 600, "exp", now - 30), Roles.AGENT);
        given().header("Authorization", "Bearer " + expired).get("/api/v2/users/me").then().statusCode(401);
    }

    @Test
    void repeatedWrongPasswordsForOneNameAreAnsweredWith429AndRetryAfter() {
        for (int i = 0; i < 10; i++) {
            given().formParam("grant_type", "password").formParam("username", "mallory")
                    .formParam("password", "guess" + i).post("/oauth/token").then().statusCode(401);
        }
        given().formParam("grant_type", "password").formParam("username", "mallory").formParam("password", "guess")
                .post("/oauth/token").then().statusCode(429).header("Retry-After", notNullValue())
                .body("code", equalTo("too.many.requests")).body("status", equalTo(429))
                .body("contextId", notNullValue()).body("message", notNullValue());
        // Another name from the same address is not locked out by it.
        given().formParam("grant_type", "password").formParam("username", "alex").formParam("password", "alex")
                .post("/oauth/token").then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String token) {
        try {
            return new ObjectMapper().readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTokenWithAForgedSignatureIsRefused() {
        String token = given().formParam("grant_type", "password").formParam("username", "alex")
                .formParam("password", "alex").post("/oauth/token").then().extract().path("access_token");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"agent\"", "\"supervisor\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        given().header("Authorization", "Bearer " + forged).get("/api/v2/users/me").then().statusCode(401);
    }
}
