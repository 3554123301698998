package dev.rapport.platform.web.oidc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * An OpenID Connect provider whose tokens every service accepts beside the built-in issuer's (docs/security.md,
 * "OpenID Connect"). Without {@link #issuer()} nothing changes: only the built-in issuer's tokens are accepted.
 */
@ConfigMapping(prefix = "rapport.oidc")
public interface OidcConfig {

    /** The provider's issuer URL, exactly as its tokens' {@code iss} says (RAPPORT_OIDC_ISSUER). Unset: OIDC off. */
    Optional<String> issuer();

    /** The {@code aud} the provider's access tokens must carry (RAPPORT_OIDC_AUDIENCE; default Rapport's own). */
    @WithDefault("rapport")
    String audience();

    /** The provider's key set; unset, it is read from the discovery document (RAPPORT_OIDC_JWKS_URI). */
    Optional<String> jwksUri();

    /**
     * The claim carrying the roles (RAPPORT_OIDC_ROLES_CLAIM), a path through nested objects with {@code /}, e.g.
     * {@code realm_access/roles} for Keycloak; its value a list of strings or one string.
     */
    @WithDefault("groups")
    String rolesClaim();

    /**
     * Which value of the roles claim gives which Rapport role (RAPPORT_OIDC_ROLE_MAP): {@code value=role} pairs,
     * comma separated, a value may give several roles. Unset: a value that is a Rapport role's name gives that role.
     */
    Optional<List<String>> roleMap();

    /** The claim whose value is the user's id in Rapport (RAPPORT_OIDC_USER_ID_CLAIM); {@code sub} when absent. */
    @WithDefault("preferred_username")
    String userIdClaim();

    /** The claim with the display name (RAPPORT_OIDC_NAME_CLAIM). */
    @WithDefault("name")
    String nameClaim();

    /** The claim with the e-mail address (RAPPORT_OIDC_EMAIL_CLAIM). */
    @WithDefault("email")
    String emailClaim();

    /** Clock skew tolerated on {@code exp}/{@code iat}, in seconds. */
    @WithDefault("5")
    int clockSkew();
}
