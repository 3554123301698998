package dev.rapport.bench.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The first error of each measurement, printed once, so a failing stage says why without flooding the output. */
public final class LastError {
    private static final Map<String, String> FIRST = new ConcurrentHashMap<>();

    private LastError() {
    }

    public static void note(String measurement, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        String text = String.valueOf(cause.getMessage() == null ? cause : cause.getMessage());
        if (FIRST.putIfAbsent(measurement, text) == null) {
            System.out.println("  ! " + measurement + ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
        }
    }

    public static String of(String measurement) {
        return FIRST.get(measurement);
    }
}
