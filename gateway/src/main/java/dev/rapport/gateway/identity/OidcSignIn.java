package dev.rapport.gateway.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.platform.web.oidc.OidcDiscovery;
import dev.rapport.platform.web.oidc.OidcProvider;
import dev.rapport.platform.web.oidc.OidcUnavailableException;
import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jose4j.jwt.JwtClaims;

/**
 * The authorization code flow with PKCE (RFC 6749, RFC 7636, OpenID Connect Core) run by the gateway for the browser:
 * it starts the sign-in at the provider, and when the browser comes back it checks the state, exchanges the code
 * (with the verifier, and the client secret of a confidential client), verifies the ID token and its nonce, and hands
 * the provider's access token to the web app. Nothing of it (codes, tokens, secrets) is logged.
 */
@ApplicationScoped
public class OidcSignIn {
    static final String CALLBACK_PATH = "/oauth/oidc/callback";
    private static final int MAX_BYTES = 64 * 1024;

    private final OidcProvider provider;
    private final OidcClientConfig client;
    private final byte[] stateKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    OidcSignIn(OidcProvider provider, OidcClientConfig client, SigningKey signingKey) {
        this.provider = provider;
        this.client = client;
        this.stateKey = derive(signingKey);
    }

    /** A started sign-in: where to send the browser, and the cookie that remembers it. */
    public record Start(URI authorization, String cookie) {
    }

    /** A finished one: the provider's access token for the web app. */
    public record Tokens(String accessToken, long expiresInSeconds) {
    }

    /** A sign-in that cannot go on; the reason is for the log (it names no secret), not for the browser. */
    public static class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    public boolean enabled() {
        return provider.enabled() && client.id().filter(id -> !id.isBlank()).isPresent();
    }

    public String displayName() {
        return client.displayName();
    }

    public Start start(URI gatewayBase) {
        OidcDiscovery.Metadata metadata = provider.metadata();
        OidcLoginState login = OidcLoginState.fresh();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.id().orElseThrow());
        query.put("redirect_uri", redirectUri(gatewayBase));
        query.put("scope", scopes());
        query.put("state", login.state());
        query.put("nonce", login.nonce());
        query.put("code_challenge", login.challenge());
        query.put("code_challenge_method", "S256");
        client.resource().filter(r -> !r.isBlank()).ifPresent(r -> query.put("resource", r));
        String endpoint = metadata.authorizationEndpoint();
        return new Start(URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(query)),
                login.seal(stateKey));
    }

    public Tokens complete(String code, String state, String cookie, URI gatewayBase) throws Refused {
        OidcLoginState login = OidcLoginState.open(cookie, stateKey)
                .orElseThrow(() -> new Refused("no sign-in was started in this browser, or it is older than 10 minutes"));
        if (!OidcLoginState.sameText(state, login.state())) {
            throw new Refused("the state does not match the sign-in this browser started");
        }
        if (code == null || code.isBlank() || code.length() > 4096) {
            throw new Refused("the provider sent no code");
        }
        JsonNode answer = exchange(code, login, gatewayBase);
        String idToken = answer.path("id_token").asText("");
        String accessToken = answer.path("access_token").asText("");
        if (idToken.isEmpty() || accessToken.isEmpty()) {
            throw new Refused("the token endpoint answered without an ID token or an access token");
        }
        JwtClaims claims;
        try {
            claims = provider.verifyIdToken(idToken, client.id().orElseThrow());
        } catch (ParseException e) {
            throw new Refused("the ID token did not verify: " + e.getMessage());
        }
        if (!OidcLoginState.sameText(String.valueOf(claims.getClaimValue("nonce")), login.nonce())) {
            throw new Refused("the ID token's nonce is not the one this sign-in sent");
        }
        return new Tokens(accessToken, Math.max(0, answer.path("expires_in").asLong(300)));
    }

    private JsonNode exchange(String code, OidcLoginState login, URI gatewayBase) throws Refused {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri(gatewayBase));
        body.put("code_verifier", login.verifier());
        client.resource().filter(r -> !r.isBlank()).ifPresent(r -> body.put("resource", r));
        String clientId = client.id().orElseThrow();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.metadata().tokenEndpoint()))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        Optional<String> secret = client.secret().filter(s -> !s.isBlank());
        if (secret.isPresent()) {
            // client_secret_basic: both parts form-encoded first (RFC 6749 2.3.1).
            String pair = encode(clientId) + ":" + encode(secret.get());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            body.put("client_id", clientId);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form(body)))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (response.statusCode() != 200 || bytes.length > MAX_BYTES) {
                JsonNode error = bytes.length > MAX_BYTES ? null : readQuietly(bytes);
                throw new Refused("the token endpoint refused the code: HTTP " + response.statusCode()
                        + (error == null ? "" : " " + error.path("error").asText("")));
            }
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new Refused("the token endpoint could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted");
        } catch (OidcUnavailableException e) {
            throw new Refused(e.getMessage());
        }
    }

    private JsonNode readQuietly(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    String redirectUri(URI gatewayBase) {
        return client.redirectUri().filter(u -> !u.isBlank())
                .orElseGet(() -> gatewayBase.resolve(CALLBACK_PATH).toString());
    }

    /** Whether the browser talks to the gateway over TLS: the cookies are then Secure. */
    boolean secure(URI gatewayBase) {
        return redirectUri(gatewayBase).startsWith("https:");
    }

    private String scopes() {
        StringJoiner joined = new StringJoiner(" ");
        joined.add("openid");
        for (String scope : client.scopes().trim().split("[\\s,]+")) {
            if (!scope.isEmpty() && !scope.equals("openid")) {
                joined.add(scope);
            }
        }
        return joined.toString();
    }

    private static String form(Map<String, String> values) {
        StringJoiner joined = new StringJoiner("&");
        values.forEach((k, v) -> joined.add(encode(k) + "=" + encode(v)));
        return joined.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The login cookies' MAC key: derived from the token signing key, which every replica has, and only usable here. */
    private static byte[] derive(SigningKey signingKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("rapport oidc login state v1".getBytes(StandardCharsets.US_ASCII));
            return sha.digest(signingKey.privateKey().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void log(Refused refused) {
        Log.infof("OpenID sign-in refused: %s", refused.getMessage());
    }
}
