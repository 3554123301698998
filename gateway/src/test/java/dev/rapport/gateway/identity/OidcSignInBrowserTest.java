package dev.rapport.gateway.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.contract.EventJson;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestBrowser;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Sign-in with an OpenID provider, end to end: headless Chromium, the gateway, and oidc-provider (a certified OpenID
 * provider) on loopback. The web app leaves for the provider's login page, comes back through the gateway's code
 * exchange (state, PKCE, nonce checked), and the provider's own access token then works on the API with the roles
 * mapped from its 'groups' claim; a user with none of the mapped values is refused.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
@WithTestResource(LoopbackOpenIdProvider.class)
@EnabledIf(value = "dev.rapport.gateway.identity.LoopbackOpenIdProvider#nodeAndNpmPresent",
        disabledReason = "node and npm are needed to run the loopback OpenID provider (oidc-provider from npm)")
class OidcSignInBrowserTest {
    private static TestBrowser browser;

    @TestHTTPResource("/")
    URL testUrl;

    // Optional: this class's injection points are checked in the other tests' runs too, where no provider is set.
    @ConfigProperty(name = "rapport.oidc.issuer")
    Optional<String> provider;

    private String issuer;

    /** The desktop at the address of the redirect URI, so the sign-in's cookie and sessionStorage are the same site's. */
    private String desktop() {
        return "http://127.0.0.1:" + testUrl.getPort() + "/";
    }

    @BeforeEach
    void issuer() {
        issuer = provider.orElseThrow();
    }

    @BeforeAll
    static void start() {
        browser = new TestBrowser();
        // Three sites and a code exchange per sign-in on a busy machine: more than the default 5 s to show the user.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @AfterAll
    static void stop() {
        PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        browser.close();
    }

    @Test
    void anAgentSignsInAtTheProviderAndItsTokenWorksWithTheMappedRole() throws Exception {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            String token = signInAtProvider(page, "olivia");
            assertThat(page.locator(".who")).hasText("Olivia Oidc");

            JsonNode claims = payload(token);
            assertThat(claims.path("iss").asText()).as("the provider's own token").isEqualTo(issuer);
            assertThat(claims.path("aud").asText()).isEqualTo("rapport");

            given().auth().oauth2(token).get("/api/v2/users/me").then().statusCode(200)
                    .body("id", equalTo("olivia")).body("name", equalTo("Olivia Oidc"))
                    .body("email", equalTo("olivia@example.com")).body("roles", containsInAnyOrder("agent"));
            given().auth().oauth2(token).get("/api/v2/agent/interactions").then().statusCode(200);
            // 'staff' maps to nothing, 'rapport-agents' to agent only: an admin's endpoint stays closed.
            given().auth().oauth2(token).contentType("application/json").body("{}")
                    .post("/api/v2/interactions/events").then().statusCode(403);
        }
    }

