package dev.rapport.platform.web.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.testkit.TestTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * The provider's tokens: verified against its issuer, audience and keys (here the test kit's key as the provider's),
 * and their claims mapped; the provider's own 'groups' never become Rapport roles unmapped.
 */
class OidcProviderTest {
    private static final String ISSUER = "https://idp.example/realms/staff";

    @Test
    void rolesComeOnlyThroughTheMapAndTheClaimsAreMapped() throws Exception {
        OidcProvider provider = provider(List.of("rapport-agents=agent", "rapport-leads=supervisor", "rapport-leads=agent"));
        String token = token(Map.of("realm_access", Map.of("roles", List.of("rapport-agents", "admin", "rapport-leads")),
                "groups", List.of("admin"), "preferred_username", "olivia", "display", "Olivia O."));

        assertThat(provider.issued(token)).isTrue();
        JwtClaims claims = provider.verifyAccessToken(token).getJwtClaims();
        DefaultJWTCallerPrincipal principal = new DefaultJWTCallerPrincipal(token, "JWT", claims);
        assertThat(principal.getGroups()).containsExactlyInAnyOrder("agent", "supervisor");
        assertThat(principal.getName()).isEqualTo("olivia");
        assertThat((String) principal.getClaim("name")).isEqualTo("Olivia O.");
    }

    @Test
    void withoutAMapOnlyRapportsRoleNamesCount() {
        RoleMapping identity = RoleMapping.parse(null);
        assertThat(identity.rolesOf(List.of("admin", "Admin", "staff", "agent"))).containsExactly("admin", "agent");
        assertThat(identity.rolesOf("supervisor")).containsExactly("supervisor");
        assertThat(identity.rolesOf(42)).isEmpty();
    }

    @Test
    void aMapNamingNoRapportRoleIsRefusedAtStart() {
        assertThatThrownBy(() -> RoleMapping.parse(List.of("rapport-admins=root")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rapport-admins=root");
        assertThatThrownBy(() -> RoleMapping.parse(List.of("admin")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherAudienceOrIssuerIsNotAccepted() {
        OidcProvider provider = provider(List.of());
        String otherAudience = token(Map.of("aud", "some-other-api", "groups", List.of("admin")));
        assertThatThrownBy(() -> provider.verifyAccessToken(otherAudience)).isInstanceOf(ParseException.class);

        String builtIn = TestTokens.get().issue("alex", "agent");
        assertThat(provider.issued(builtIn)).as("the built-in issuer's token is not the provider's to check").isFalse();
        assertThat(provider(List.of(), Optional.empty()).issued(token(Map.of()))).as("OIDC off").isFalse();
    }

    private static String token(Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("iss", ISSUER));
        all.putAll(claims);
        return TestTokens.get().issue("f3a1-subject", all);
    }

    private static OidcProvider provider(List<String> roleMap) {
        return provider(roleMap, Optional.of(ISSUER));
    }

    private static OidcProvider provider(List<String> roleMap, Optional<String> issuer) {
        return new OidcProvider(new OidcConfig() {
            public Optional<String> issuer() {
                return issuer;
            }

            public String audience() {
                return "rapport";
            }

            public Optional<String> jwksUri() {
                return Optional.of(TestTokens.get().publicKeyLocation());
            }

            public String rolesClaim() {
                return "realm_access/roles";
            }

            public Optional<List<String>> roleMap() {
                return roleMap.isEmpty() ? Optional.empty() : Optional.of(roleMap);
            }

            public String userIdClaim() {
                return "preferred_username";
            }

            public String nameClaim() {
                return "display";
            }

            public String emailClaim() {
                return "email";
            }

            public int clockSkew() {
                return 5;
            }
        });
    }
}
