package dev.rapport.script.schedules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The part of RFC 5545's RRULE that schedules use: {@code FREQ=DAILY}, {@code WEEKLY} (with {@code BYDAY}, weeks
 * starting on Monday) or {@code YEARLY} (the start's month and day), {@code INTERVAL} and {@code UNTIL}. Anything else
 * is refused by {@link #parse} with a message saying what, so the API answers 400 naming {@code rrule}.
 */
public record Rrule(Frequency frequency, int interval, Set<DayOfWeek> byDay, LocalDateTime until) {
    static final int MAX_LENGTH = 512;

    public enum Frequency { DAILY, WEEKLY, YEARLY }

    /** @throws IllegalArgumentException saying what is wrong or not supported */
    public static Rrule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("rrule is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("rrule has more than " + MAX_LENGTH + " characters");
        }
        String body = text.trim();
        if (body.regionMatches(true, 0, "RRULE:", 0, 6)) {
            body = body.substring(6);
        }
        Frequency frequency = null;
        int interval = 1;
        Set<DayOfWeek> byDay = EnumSet.noneOf(DayOfWeek.class);
        LocalDateTime until = null;
        for (String part : body.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("rrule part '" + part + "' is not NAME=VALUE");
            }
            String name = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            switch (name) {
                case "FREQ" -> {
                    try {
                        frequency = Frequency.valueOf(value);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("rrule FREQ=" + value + " is not supported; use DAILY,"
                                + " WEEKLY or YEARLY");
                    }
                }
                case "INTERVAL" -> {
                    try {
                        interval = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        interval = 0;
                    }
                    if (interval < 1 || interval > 1000) {
                        throw new IllegalArgumentException("rrule INTERVAL=" + value + " is not a number from 1 to"
                                + " 1000");
                    }
                }
                case "BYDAY" -> {
                    for (String day : value.split(",")) {
                        byDay.add(day(day.trim()));
                    }
                }
                case "UNTIL" -> until = until(value);
                case "WKST" -> {
                    if (!value.equals("MO")) {
                        throw new IllegalArgumentException("rrule WKST=" + value + " is not supported; weeks start"
                                + " on Monday (MO)");
                    }
                }
                default -> throw new IllegalArgumentException("rrule " + name + " is not supported; use FREQ,"
                        + " INTERVAL, BYDAY and UNTIL");
            }
        }
        if (frequency == null) {
            throw new IllegalArgumentException("rrule needs FREQ (DAILY, WEEKLY or YEARLY)");
        }
        if (!byDay.isEmpty() && frequency == Frequency.YEARLY) {
            throw new IllegalArgumentException("rrule BYDAY with FREQ=YEARLY is not supported");
        }
        return new Rrule(frequency, interval, byDay, until);
    }

    /** Whether an occurrence starts on {@code date}, for a schedule whose first occurrence starts on {@code first}. */
    public boolean occursOn(LocalDate first, LocalDate date) {
        if (date.isBefore(first) || until != null && date.isAfter(until.toLocalDate())) {
            return false;
        }
        return switch (frequency) {
            case DAILY -> ChronoUnit.DAYS.between(first, date) % interval == 0
                    && (byDay.isEmpty() || byDay.contains(date.getDayOfWeek()));
            case WEEKLY -> {
                Set<DayOfWeek> days = byDay.isEmpty() ? EnumSet.of(first.getDayOfWeek()) : byDay;
                long weeks = ChronoUnit.WEEKS.between(monday(first), monday(date));
                yield days.contains(date.getDayOfWeek()) && weeks % interval == 0;
            }
            case YEARLY -> date.getMonth() == first.getMonth() && date.getDayOfMonth() == first.getDayOfMonth()
                    && (date.getYear() - first.getYear()) % interval == 0;
        };
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static DayOfWeek day(String code) {
        return switch (code) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            case "SU" -> DayOfWeek.SUNDAY;
            default -> throw new IllegalArgumentException("rrule BYDAY=" + code + " is not supported; use MO, TU, WE,"
                    + " TH, FR, SA, SU (no ordinals)");
        };
    }

    /** {@code UNTIL}: a date ({@code 20251231}) or a local date-time ({@code 20251231T235959}, a trailing Z ignored). */
    private static LocalDateTime until(String value) {
        String v = value.endsWith("Z") ? value.substring(0, value.length() - 1) : value;
        try {
            if (v.length() == 8) {
                return LocalDate.parse(v, java.time.format.DateTimeFormatter.BASIC_ISO_DATE).atTime(23, 59, 59);
            }
            return LocalDateTime.parse(v, java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("rrule UNTIL=" + value + " is not a date (20251231) or date-time"
                    + " (20251231T235959)");
        }
    }
}
