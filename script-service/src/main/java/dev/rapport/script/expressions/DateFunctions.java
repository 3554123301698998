package dev.rapport.script.expressions;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Genesys's date helpers. Times are epoch milliseconds; formatting and parsing without an offset use UTC (a session
 * has no agent time zone yet). Durations read and print as {@code [hh:]mm:ss}.
 */
final class DateFunctions {
    private DateFunctions() {
    }

    static String formatDate(double millis, String pattern) {
        if (pattern.length() > 64) {
            throw new ExpressionException("the date pattern is longer than 64 characters");
        }
        try {
            return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(instant(millis));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ExpressionException("invalid date pattern '" + Strings.excerpt(pattern) + "': " + e.getMessage());
        }
    }

    static String formatDateIso(double millis) {
        return DateTimeFormatter.ISO_INSTANT.format(instant(millis));
    }

    static double dateToMilliseconds(String text) {
        String t = text.trim();
        if (t.length() > 64) {
            throw new ExpressionException("'" + Strings.excerpt(t) + "' is not an ISO-8601 date or date-time");
        }
        try {
            return epochMillis(t);
        } catch (ArithmeticException e) {
            throw new ExpressionException("'" + Strings.excerpt(t) + "' is out of range for epoch milliseconds");
        }
    }

    private static double epochMillis(String t) {
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the forms without an offset below
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try a plain date
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ExpressionException("'" + Strings.excerpt(t) + "' is not an ISO-8601 date or date-time");
        }
    }

    static double durationToMilliseconds(String text) {
        if (text.length() > 64) {
            throw new ExpressionException("'" + Strings.excerpt(text) + "' is not a duration ([hh:]mm:ss)");
        }
        String[] parts = text.trim().split(":");
        if (parts.length < 1 || parts.length > 3) {
            throw new ExpressionException("'" + Strings.excerpt(text) + "' is not a duration ([hh:]mm:ss)");
        }
        double total = 0;
        for (String part : parts) {
            try {
                total = total * 60 + Double.parseDouble(part);
            } catch (NumberFormatException e) {
                throw new ExpressionException("'" + Strings.excerpt(text) + "' is not a duration ([hh:]mm:ss)");
            }
        }
        return total * 1000;
    }

    static String formatDuration(double millis) {
        long total = Math.round(Math.abs(millis) / 1000);
        String sign = millis < 0 && total > 0 ? "-" : "";
        return sign + two(total / 3600) + ":" + two(total / 60 % 60) + ":" + two(total % 60);
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }

    private static Instant instant(double millis) {
        if (Double.isNaN(millis) || Double.isInfinite(millis)) {
            throw new ExpressionException("not a time: " + millis);
        }
        return Instant.ofEpochMilli((long) millis);
    }
}
