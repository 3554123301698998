package dev.rapport.gateway.identity;

import dev.rapport.contract.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who the caller is, as Genesys's {@code /api/v2/users/me} answers it. */
@Path("/api/v2/users/me")
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.IVR, Roles.SERVICE})
public class MeResource {
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    MeResource(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> me() {
        String id = identity.getPrincipal().getName();
        String name = token.getClaim("name");
        String email = token.getClaim("email");
        return Map.of("id", id, "name", name == null ? id : name, "email", email == null ? "" : email,
                "roles", new TreeSet<>(identity.getRoles()));
    }
}