    @Test
    void anAdminSeesTheAdminConsole() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(desktop() + "#/admin/tables");
            String token = signInAtProvider(page, "adam");
            assertThat(page.locator(".who")).hasText("Adam Oidc");
            assertThat(page).hasURL(desktop() + "#/admin/tables");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Data tables"))).isVisible();
            given().auth().oauth2(token).get("/api/v2/users/me").then().statusCode(200)
                    .body("roles", containsInAnyOrder("admin", "supervisor"));
        }
    }

    @Test
    void aUserWithoutAMappedRoleIsRefused() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(desktop());
            clickProviderButton(page);
            String handedOver = handedOver(page, () -> signInOnProviderPages(page, "nora"));
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your account has no role in Rapport; ask an administrator for one.");
            assertThat(page.getByLabel("User name")).isVisible();
            assertThat(page.evaluate("sessionStorage.getItem('rapport.token')")).isNull();
            assertThat(handedOver).as("the provider's token reached the web app").isNotBlank();
            given().auth().oauth2(handedOver).get("/api/v2/users/me").then().statusCode(403);
            given().auth().oauth2(handedOver).get("/api/v2/agent/interactions").then().statusCode(403);
        }
    }

    @Test
    void aServiceClientOfTheProviderGetsTheServiceRoleAndOnlyRapportsAudienceIsAccepted() {
        String service = robotToken(LoopbackOpenIdProvider.API);
        given().auth().oauth2(service).get("/api/v2/users/me").then().statusCode(200)
                .body("id", equalTo(LoopbackOpenIdProvider.ROBOT_ID)).body("roles", containsInAnyOrder("service"));
        // The same provider's token for another API: signed by the right keys, but not for Rapport.
        String other = robotToken(LoopbackOpenIdProvider.OTHER_API);
        given().auth().oauth2(other).get("/api/v2/users/me").then().statusCode(401);
    }

    @Test
    void theBuiltInIssuerStillSignsInAndAForgedCallbackIsRefused() {
        String builtIn = given().formParam("grant_type", "password").formParam("username", "alex")
                .formParam("password", "alex").post("/oauth/token").then().statusCode(200)
                .extract().path("access_token");
        given().auth().oauth2(builtIn).get("/api/v2/users/me").then().statusCode(200).body("id", equalTo("alex"));

        given().get("/oauth/oidc").then().statusCode(200).body("enabled", equalTo(true))
                .body("name", equalTo("Loopback OP"));
        // A code and state the browser's own sign-in did not start (login CSRF): no token is handed over.
        given().redirects().follow(false).queryParam("code", "forged").queryParam("state", "forged")
                .get("/oauth/oidc/callback").then().statusCode(303)
                .header("Location", endsWith("/#/sign-in-failed"));
        given().post("/oauth/oidc/session").then().statusCode(404);
        // A sign-in this browser did start, but another state comes back: refused as well, and no token cookie.
        String started = given().redirects().follow(false).get("/oauth/oidc/login").then().statusCode(303)
                .extract().cookie("rapport_oidc_login");
        assertThat(started).isNotBlank();
        io.restassured.response.Response wrongState = given().redirects().follow(false)
                .cookie("rapport_oidc_login", started).queryParam("code", "forged").queryParam("state", "other")
                .get("/oauth/oidc/callback");
        assertThat(wrongState.statusCode()).isEqualTo(303);
        assertThat(wrongState.header("Location")).endsWith("/#/sign-in-failed");
        assertThat(wrongState.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("rapport_oidc_session"));
        // The login redirect carries state, nonce and an S256 PKCE challenge, never the client secret.
        String location = given().redirects().follow(false).get("/oauth/oidc/login").then().statusCode(303)
                .extract().header("Location");
        assertThat(location).startsWith(issuer).contains("state=", "nonce=", "code_challenge=",
                "code_challenge_method=S256", "client_id=rapport-web").doesNotContain("secret");
    }

    private String signInAtProvider(Page page, String user) {
        if (page.url().isEmpty() || page.url().equals("about:blank")) {
            page.navigate(desktop());
        }
        clickProviderButton(page);
        String handedOver = handedOver(page, () -> signInOnProviderPages(page, user));
        assertThat(page.locator(".who")).isVisible();
        Object stored = page.evaluate("sessionStorage.getItem('rapport.token')");
        assertThat(stored).isNotNull().isEqualTo(handedOver);
        return String.valueOf(stored);
    }

    /** The access token the gateway hands the web app once the provider sent the browser back. */
    private static String handedOver(Page page, Runnable signIn) {
        Response response = page.waitForResponse(r -> r.url().endsWith("/oauth/oidc/session"), signIn);
        assertThat(response.status()).isEqualTo(200);
        try {
            return EventJson.mapper().readTree(response.text()).path("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void clickProviderButton(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with Loopback OP").setExact(true))
                .click();
    }

    private void signInOnProviderPages(Page page, String user) {
        page.waitForURL(url -> url.startsWith(issuer));
        page.locator("input[name=login]").fill(user);
        page.locator("input[name=password]").fill("any password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign-in")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.waitForURL(url -> url.startsWith(desktop()));
    }

    private String robotToken(String resource) {
        return given().auth().preemptive().basic(LoopbackOpenIdProvider.ROBOT_ID, LoopbackOpenIdProvider.ROBOT_SECRET)
                .formParam("grant_type", "client_credentials").formParam("resource", resource)
                .formParam("scope", "rapport")
                .post(issuer + "/token").then().statusCode(200).extract().path("access_token");
    }

    private static JsonNode payload(String token) throws Exception {
        String[] parts = token.split("\\.");
        return EventJson.mapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
