package dev.rapport.script.expressions;

/** Input validation patterns, matched by RE2/J in linear time like every other regular expression here. */
public final class Patterns {
    private Patterns() {
    }

    /** @return whether the whole value matches; an invalid pattern, or a value too long or too slow to match, matches nothing */
    public static boolean fullMatch(String pattern, String value) {
        try {
            return Regexes.fullMatch(Regexes.compile(pattern), value);
        } catch (ExpressionException e) {
            return false;
        }
    }

    /** @return null when valid, else why the pattern cannot be used */
    public static String problem(String pattern) {
        try {
            Regexes.compile(pattern);
            return null;
        } catch (ExpressionException e) {
            return e.getMessage();
        }
    }
}
