package dev.rapport.script.schedules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A schedule group as Genesys's {@code /api/v2/architect/schedulegroups} shows it: a time zone (IANA, e.g.
 * {@code America/New_York}) and references to its open, closed and holiday schedules. On write only each
 * reference's {@code id} is read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleGroup(String id, String name, String description, Integer version, String timeZone,
                            List<Ref> openSchedules, List<Ref> closedSchedules, List<Ref> holidaySchedules,
                            String state, Instant dateCreated, Instant dateModified, String modifiedBy,
                            String selfUri) {
    static final String BASE = "/api/v2/architect/schedulegroups";

    /** A reference to a schedule ({@code DomainEntityRef}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ref(String id, String name, String selfUri) {
    }
}
