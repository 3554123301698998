package dev.rapport.script.expressions;

/** The number forms JavaScript's Number(text) accepts, recognised in one pass without a regular expression. */
final class NumberText {
    private NumberText() {
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?} */
    static boolean isDecimal(String t) {
        int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        int intDigits = digits(t, i);
        i += intDigits;
        int fracDigits = 0;
        if (i < t.length() && t.charAt(i) == '.') {
            i++;
            fracDigits = digits(t, i);
            i += fracDigits;
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < t.length() && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int expDigits = digits(t, i);
            if (expDigits == 0) {
                return false;
            }
            i += expDigits;
        }
        return i == t.length();
    }

    /** {@code 0x} and 1 to 13 hexadecimal digits (what a double holds exactly). */
    static boolean isHex(String t) {
        if (t.length() < 3 || t.length() > 15 || t.charAt(0) != '0' || (t.charAt(1) != 'x' && t.charAt(1) != 'X')) {
            return false;
        }
        for (int i = 2; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
