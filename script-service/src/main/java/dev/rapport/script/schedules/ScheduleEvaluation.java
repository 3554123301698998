package dev.rapport.script.schedules;

import dev.rapport.script.flows.FlowRunner.ScheduleState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Whether a schedule group is open, closed or on holiday at an instant, in the group's time zone. A schedule's start
 * and end are wall-clock times of that zone (Genesys stores them without an offset), so 08:00-17:00 stays 08:00-17:00
 * across a daylight saving change. Holiday wins over closed, closed over open; no schedule matching means closed.
 */
public final class ScheduleEvaluation {
    /** Longest an occurrence may last, so only a bounded number of earlier days can still cover an instant. */
    static final Duration MAX_OCCURRENCE = Duration.ofDays(366);

    /** A schedule: its first occurrence's wall-clock start and end, and how it repeats (null: once). */
    public record Window(LocalDateTime start, LocalDateTime end, Rrule rrule) {
    }

    private ScheduleEvaluation() {
    }

    public static ScheduleState at(Instant instant, ZoneId zone, List<Window> open, List<Window> closed,
                                   List<Window> holiday) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        if (holiday.stream().anyMatch(w -> covers(w, local))) {
            return ScheduleState.HOLIDAY;
        }
        if (closed.stream().anyMatch(w -> covers(w, local))) {
            return ScheduleState.CLOSED;
        }
        return open.stream().anyMatch(w -> covers(w, local)) ? ScheduleState.OPEN : ScheduleState.CLOSED;
    }

    /** Whether one of the schedule's occurrences covers the wall-clock time {@code t}: [start, end). */
    public static boolean covers(Window w, LocalDateTime t) {
        if (!w.end().isAfter(w.start())) {
            return false;
        }
        if (w.rrule() == null) {
            return !t.isBefore(w.start()) && t.isBefore(w.end());
        }
        Duration length = Duration.between(w.start(), w.end());
        if (length.compareTo(MAX_OCCURRENCE) > 0) {
            length = MAX_OCCURRENCE;
        }
        long daysBack = length.toDays() + 1;
        LocalDate first = w.start().toLocalDate();
        for (long back = 0; back <= daysBack; back++) {
            LocalDate day = t.toLocalDate().minusDays(back);
            if (day.isBefore(first)) {
                break;
            }
            if (w.rrule().occursOn(first, day)) {
                LocalDateTime start = day.atTime(w.start().toLocalTime());
                if (!t.isBefore(start) && t.isBefore(start.plus(length))) {
                    return true;
                }
            }
        }
        return false;
    }
}
