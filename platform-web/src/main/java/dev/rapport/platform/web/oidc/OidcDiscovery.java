package dev.rapport.platform.web.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The provider's discovery document ({@code <issuer>/.well-known/openid-configuration}), read when first needed and
 * kept; a failed read is tried again after a few seconds, so a provider that starts after Rapport is found. The
 * document must name the configured issuer (OpenID Connect Discovery 1.0, 4.3).
 */
public final class OidcDiscovery {
    private static final int MAX_BYTES = 256 * 1024;
    private static final Duration RETRY = Duration.ofSeconds(5);

    /** What Rapport uses of the document. */
    public record Metadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
                           Optional<String> endSessionEndpoint) {
    }

    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private Metadata metadata;
    private Instant nextTry = Instant.EPOCH;
    private String lastFailure = "not read yet";

    public OidcDiscovery(String issuer) {
        this.issuer = issuer;
    }

    /** The document, read now if not yet; throws {@link OidcUnavailableException} when it cannot be had. */
    public synchronized Metadata metadata() {
        if (metadata != null) {
            return metadata;
        }
        if (Instant.now().isBefore(nextTry)) {
            throw new OidcUnavailableException(lastFailure);
        }
        try {
            metadata = read();
            return metadata;
        } catch (IOException | RuntimeException e) {
            nextTry = Instant.now().plus(RETRY);
            lastFailure = "the OpenID provider's discovery document could not be read: " + e.getMessage();
            throw new OidcUnavailableException(lastFailure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcUnavailableException("interrupted");
        }
    }

    private Metadata read() throws IOException, InterruptedException {
        URI uri = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri);
        }
        if (body.length > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        JsonNode doc = json.readTree(body);
        if (!issuer.equals(doc.path("issuer").asText())) {
            throw new IOException("it names the issuer '" + doc.path("issuer").asText() + "', not '" + issuer + "'");
        }
        String end = doc.path("end_session_endpoint").asText("");
        return new Metadata(issuer, required(doc, "authorization_endpoint"), required(doc, "token_endpoint"),
                required(doc, "jwks_uri"), end.isEmpty() ? Optional.empty() : Optional.of(end));
    }

    private static String required(JsonNode doc, String field) throws IOException {
        String value = doc.path(field).asText("");
        if (!value.startsWith("https://") && !value.startsWith("http://")) {
            throw new IOException("it has no " + field);
        }
        return value;
    }
}
