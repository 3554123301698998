package dev.rapport.script.routing;

import dev.rapport.contract.GenesysError.Detail;
import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.contract.failure.DomainException.VersionMismatch;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.IfMatch;
import dev.rapport.platform.web.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.exception.ConstraintViolationException;

/** Wrap-up codes: created, listed, renamed and deleted by admins; read by agents to wrap up. Names are unique. */
@ApplicationScoped
public class WrapupCodeService {
    static final int MAX_NAME = 256;
    static final int MAX_DESCRIPTION = 1_024;
    static final int MAX_DIVISION_ID = 128;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** A page of the codes by name (regardless of case), those whose name contains {@code name} if given. */
    public EntityListing.Page<WrapupCode> list(Paging paging, String name, String sortBy, boolean descending) {
        String column = switch (sortBy == null || sortBy.isBlank() ? "name" : sortBy) {
            case "name" -> "lower(name)";
            case "id" -> "id";
            default -> throw InvalidInput.field("sortBy", "sortBy is name or id");
        };
        String order = "order by " + column + (descending ? " desc" : "") + ", id";
        var query = name == null || name.isBlank() ? WrapupCodeEntity.<WrapupCodeEntity>find(order)
                : WrapupCodeEntity.<WrapupCodeEntity>find("lower(name) like ?1 " + order,
                        "%" + name.trim().toLowerCase(Locale.ROOT) + "%");
        query.page(paging.pageNumber() - 1, paging.pageSize());
        return new EntityListing.Page<>(query.list().stream().map(WrapupCode::of).toList(), query.count());
    }

    public WrapupCodeEntity get(String id) {
        return find(id, LockModeType.NONE);
    }

    @Transactional
    public WrapupCodeEntity create(WrapupCodeRequest request, String by) {
        WrapupCodeRequest body = checked(request);
        requireFreeName(body.name(), null);
        WrapupCodeEntity e = new WrapupCodeEntity();
        e.id = UUID.randomUUID();
        e.version = 1;
        e.dateCreated = Instant.now();
        e.createdBy = by;
        apply(e, body, by);
        persist(e);
        return e;
    }

    /** Replaces name, description and division; with If-Match, only if the code is still at that version. */
    @Transactional
    public WrapupCodeEntity update(String id, WrapupCodeRequest request, String ifMatch, String by) {
        WrapupCodeRequest body = checked(request);
        WrapupCodeEntity e = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (!IfMatch.of(ifMatch).matches(e.version)) {
            throw new VersionMismatch("Wrap-up code " + id + " is at version " + e.version + ", not "
                    + IfMatch.of(ifMatch).versions() + ": read it again");
        }
        requireFreeName(body.name(), e.id);
        e.version++;
        apply(e, body, by);
        persist(e);
        return e;
    }

    @Transactional
    public void delete(String id) {
        find(id, LockModeType.PESSIMISTIC_WRITE).delete();
    }

    /**
     * The names of the codes among {@code ids} that exist, read on the caller's connection (the session core's
     * transaction): an id that is not a code's is absent from the answer.
     */
    public static Map<String, String> names(Connection c, Collection<String> ids) throws SQLException {
        List<UUID> uuids = new ArrayList<>();
        ids.forEach(id -> uuid(id).ifPresent(uuids::add));
        Map<String, String> out = new HashMap<>();
        if (uuids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM wrapup_code WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", uuids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Two admins saving the same new name at once: the unique index refuses the second, a 409 like the check's. */
    private static void persist(WrapupCodeEntity e) {
        try {
            e.persistAndFlush();
        } catch (PersistenceException ex) {
            if (ex.getCause() instanceof ConstraintViolationException violation
                    && "wrapup_code_name".equals(violation.getConstraintName())) {
                throw new Conflict("A wrap-up code named '" + e.name + "' exists already",
                        List.of(new Detail("duplicate.name", "name", "another wrap-up code has this name")));
            }
            throw ex;
        }
    }

    private static void apply(WrapupCodeEntity e, WrapupCodeRequest body, String by) {
        e.name = body.name();
        e.description = body.description();
        e.divisionId = body.division() == null ? null : body.division().id();
        e.divisionName = body.division() == null ? null : body.division().name();
        e.dateModified = Instant.now();
        e.modifiedBy = by;
    }

    private static void requireFreeName(String name, UUID self) {
        WrapupCodeEntity other = WrapupCodeEntity.<WrapupCodeEntity>find("lower(name) = ?1",
                name.toLowerCase(Locale.ROOT)).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw new Conflict("A wrap-up code named '" + other.name + "' exists already",
                    List.of(new Detail("duplicate.name", "name", "another wrap-up code has this name")));
        }
    }

    /** The request with its name trimmed, or a 400 naming every field that is wrong. */
    private static WrapupCodeRequest checked(WrapupCodeRequest request) {
        List<Detail> problems = new ArrayList<>();
        if (request == null) {
            throw InvalidInput.field("name", "a body with the wrap-up code's name is required");
        }
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty()) {
            problems.add(detail("name", "name is required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(detail("name", "name has " + name.length() + " characters; at most " + MAX_NAME));
        } else if (CONTROL.matcher(name).find()) {
            problems.add(detail("name", "name has a control character (a line break, a tab...)"));
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            problems.add(detail("description", "description has " + request.description().length()
                    + " characters; at most " + MAX_DESCRIPTION));
        }
        WrapupCode.Division division = request.division();
        if (division != null) {
            if (division.id() == null || division.id().isBlank() || division.id().length() > MAX_DIVISION_ID) {
                problems.add(detail("division.id", "division.id is required, at most " + MAX_DIVISION_ID
                        + " characters"));
            }
            if (division.name() != null && division.name().length() > MAX_NAME) {
                problems.add(detail("division.name", "division.name has at most " + MAX_NAME + " characters"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        return new WrapupCodeRequest(name, request.description(), division);
    }

    private static Detail detail(String field, String message) {
        return new Detail(InvalidInput.INVALID_VALUE, field, message);
    }

    private static WrapupCodeEntity find(String id, LockModeType lock) {
        UUID key = uuid(id).orElseThrow(() -> new NotFound("Wrap-up code " + id + " not found"));
        return WrapupCodeEntity.<WrapupCodeEntity>findByIdOptional(key, lock)
                .orElseThrow(() -> new NotFound("Wrap-up code " + id + " not found"));
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
