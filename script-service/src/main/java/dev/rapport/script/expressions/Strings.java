package dev.rapport.script.expressions;

/** JavaScript's String.substring, slice and replace (first occurrence of a plain string), by code unit. */
final class Strings {
    private Strings() {
    }

    static String substring(String s, double start, Double end) {
        int a = clamp(start, s.length());
        int b = end == null ? s.length() : clamp(end, s.length());
        return s.substring(Math.min(a, b), Math.max(a, b));
    }

    static String slice(String s, double start, Double end) {
        int a = relative(start, s.length());
        int b = end == null ? s.length() : relative(end, s.length());
        return a >= b ? "" : s.substring(a, b);
    }

    static String replaceFirst(String s, String find, String with) {
        int at = s.indexOf(find);
        return at < 0 ? s : s.substring(0, at) + with + s.substring(at + find.length());
    }

    private static int clamp(double v, int length) {
        if (Double.isNaN(v)) {
            return 0;
        }
        return (int) Math.max(0, Math.min(length, Math.floor(v)));
    }

    private static int relative(double v, int length) {
        if (Double.isNaN(v)) {
            return 0;
        }
        double i = v < 0 ? Math.max(0, length + Math.ceil(v)) : Math.floor(v);
        return (int) Math.min(length, i);
    }
}
