package dev.rapport.script.schedules;

import dev.rapport.contract.GenesysError.Detail;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a schedule or a schedule group sent to the API must be: a name (1 to 256 characters, no control character),
 * a description of at most 1,024, local date-times with the end after the start, an RRULE {@link Rrule} reads, an IANA
 * time zone, references to existing schedules (at most 100 a kind). A 400 names every field that is wrong.
 */
final class ScheduleChecks {
    static final int MAX_NAME = 256;
    static final int MAX_DESCRIPTION = 1_024;
    static final int MAX_SCHEDULES_PER_GROUP = 100;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private ScheduleChecks() {
    }

    record Checked(String name, String description, LocalDateTime start, LocalDateTime end, String rrule) {
    }

    record CheckedGroup(String name, String description, String timeZone, List<String> open,
                                List<String> closed, List<String> holiday) {
    }

    static Checked checked(Schedule body) {
        if (body == null) {
            throw InvalidInput.field("name", "a body with the schedule's name, start and end is required");
        }
        List<Detail> problems = new ArrayList<>();
        String name = name(body.name(), problems);
        description(body.description(), problems);
        LocalDateTime start = dateTime("start", body.start(), problems);
        LocalDateTime end = dateTime("end", body.end(), problems);
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add(detail("end", "end " + body.end() + " is not after start " + body.start()));
        }
        String rrule = body.rrule() == null || body.rrule().isBlank() ? null : body.rrule().trim();
        if (rrule != null) {
            try {
                Rrule.parse(rrule);
            } catch (IllegalArgumentException e) {
                problems.add(detail("rrule", e.getMessage()));
            }
        }
        fail(problems);
        return new Checked(name, body.description(), start, end, rrule);
    }

    static CheckedGroup checked(ScheduleGroup body) {
        if (body == null) {
            throw InvalidInput.field("name", "a body with the schedule group's name and timeZone is required");
        }
        List<Detail> problems = new ArrayList<>();
        String name = name(body.name(), problems);
        description(body.description(), problems);
        String zone = body.timeZone() == null ? "" : body.timeZone().trim();
        if (zone.isEmpty()) {
            problems.add(detail("timeZone", "timeZone is required, e.g. America/New_York"));
        } else {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                problems.add(detail("timeZone", "timeZone " + zone + " is not a time zone, e.g. America/New_York"));
            }
        }
        List<String> open = refs("openSchedules", body.openSchedules(), problems);
        List<String> closed = refs("closedSchedules", body.closedSchedules(), problems);
        List<String> holiday = refs("holidaySchedules", body.holidaySchedules(), problems);
        fail(problems);
        return new CheckedGroup(name, body.description(), zone, open, closed, holiday);
    }

    /** The ids of the references, each an existing schedule, or problems naming the field (openSchedules[1].id). */
    private static List<String> refs(String field, List<ScheduleGroup.Ref> refs, List<Detail> problems) {
        List<String> ids = new ArrayList<>();
        if (refs == null) {
            return ids;
        }
        if (refs.size() > MAX_SCHEDULES_PER_GROUP) {
            problems.add(detail(field, field + " has " + refs.size() + " schedules; at most "
                    + MAX_SCHEDULES_PER_GROUP));
            return ids;
        }
        for (int i = 0; i < refs.size(); i++) {
            String at = field + "[" + i + "].id";
            ScheduleGroup.Ref ref = refs.get(i);
            Optional<UUID> id = ref == null ? Optional.empty() : uuid(ref.id());
            if (id.isEmpty() || ScheduleEntity.findById(id.get()) == null) {
                problems.add(detail(at, at + ": no schedule has the id " + (ref == null ? null : ref.id())));
            } else if (!ids.contains(id.get().toString())) {
                ids.add(id.get().toString());
            }
        }
        return ids;
    }

    private static String name(String raw, List<Detail> problems) {
        String name = raw == null ? "" : raw.trim();
        if (name.isEmpty()) {
            problems.add(detail("name", "name is required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(detail("name", "name has " + name.length() + " characters; at most " + MAX_NAME));
        } else if (CONTROL.matcher(name).find()) {
            problems.add(detail("name", "name has a control character (a line break, a tab...)"));
        }
        return name;
    }

    private static void description(String description, List<Detail> problems) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(detail("description", "description has " + description.length() + " characters; at most "
                    + MAX_DESCRIPTION));
        }
    }

    /** A local date-time as Genesys writes it ({@code 2025-01-06T08:00:00.000}); an offset is refused. */
    private static LocalDateTime dateTime(String field, String value, List<Detail> problems) {
        if (value == null || value.isBlank()) {
            problems.add(detail(field, field + " is required, a local date-time such as 2025-01-06T08:00:00.000"));
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(detail(field, field + " " + value + " is not a local date-time such as"
                    + " 2025-01-06T08:00:00.000 (no offset: the schedule group's time zone applies)"));
            return null;
        }
    }

    private static void fail(List<Detail> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
    }

    private static Detail detail(String field, String message) {
        return new Detail(InvalidInput.INVALID_VALUE, field, message);
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
