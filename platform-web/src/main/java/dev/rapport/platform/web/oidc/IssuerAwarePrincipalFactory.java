package dev.rapport.platform.web.oidc;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Bearer tokens of two issuers: the configured OpenID provider's (when its {@code iss} names it, verified and mapped by
 * {@link OidcProvider}) and the built-in issuer's, verified as before by {@code mp.jwt.verify.*}. A token is verified
 * by exactly one of them, chosen by its issuer; a token naming neither fails the built-in check.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class IssuerAwarePrincipalFactory extends JWTCallerPrincipalFactory {
    private final OidcProvider provider;
    private final DefaultJWTCallerPrincipalFactory builtIn = new DefaultJWTCallerPrincipalFactory();

    IssuerAwarePrincipalFactory(OidcProvider provider) {
        this.provider = provider;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo builtInContext) throws ParseException {
        if (!provider.issued(token)) {
            return builtIn.parse(token, builtInContext);
        }
        try {
            JwtContext context = provider.verifyAccessToken(token);
            String type = context.getJoseObjects().get(0).getHeader("typ");
            return new DefaultJWTCallerPrincipal(token, type, context.getJwtClaims());
        } catch (OidcUnavailableException e) {
            throw new ParseException(e.getMessage(), e);
        }
    }
}
