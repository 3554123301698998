package dev.rapport.gateway.agent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.Roles;
import dev.rapport.contract.SessionState;
import dev.rapport.gateway.Tokens;
import dev.rapport.gateway.sessions.SessionBoard;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A web page's signed context: minted only for the connected agent and a web page of the page shown that asks for
 * one, verified by the example of docs/embedded-pages.md (this class runs that very code), refused by the API.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class PageContextTest {
    private static final Tokens TOKENS = Tokens.get();
    private static final String CRM = "https://crm.example.com";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    SessionBoard board;

    // begin verifier (docs/embedded-pages.md shows these lines)
    static JwtClaims verify(String token, String rapport, String myOrigin) throws InvalidJwtException {
        HttpsJwks keys = new HttpsJwks(rapport + "/oauth/jwks");
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(keys))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setExpectedType(true, "rapport-context+jwt")
                .setExpectedIssuer("https://rapport.local")
                .setExpectedAudience(myOrigin).setRequireExpirationTime()
                .build().processToClaims(token);
    }
    // end verifier

    @Test
    @SuppressWarnings("unchecked")
    void theConnectedAgentGetsATokenTheDocumentedVerifierAccepts() throws Exception {
        String interactionId = publish("alex", "connected");
        String token = mint(interactionId, "alex", "crm").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("audience", equalTo(CRM)).body("expiresIn", equalTo(300))
                .extract().path("token");

        String rapport = gateway.toString().replaceAll("/$", "");
        JwtClaims claims = verify(token, rapport, CRM);
        assertThat(claims.getSubject()).isEqualTo("alex");
        assertThat(claims.getAudience()).containsExactly(CRM);
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(300);
        assertThat((Map<String, Object>) claims.getClaimValue("interaction")).containsEntry("id", interactionId);
        assertThat((Map<String, Object>) claims.getClaimValue("agent"))
                .containsEntry("id", "alex").containsEntry("name", "Alex Agent");
        assertThat((Map<String, Object>) claims.getClaimValue("script"))
                .containsEntry("id", "s-1").containsEntry("name", "Architect Workshop");
        assertThat(claims.getStringClaimValue("component")).isEqualTo("crm");
        Map<String, Object> variables = (Map<String, Object>) claims.getClaimValue("variables");
        assertThat(variables).containsOnlyKeys("CustomerName", "Services")
                .containsEntry("CustomerName", "Ada").containsEntry("Services", List.of("Insurance", "Childcare"));
        assertThat(claims.getStringListClaimValue("omitted")).containsExactly("Notes");
        assertThat(claims.hasClaim("groups")).isFalse();

        // another site, or the API itself, cannot take it for its own
        assertThatThrownBy(() -> verify(token, rapport, "https://evil.example.com"))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void theApiRefusesAContextToken() {
        String interactionId = publish("alex", "connected");
        String token = mint(interactionId, "alex", "crm").then().statusCode(200).extract().path("token");
        for (String path : List.of("/api/v2/users/me", "/api/v2/agent/interactions")) {
            given().header("Authorization", "Bearer " + token).get(path).then().statusCode(401);
        }
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("componentId", "crm"))
                .post("/api/v2/agent/interactions/{id}/pagecontext", interactionId).then().statusCode(401);
    }

    @Test
    void onlyTheConnectedAgentAndOnlyAWebPageShownThatAsksForIt() {
        String mine = publish("alex", "connected");
        String ended = publish("alex", "ended");
        mint(mine, "alex", "map").then().statusCode(409);
        mint(mine, "alex", "hiddenCrm").then().statusCode(409);
        mint(mine, "alex", "insideHidden").then().statusCode(409);
        mint(mine, "alex", "notHttp").then().statusCode(409);
        mint(mine, "alex", "nowhere").then().statusCode(409);
        mint(mine, "alex", "title").then().statusCode(409);
        mint(mine, "blake", "crm").then().statusCode(403);
        mint(ended, "alex", "crm").then().statusCode(409);
        mint("no-such-interaction", "alex", "crm").then().statusCode(404);
        given().contentType(ContentType.JSON).header("Authorization", TOKENS.bearer("alex", Roles.AGENT))
                .body(Map.of("component", "crm")).post("/api/v2/agent/interactions/{id}/pagecontext", mine)
                .then().statusCode(400).body("details[0].fieldName", equalTo("componentId"));
        given().contentType(ContentType.JSON).header("Authorization", TOKENS.bearer("sue", Roles.SUPERVISOR))
                .body(Map.of("componentId", "crm")).post("/api/v2/agent/interactions/{id}/pagecontext", mine)
                .then().statusCode(403);
        // a repeated web page is asked for by its rendered id
        mint(mine, "alex", "card#2").then().statusCode(200).body("audience", equalTo("https://kb.example.com:8443"));
    }

    @Test
    void theDocumentShowsTheVerifierThisTestRuns() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/rapport/gateway/agent/PageContextTest.java"));
        Matcher code = Pattern.compile("// begin verifier[^\\n]*\\n(.*?)\\n\\s*// end verifier", Pattern.DOTALL)
                .matcher(source);
        assertThat(code.find()).isTrue();
        String doc = Files.readString(Path.of("../docs/embedded-pages.md"));
        Matcher shown = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
        assertThat(shown.find()).isTrue();
        assertThat(normalise(shown.group(1))).isEqualTo(normalise(code.group(1)));
        assertThat(shown.group(1).strip().lines().count()).isLessThanOrEqualTo(10);
    }

    private static String normalise(String code) {
        return code.strip().lines().map(String::strip).reduce("", (a, b) -> a + b + "\n");
    }

    private io.restassured.response.Response mint(String interactionId, String user, String componentId) {
        String token = TOKENS.issue(user, Map.of("name", user.equals("alex") ? "Alex Agent" : user), Roles.AGENT);
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("componentId", componentId))
                .post("/api/v2/agent/interactions/{id}/pagecontext", interactionId);
    }

    /** A session connected to {@code agent} whose page has web pages with and without a signed context. */
    private String publish(String agent, String state) {
        String interactionId = UUID.randomUUID().toString();
        Map<String, Object> context = Map.of("variables", ordered("CustomerName", "Ada",
                "Services", List.of("Insurance", "Childcare")), "omitted", List.of("Notes"));
        Map<String, Object> root = c("root", "verticalContainer", true, Map.of("children", List.of(
                c("title", "text", true, Map.of("text", "Hello")),
                c("crm", "webPage", true, Map.of("source", CRM + "/case?ani=1", "signedContext", context)),
                c("map", "webPage", true, Map.of("source", "https://maps.example.com/")),
                c("hiddenCrm", "webPage", false, Map.of("source", CRM + "/x", "signedContext", context)),
                c("notHttp", "webPage", true, Map.of("source", "rapport:x", "signedContext", context)),
                c("box", "verticalContainer", false, Map.of("children", List.of(
                        c("insideHidden", "webPage", true, Map.of("source", CRM + "/y", "signedContext", context))))),
                c("cards", "horizontalContainer", true, Map.of("children", List.of(
                        c("card#1", "webPage", true, Map.of("source", "https://kb.example.com:8443/a",
                                "signedContext", Map.of())),
                        c("card#2", "webPage", true, Map.of("source", "https://kb.example.com:8443/b",
                                "signedContext", Map.of()))))))));
        JsonNode page = EventJson.mapper().valueToTree(Map.of("id", "start", "name", "Start", "invalid", false,
                "root", root));
        SessionState s = Sessions.state(interactionId, 1, state, agent, Instant.now(), page, List.of(), List.of());
        new TopicProbe(bootstrap).send(Sessions.record(s));
        await().atMost(Duration.ofSeconds(20)).until(() -> board.get(interactionId).isPresent());
        return interactionId;
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static Map<String, Object> c(String id, String type, boolean visible, Map<String, Object> fields) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("type", type);
        c.put("visible", visible);
        c.put("enabled", true);
        c.putAll(fields);
        return c;
    }
}
