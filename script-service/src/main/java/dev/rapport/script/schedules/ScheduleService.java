package dev.rapport.script.schedules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.GenesysError.Detail;
import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.contract.failure.DomainException.VersionMismatch;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.IfMatch;
import dev.rapport.platform.web.Paging;
import dev.rapport.script.flows.FlowRunner.ScheduleState;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Schedules and schedule groups (Architect's open hours and holidays): written by admins, read by admins and
 * supervisors, and evaluated by the inbound flow's Evaluate Schedule Group step ({@link #evaluate}), which reads the
 * database each time, so every instance sees a change at once.
 */
@ApplicationScoped
public class ScheduleService {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final TypeReference<List<String>> IDS = new TypeReference<>() { };

    private final ObjectMapper json;

    ScheduleService(ObjectMapper json) {
        this.json = json;
    }

    // --- schedules ----------------------------------------------------------------------------------------------

    public EntityListing.Page<Schedule> listSchedules(Paging paging, String name, String sortBy, boolean descending) {
        Object[] params = params(name);
        io.quarkus.hibernate.orm.panache.PanacheQuery<ScheduleEntity> query =
                ScheduleEntity.find(query(name, sortBy, descending), params);
        query.page(paging.pageNumber() - 1, paging.pageSize());
        return new EntityListing.Page<>(query.list().stream().map(Schedule::of).toList(), query.count());
    }

    public ScheduleEntity getSchedule(String id) {
        return schedule(id, LockModeType.NONE);
    }

    @Transactional
    public ScheduleEntity createSchedule(Schedule body, String by) {
        ScheduleChecks.Checked checked = ScheduleChecks.checked(body);
        requireFreeName(ScheduleEntity.class, checked.name(), null, "schedule");
        ScheduleEntity e = new ScheduleEntity();
        e.id = UUID.randomUUID();
        e.version = 1;
        e.dateCreated = Instant.now();
        apply(e, checked, by);
        e.persistAndFlush();
        return e;
    }

    /** Replaces the schedule; a {@code version} in the body or an If-Match must be the stored version. */
    @Transactional
    public ScheduleEntity updateSchedule(String id, Schedule body, String ifMatch, String by) {
        ScheduleChecks.Checked checked = ScheduleChecks.checked(body);
        ScheduleEntity e = schedule(id, LockModeType.PESSIMISTIC_WRITE);
        requireVersion("Schedule " + id, e.version, body.version(), ifMatch);
        requireFreeName(ScheduleEntity.class, checked.name(), e.id, "schedule");
        e.version++;
        apply(e, checked, by);
        return e;
    }

    /** Deletes a schedule no group uses (409 naming the groups that do). */
    @Transactional
    public void deleteSchedule(String id) {
        ScheduleEntity e = schedule(id, LockModeType.PESSIMISTIC_WRITE);
        List<String> users = new ArrayList<>();
        for (ScheduleGroupEntity g : ScheduleGroupEntity.<ScheduleGroupEntity>listAll()) {
            if (ids(g.openSchedules).contains(id) || ids(g.closedSchedules).contains(id)
                    || ids(g.holidaySchedules).contains(id)) {
                users.add(g.name);
            }
        }
        if (!users.isEmpty()) {
            throw new Conflict("Schedule '" + e.name + "' is used by schedule groups " + users
                    + ": remove it from them first");
        }
        e.delete();
    }

    // --- schedule groups ----------------------------------------------------------------------------------------

    public EntityListing.Page<ScheduleGroup> listGroups(Paging paging, String name, String sortBy, boolean descending) {
        io.quarkus.hibernate.orm.panache.PanacheQuery<ScheduleGroupEntity> query =
                ScheduleGroupEntity.find(query(name, sortBy, descending), params(name));
        query.page(paging.pageNumber() - 1, paging.pageSize());
        List<ScheduleGroupEntity> rows = query.list();
        return new EntityListing.Page<>(rows.stream().map(this::view).toList(), query.count());
    }

    public ScheduleGroup getGroup(String id) {
        return view(group(id, LockModeType.NONE));
    }

    @Transactional
    public ScheduleGroup createGroup(ScheduleGroup body, String by) {
        ScheduleChecks.CheckedGroup checked = ScheduleChecks.checked(body);
        requireFreeName(ScheduleGroupEntity.class, checked.name(), null, "schedule group");
        ScheduleGroupEntity e = new ScheduleGroupEntity();
        e.id = UUID.randomUUID();
        e.version = 1;
        e.dateCreated = Instant.now();
        apply(e, checked, by);
        e.persistAndFlush();
        return view(e);
    }

    @Transactional
    public ScheduleGroup updateGroup(String id, ScheduleGroup body, String ifMatch, String by) {
        ScheduleChecks.CheckedGroup checked = ScheduleChecks.checked(body);
        ScheduleGroupEntity e = group(id, LockModeType.PESSIMISTIC_WRITE);
        requireVersion("Schedule group " + id, e.version, body.version(), ifMatch);
        requireFreeName(ScheduleGroupEntity.class, checked.name(), e.id, "schedule group");
        e.version++;
        apply(e, checked, by);
        return view(e);
    }

    @Transactional
    public void deleteGroup(String id) {
        group(id, LockModeType.PESSIMISTIC_WRITE).delete();
    }

    /** The version of a group, for its ETag. */
    long groupVersion(String id) {
        return group(id, LockModeType.NONE).version;
    }

    // --- evaluation ---------------------------------------------------------------------------------------------

    /** Open, closed or holiday at {@code at} in the group's time zone; empty when the group does not exist. */
    public Optional<ScheduleState> evaluate(String groupId, Instant at) {
        Optional<UUID> key = uuid(groupId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        ScheduleGroupEntity g = ScheduleGroupEntity.findById(key.get());
        if (g == null) {
            return Optional.empty();
        }
        Set<UUID> all = new LinkedHashSet<>();
        List<String> open = ids(g.openSchedules);
        List<String> closed = ids(g.closedSchedules);
        List<String> holiday = ids(g.holidaySchedules);
        for (List<String> list : List.of(open, closed, holiday)) {
            list.forEach(id -> uuid(id).ifPresent(all::add));
        }
        Map<String, ScheduleEvaluation.Window> windows = new HashMap<>();
        if (!all.isEmpty()) {
            for (ScheduleEntity s : ScheduleEntity.<ScheduleEntity>list("id in :ids", Parameters.with("ids", all))) {
                windows.put(s.id.toString(), new ScheduleEvaluation.Window(s.start, s.end,
                        s.rrule == null || s.rrule.isBlank() ? null : Rrule.parse(s.rrule)));
            }
        }
        Function<List<String>, List<ScheduleEvaluation.Window>> of = list -> list.stream().map(windows::get)
                .filter(java.util.Objects::nonNull).toList();
        return Optional.of(ScheduleEvaluation.at(at, ZoneId.of(g.timeZone), of.apply(open), of.apply(closed),
                of.apply(holiday)));
    }

    private static void requireVersion(String what, long stored, Integer bodyVersion, String ifMatch) {
        if (bodyVersion != null && bodyVersion != stored) {
            throw new Conflict(what + " is at version " + stored + ", not " + bodyVersion + ": read it again",
                    List.of(new Detail("version.mismatch", "version", "the stored version is " + stored)));
        }
        if (!IfMatch.of(ifMatch).matches(stored)) {
            throw new VersionMismatch(what + " is at version " + stored + ", not " + IfMatch.of(ifMatch).versions()
                    + ": read it again");
        }
    }

    private static <T extends io.quarkus.hibernate.orm.panache.PanacheEntityBase> void requireFreeName(
            Class<T> type, String name, UUID self, String what) {
        List<T> same = io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createQuery("from " + type.getSimpleName() + " where lower(name) = :name", type)
                .setParameter("name", name.toLowerCase(Locale.ROOT)).getResultList();
        for (T other : same) {
            UUID id = other instanceof ScheduleEntity s ? s.id : ((ScheduleGroupEntity) other).id;
            if (!id.equals(self)) {
                throw new Conflict("A " + what + " named '" + name + "' exists already",
                        List.of(new Detail("duplicate.name", "name", "another " + what + " has this name")));
            }
        }
    }

    private static String query(String name, String sortBy, boolean descending) {
        String column = switch (sortBy == null || sortBy.isBlank() ? "name" : sortBy) {
            case "name" -> "lower(name)";
            case "id" -> "id";
            case "dateModified" -> "dateModified";
            default -> throw InvalidInput.field("sortBy", "sortBy is name, id or dateModified");
        };
        String order = "order by " + column + (descending ? " desc" : "") + ", id";
        return (name != null && !name.isBlank() ? "lower(name) like ?1 " : "") + order;
    }

    private static Object[] params(String name) {
        return name != null && !name.isBlank() ? new Object[]{"%" + name.trim().toLowerCase(Locale.ROOT) + "%"}
                : new Object[0];
    }

    // --- mapping ------------------------------------------------------------------------------------------------

    private static void apply(ScheduleEntity e, ScheduleChecks.Checked c, String by) {
        e.name = c.name();
        e.description = c.description();
        e.start = c.start();
        e.end = c.end();
        e.rrule = c.rrule();
        e.dateModified = Instant.now();
        e.modifiedBy = by;
    }

    private void apply(ScheduleGroupEntity e, ScheduleChecks.CheckedGroup c, String by) {
        e.name = c.name();
        e.description = c.description();
        e.timeZone = c.timeZone();
        e.openSchedules = write(c.open());
        e.closedSchedules = write(c.closed());
        e.holidaySchedules = write(c.holiday());
        e.dateModified = Instant.now();
        e.modifiedBy = by;
    }

    private ScheduleGroup view(ScheduleGroupEntity e) {
        List<String> open = ids(e.openSchedules);
        List<String> closed = ids(e.closedSchedules);
        List<String> holiday = ids(e.holidaySchedules);
        Set<UUID> all = new LinkedHashSet<>();
        for (List<String> list : List.of(open, closed, holiday)) {
            list.forEach(id -> uuid(id).ifPresent(all::add));
        }
        Map<String, String> names = new HashMap<>();
        if (!all.isEmpty()) {
            ScheduleEntity.<ScheduleEntity>list("id in :ids", Parameters.with("ids", all))
                    .forEach(s -> names.put(s.id.toString(), s.name));
        }
        Function<List<String>, List<ScheduleGroup.Ref>> refs = list -> list.stream()
                .map(id -> new ScheduleGroup.Ref(id, names.get(id), Schedule.BASE + "/" + id)).toList();
        return new ScheduleGroup(e.id.toString(), e.name, e.description, (int) e.version, e.timeZone,
                refs.apply(open), refs.apply(closed), refs.apply(holiday), "active", e.dateCreated, e.dateModified,
                e.modifiedBy, ScheduleGroup.BASE + "/" + e.id);
    }

    private List<String> ids(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, IDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored schedule group is not readable", e);
        }
    }

    private String write(List<String> ids) {
        try {
            return json.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String format(LocalDateTime t) {
        return t == null ? null : FORMAT.format(t);
    }

    private static ScheduleEntity schedule(String id, LockModeType lock) {
        UUID key = uuid(id).orElseThrow(() -> new NotFound("Schedule " + id + " not found"));
        return ScheduleEntity.<ScheduleEntity>findByIdOptional(key, lock)
                .orElseThrow(() -> new NotFound("Schedule " + id + " not found"));
    }

    private static ScheduleGroupEntity group(String id, LockModeType lock) {
        UUID key = uuid(id).orElseThrow(() -> new NotFound("Schedule group " + id + " not found"));
        return ScheduleGroupEntity.<ScheduleGroupEntity>findByIdOptional(key, lock)
                .orElseThrow(() -> new NotFound("Schedule group " + id + " not found"));
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
