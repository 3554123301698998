package dev.rapport.script.schedules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A schedule as Genesys's {@code /api/v2/architect/schedules} shows it: {@code start} and {@code end} are local
 * date-times without an offset ({@code 2025-01-06T08:00:00.000}, read in the time zone of the schedule group that
 * uses it), {@code rrule} how it repeats (none: once). A create or update sends name, description, start, end, rrule
 * and, on update, the {@code version} it read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schedule(String id, String name, String description, Integer version, String start, String end,
                       String rrule, String state, Instant dateCreated, Instant dateModified, String modifiedBy,
                       String selfUri) {
    static final String BASE = "/api/v2/architect/schedules";

    static Schedule of(ScheduleEntity e) {
        return new Schedule(e.id.toString(), e.name, e.description, (int) e.version, ScheduleService.format(e.start),
                ScheduleService.format(e.end), e.rrule, "active", e.dateCreated, e.dateModified, e.modifiedBy,
                BASE + "/" + e.id);
    }
}
