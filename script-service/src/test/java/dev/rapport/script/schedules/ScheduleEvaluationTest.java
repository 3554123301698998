package dev.rapport.script.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.script.flows.FlowRunner.ScheduleState;
import dev.rapport.script.schedules.ScheduleEvaluation.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Open, closed or holiday at an instant: wall-clock times of the group's zone, RRULEs, and which kind wins. */
class ScheduleEvaluationTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Weekdays 09:00-17:00 from Monday 2025-01-06. */
    private static final Window WEEKDAYS = new Window(LocalDateTime.parse("2025-01-06T09:00"),
            LocalDateTime.parse("2025-01-06T17:00"), Rrule.parse("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR"));
    /** Independence Day 2025, all day. */
    private static final Window JULY_4 = new Window(LocalDateTime.parse("2025-07-04T00:00"),
            LocalDateTime.parse("2025-07-05T00:00"), null);

    private static ScheduleState at(String instant, List<Window> open, List<Window> closed, List<Window> holiday) {
        return ScheduleEvaluation.at(Instant.parse(instant), NEW_YORK, open, closed, holiday);
    }

    @Test
    void opensAtTheSameWallClockTimeOnBothSidesOfADaylightSavingChange() {
        // 13:30Z is 08:30 EST in winter (closed) but 09:30 EDT in summer (open); 21:30Z is 16:30 EST / 17:30 EDT.
        assertThat(at("2025-03-07T13:30:00Z", List.of(WEEKDAYS), List.of(), List.of())).isEqualTo(ScheduleState.CLOSED);
        assertThat(at("2025-03-10T13:30:00Z", List.of(WEEKDAYS), List.of(), List.of())).isEqualTo(ScheduleState.OPEN);
        assertThat(at("2025-03-07T21:30:00Z", List.of(WEEKDAYS), List.of(), List.of())).isEqualTo(ScheduleState.OPEN);
        assertThat(at("2025-03-10T21:30:00Z", List.of(WEEKDAYS), List.of(), List.of())).isEqualTo(ScheduleState.CLOSED);
        // 2025-11-03 (Monday after the change back): 14:00Z is 09:00 EST, the first open minute
        assertThat(at("2025-11-03T14:00:00Z", List.of(WEEKDAYS), List.of(), List.of())).isEqualTo(ScheduleState.OPEN);
        assertThat(at("2025-11-03T13:59:59Z", List.of(WEEKDAYS), List.of(), List.of())).isEqualTo(ScheduleState.CLOSED);
    }

    @Test
    void holidayWinsOverOpenAndClosedOverOpenAndNothingMatchingIsClosed() {
        String friday = "2025-07-04T15:00:00Z"; // 11:00 EDT on a Friday: in the weekday hours
        Window lunch = new Window(LocalDateTime.parse("2025-01-06T10:30"), LocalDateTime.parse("2025-01-06T11:30"),
                Rrule.parse("FREQ=DAILY"));
        assertThat(at(friday, List.of(WEEKDAYS), List.of(), List.of())).isEqualTo(ScheduleState.OPEN);
        assertThat(at(friday, List.of(WEEKDAYS), List.of(), List.of(JULY_4))).isEqualTo(ScheduleState.HOLIDAY);
        assertThat(at(friday, List.of(WEEKDAYS), List.of(lunch), List.of())).isEqualTo(ScheduleState.CLOSED);
        assertThat(at(friday, List.of(WEEKDAYS), List.of(lunch), List.of(JULY_4))).isEqualTo(ScheduleState.HOLIDAY);
        assertThat(at("2025-07-05T15:00:00Z", List.of(WEEKDAYS), List.of(), List.of(JULY_4)))
                .isEqualTo(ScheduleState.CLOSED); // Saturday
        assertThat(at(friday, List.of(), List.of(), List.of())).isEqualTo(ScheduleState.CLOSED);
    }

    @Test
    void weeklyIntervalDailyYearlyAndUntil() {
        Rrule everyOtherMonday = Rrule.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO");
        LocalDate first = LocalDate.parse("2025-01-06");
        assertThat(everyOtherMonday.occursOn(first, LocalDate.parse("2025-01-20"))).isTrue();
        assertThat(everyOtherMonday.occursOn(first, LocalDate.parse("2025-01-13"))).isFalse();
        assertThat(everyOtherMonday.occursOn(first, LocalDate.parse("2024-12-23"))).isFalse(); // before the first
        assertThat(Rrule.parse("FREQ=DAILY;INTERVAL=3").occursOn(first, LocalDate.parse("2025-01-09"))).isTrue();
        assertThat(Rrule.parse("FREQ=DAILY;INTERVAL=3").occursOn(first, LocalDate.parse("2025-01-10"))).isFalse();
        Rrule yearly = Rrule.parse("FREQ=YEARLY");
        assertThat(yearly.occursOn(LocalDate.parse("2024-12-25"), LocalDate.parse("2030-12-25"))).isTrue();
        assertThat(yearly.occursOn(LocalDate.parse("2024-12-25"), LocalDate.parse("2030-12-24"))).isFalse();
        Rrule until = Rrule.parse("FREQ=DAILY;UNTIL=20250110");
        assertThat(until.occursOn(first, LocalDate.parse("2025-01-10"))).isTrue();
        assertThat(until.occursOn(first, LocalDate.parse("2025-01-11"))).isFalse();
    }

    @Test
    void anOvernightOccurrenceCoversTheNextMorning() {
        Window night = new Window(LocalDateTime.parse("2025-01-06T22:00"), LocalDateTime.parse("2025-01-07T06:00"),
                Rrule.parse("FREQ=WEEKLY;BYDAY=MO"));
        assertThat(ScheduleEvaluation.covers(night, LocalDateTime.parse("2025-01-14T05:59"))).isTrue(); // Tuesday
        assertThat(ScheduleEvaluation.covers(night, LocalDateTime.parse("2025-01-15T05:00"))).isFalse();
    }

    @Test
    void otherRulesAreRefusedSayingWhat() {
        assertThatThrownBy(() -> Rrule.parse("FREQ=MONTHLY;BYMONTHDAY=1")).hasMessageContaining("FREQ=MONTHLY");
        assertThatThrownBy(() -> Rrule.parse("FREQ=WEEKLY;COUNT=3")).hasMessageContaining("COUNT");
        assertThatThrownBy(() -> Rrule.parse("FREQ=WEEKLY;BYDAY=1MO")).hasMessageContaining("BYDAY=1MO");
        assertThatThrownBy(() -> Rrule.parse("INTERVAL=2")).hasMessageContaining("needs FREQ");
        assertThatThrownBy(() -> Rrule.parse("FREQ=DAILY;INTERVAL=0")).hasMessageContaining("INTERVAL");
    }
}
