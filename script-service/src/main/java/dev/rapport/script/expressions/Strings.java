package dev.rapport.script.expressions;

import java.util.ArrayList;
import java.util.List;

/**
 * JavaScript's String.substring, slice, substr, indexOf, replace (first occurrence of a plain string), replaceAll and
 * split, by code unit; the search is linear whatever the needle, so a long needle cannot make it quadratic, and what
 * they build is checked against the evaluation's budget while it is built.
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

    /**
     * JavaScript's substr, which is Architect's Substring(text, start, length): {@code length} characters from the
     * zero-based {@code start} (negative: counted from the end), as many as there are; a negative length gives "".
     */
    static String substr(String s, double start, Double length) {
        int a = relative(start, s.length());
        double n = length == null ? s.length() : Double.isNaN(length) || length < 0 ? 0 : Math.floor(length);
        return s.substring(a, (int) Math.min(s.length(), a + n));
    }

    /**
     * Every occurrence of the plain text {@code find} replaced, left to right without overlaps (JavaScript's
     * replaceAll with a string, Architect's Replace); an empty {@code find} inserts {@code with} around every
     * character. The result is refused as soon as it grows past the string budget.
     */
    static String replaceAll(String s, String find, String with, BudgetMeter meter) {
        BoundedText out = new BoundedText(meter.budget().maxStringLength(), meter);
        if (find.isEmpty()) {
            out.append(with);
            for (int i = 0; i < s.length(); i = next(s, i)) {
                out.append(s.substring(i, next(s, i))).append(with);
            }
            return meter.string(out.toString());
        }
        int from = 0;
        for (int at = indexOf(s, find, 0); at >= 0; at = indexOf(s, find, from)) {
            out.append(s.substring(from, at)).append(with);
            from = at + find.length();
        }
        return meter.string(out.append(s.substring(from)).toString());
    }

    /**
     * JavaScript's split with a plain-text separator: the pieces between occurrences, empty ones kept
     * ({@code split('a,,b', ',')} is {@code ['a', '', 'b']}); an empty separator gives the characters (a surrogate pair
     * stays whole). Each piece is a step, and the list is refused at the item budget before it grows past it.
     */
    static List<Object> split(String s, String separator, BudgetMeter meter) {
        List<Object> pieces = new ArrayList<>();
        if (separator.isEmpty()) {
            for (int i = 0; i < s.length(); i = next(s, i)) {
                add(pieces, s.substring(i, next(s, i)), meter);
            }
            return meter.list(pieces);
        }
        int from = 0;
        for (int at = indexOf(s, separator, 0); at >= 0; at = indexOf(s, separator, from)) {
            add(pieces, s.substring(from, at), meter);
            from = at + separator.length();
        }
        add(pieces, s.substring(from), meter);
        return meter.list(pieces);
    }

    private static void add(List<Object> pieces, String piece, BudgetMeter meter) {
        meter.step();
        meter.ensureItems(pieces.size() + 1L);
        pieces.add(piece);
    }

    /** The index after the character at {@code i}: a surrogate pair is one character. */
    private static int next(String s, int i) {
        return i + Character.charCount(s.codePointAt(i));
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

    static int indexOf(String haystack, String needle) {
        return indexOf(haystack, needle, 0);
    }

    /**
     * String.indexOf from {@code from}, but Knuth-Morris-Pratt when a naive search could cost haystack × needle
     * comparisons; searching again after each match (split, replaceAll) stays linear in all.
     */
    static int indexOf(String haystack, String needle, int from) {
        if ((long) (haystack.length() - from) * needle.length() <= 1_000_000L || needle.isEmpty()) {
            return haystack.indexOf(needle, from);
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
        for (int i = from, k = 0; i < haystack.length(); i++) {
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
