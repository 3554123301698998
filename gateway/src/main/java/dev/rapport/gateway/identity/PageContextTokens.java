package dev.rapport.gateway.identity;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the context a script's web page is handed: who is asking (the agent), about what (the interaction, the
 * script) and the variables the admin chose, for one page's origin. Signed with the gateway's token key, so the
 * page verifies it against the public key set ({@code /oauth/jwks}); it is no API token: its audience is the
 * page's origin, never one the services accept, it carries no roles, and its {@code typ} is {@link #TYPE}.
 */
@ApplicationScoped
public class PageContextTokens {
    /** The JWS {@code typ} header of a context token (RFC 8725 3.11: explicit typing), checked by verifiers. */
    public static final String TYPE = "rapport-context+jwt";

    private final IdentityConfig identity;
    private final PageContextConfig config;
    private final SigningKey key;
    private final Set<String> apiAudiences;

    PageContextTokens(IdentityConfig identity, PageContextConfig config, SigningKey key,
                      @ConfigProperty(name = "mp.jwt.verify.audiences") Set<String> apiAudiences) {
        this.identity = identity;
        this.config = config;
        this.key = key;
        this.apiAudiences = apiAudiences;
    }

    /** What a context names. {@code variables} are JSON values (text, number, boolean, list). */
    public record Context(String origin, String interactionId, String agentId, String agentName, String scriptId,
                          String scriptName, int scriptVersion, String componentId, Map<String, Object> variables,
                          List<String> omitted) {
    }

    public record Token(String token, String audience, long expiresInSeconds) {
    }

    /**
     * @throws IllegalArgumentException when the origin is one the API accepts as an audience: a context token must
     *                                  never be usable as an API token
     */
    public Token sign(Context c) {
        if (apiAudiences.contains(c.origin()) || identity.audience().equals(c.origin())) {
            throw new IllegalArgumentException("the page's origin " + c.origin() + " is the API's own audience");
        }
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("id", c.agentId());
        agent.put("name", c.agentName() == null ? c.agentId() : c.agentName());
        Map<String, Object> script = new LinkedHashMap<>();
        script.put("id", c.scriptId());
        script.put("name", c.scriptName() == null ? "" : c.scriptName());
        script.put("version", c.scriptVersion());
        String token = Jwt.issuer(identity.issuer()).audience(c.origin()).subject(c.agentId())
                .claim("interaction", Map.of("id", c.interactionId()))
                .claim("agent", agent)
                .claim("script", script)
                .claim("component", c.componentId())
                .claim("variables", c.variables())
                .claim("omitted", c.omitted())
                .expiresIn(config.lifetime())
                .jws().keyId(key.keyId()).header("typ", TYPE).sign(key.privateKey());
        return new Token(token, c.origin(), config.lifetime().toSeconds());
    }
}
