package dev.rapport.script.schedules;

import java.util.Locale;

/** What a schedule group says at an instant; a flow's Evaluate Schedule Group step takes the branch of that name. */
public enum ScheduleState {
    OPEN, CLOSED, HOLIDAY;

    /** The branch of the flow step: open, closed, holiday. */
    public String block() {
        return name().toLowerCase(Locale.ROOT);
    }
}
