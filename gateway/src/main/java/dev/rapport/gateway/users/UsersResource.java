package dev.rapport.gateway.users;

import dev.rapport.contract.DirectoryUser;
import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Genesys's {@code GET /api/v2/users} (paged, by id) and {@code GET /api/v2/users/{userId}}: the directory's people
 * (id, name, email, username), never their credentials or roles. Agents read it too (whom to transfer to).
 */
@Path("/api/v2/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.SERVICE})
public class UsersResource {
    private final Directory directory;

    UsersResource(Directory directory) {
        this.directory = directory;
    }

    @GET
    public EntityListing<Map<String, Object>> list(@QueryParam("pageNumber") Integer pageNumber,
                                                   @QueryParam("pageSize") Integer pageSize, @Context UriInfo uri) {
        Paging paging = Paging.of(pageNumber, pageSize);
        List<DirectoryUser> all = directory.all();
        List<Map<String, Object>> page = all.stream().skip(paging.offset()).limit(paging.pageSize())
                .map(UsersResource::view).toList();
        return EntityListing.of(page, paging, all.size(), uri);
    }

    @GET
    @Path("/{userId}")
    public Map<String, Object> get(@PathParam("userId") String id) {
        return view(directory.find(id).orElseThrow(() -> new NotFound("User " + id + " not found")));
    }

    /** Genesys's User: id, name, email, state, username, selfUri. */
    static Map<String, Object> view(DirectoryUser user) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", user.id());
        v.put("name", user.name());
        if (user.email() != null) {
            v.put("email", user.email());
        }
        v.put("state", "active");
        v.put("username", user.id());
        v.put("selfUri", "/api/v2/users/" + user.id());
        return v;
    }
}
