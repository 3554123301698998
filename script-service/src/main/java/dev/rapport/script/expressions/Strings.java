package dev.rapport.script.expressions;

/**
 * JavaScript's String.substring, slice, indexOf and replace (first occurrence of a plain string), by code unit; the
 * search is linear whatever the needle, so a long needle cannot make it quadratic.
 */
final class Strings {
    private static final int EXCERPT = 40;

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

    /** The first occurrence of the plain text {@code with} replaced; the result's length is checked before it is built. */
    static String replaceFirst(String s, String find, String with, BudgetMeter meter) {
        int at = indexOf(s, find);
        if (at < 0) {
            return s;
        }
        meter.ensureLength((long) s.length() - find.length() + with.length());
        return s.substring(0, at) + with + s.substring(at + find.length());
    }

    /** String.indexOf, but Knuth-Morris-Pratt when a naive search could cost haystack × needle comparisons. */
    static int indexOf(String haystack, String needle) {
        if ((long) haystack.length() * needle.length() <= 1_000_000L || needle.isEmpty()) {
            return haystack.indexOf(needle);
        }
        int[] fallback = new int[needle.length()];
        for (int i = 1, k = 0; i < needle.length(); i++) {
            while (k > 0 && needle.charAt(i) != needle.charAt(k)) {
                k = fallback[k - 1];
            }
            if (needle.charAt(i) == needle.charAt(k)) {
                k++;
            }
            fallback[i] = k;
        }
        for (int i = 0, k = 0; i < haystack.length(); i++) {
            while (k > 0 && haystack.charAt(i) != needle.charAt(k)) {
                k = fallback[k - 1];
            }
            if (haystack.charAt(i) == needle.charAt(k)) {
                k++;
            }
            if (k == needle.length()) {
                return i - k + 1;
            }
        }
        return -1;
    }

    /** At most 40 characters of a value quoted in an error message, without a lone surrogate. */
    static String excerpt(String s) {
        String cut = s.length() <= EXCERPT ? s : s.substring(0, EXCERPT) + "… (" + s.length() + " characters)";
        return withoutLoneSurrogates(cut);
    }

    /** @return the index of the first surrogate that is not half of a pair, or -1 */
    static int loneSurrogate(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The text with every lone surrogate replaced by U+FFFD, so it can be written as UTF-8 (JSON). */
    static String withoutLoneSurrogates(String s) {
        if (loneSurrogate(s) < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** {@code U+D800}: how a character is named in an error message. */
    static String codePoint(int cp) {
        return String.format("U+%04X", cp);
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
