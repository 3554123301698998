package dev.rapport.script.expressions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Values as math.js sees them: IEEE doubles, strings, booleans, null and lists. Conversions and number formatting
 * follow math.js 15 (checked by the differential test), so {@code "3" + 4} is 7 and {@code string(123456)} is
 * {@code 1.23456e+5}.
 */
public final class MathJsValues {
    /** math.js config defaults used by equal, larger, floor... */
    static final double REL_TOL = 1e-12;
    static final double ABS_TOL = 1e-15;
    /** Longer texts are not numbers worth converting; the cap keeps conversion cheap whatever arrives. */
    public static final int MAX_NUMBER_TEXT = 400;

    private MathJsValues() {
    }

    public static double toNumber(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            return parseNumber(s);
        }
        throw new ExpressionException("cannot use " + describe(v) + " as a number");
    }

    /** JavaScript's Number(s), refusing what it would turn into NaN, as math.js does. Linear: one pass, no regex. */
    static double parseNumber(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return 0;
        }
        if (t.length() > MAX_NUMBER_TEXT) {
            throw new ExpressionException("Cannot convert a text longer than " + MAX_NUMBER_TEXT
                    + " characters to a number");
        }
        if (NumberText.isDecimal(t)) {
            return Double.parseDouble(t);
        }
        if (NumberText.isHex(t)) {
            return Long.parseLong(t.substring(2), 16);
        }
        if (t.equals("Infinity") || t.equals("+Infinity") || t.equals("-Infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new ExpressionException("Cannot convert " + describe(s) + " to a number");
    }

    /** Truthiness of a condition ({@code ? :}, ifElse): JavaScript's. */
    public static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    /** Operand of and / or / xor / not: math.js converts strings to numbers first. */
    static boolean logical(Object v) {
        if (v == null) {
            return false;
        }
        double d = toNumber(v);
        return d != 0 && !Double.isNaN(d);
    }

    static boolean nearlyEqual(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b) || a == b) {
            return a == b;
        }
        return Math.abs(a - b) <= Math.max(REL_TOL * Math.max(Math.abs(a), Math.abs(b)), ABS_TOL);
    }

    static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return nearlyEqual(toNumber(a), toNumber(b));
    }

    /** -1, 0 or 1 as math.js compare, with its tolerance. */
    static int compare(Object a, Object b) {
        double x = toNumber(a);
        double y = toNumber(b);
        if (nearlyEqual(x, y)) {
            return 0;
        }
        return x > y ? 1 : -1;
    }

    /** round(x, n) as math.js: decimal rounding, halves away from zero. */
    static double round(double x, int decimals) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(Double.toString(x)).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** math.js format(x) / string(x): exponential below 1e-3 and from 1e5 up. */
    public static String format(Object v) {
        return format(v, Integer.MAX_VALUE - 16, null);
    }

    /** format(x), refusing (budget exceeded) to build more than {@code max} characters or past the meter's deadline. */
    static String format(Object v, int max, BudgetMeter meter) {
        if (v instanceof List<?> list) {
            BoundedText out = new BoundedText(max, meter);
            appendFormat(list, out);
            return out.toString();
        }
        return v instanceof Double d ? formatNumber(d, -3, 5) : String.valueOf(v);
    }

    private static void appendFormat(List<?> list, BoundedText out) {
        out.append("[");
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : ", ");
            Object item = list.get(i);
            if (item instanceof String s) {
                out.append("\"").append(s).append("\"");
            } else if (item instanceof List<?> l) {
                appendFormat(l, out);
            } else {
                out.append(format(item));
            }
        }
        out.append("]");
    }

    /** How a value reads in interpolated text: JavaScript's String(x); null is empty. */
    public static String text(Object v) {
        return text(v, Integer.MAX_VALUE - 16, null);
    }

    /** text(x), refusing ("budget exceeded: ...") to build more than {@code max} characters. */
    public static String text(Object v, int max) {
        return text(v, max, null);
    }

    static String text(Object v, int max, BudgetMeter meter) {
        if (v instanceof List<?> list) {
            BoundedText out = new BoundedText(max, meter);
            appendText(list, out);
            return out.toString();
        }
        return scalarText(v);
    }

    private static void appendText(List<?> list, BoundedText out) {
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : ",");
            if (list.get(i) instanceof List<?> l) {
                appendText(l, out);
            } else {
                out.append(scalarText(list.get(i)));
            }
        }
    }

    private static String scalarText(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof Double d ? formatNumber(d, -7, 21) : v.toString();
    }

    /** Shortest digits of x; scientific notation when the exponent is below lowerExp or at least upperExp. */
    static String formatNumber(double x, int lowerExp, int upperExp) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (x == 0) {
            return "0";
        }
        if (x == Math.rint(x) && Math.abs(x) < Math.min(1e15, Math.pow(10, upperExp))) {
            return Long.toString((long) x); // the common case, without BigDecimal
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = x < 0 ? "-" : "";
        if (exp < lowerExp || exp >= upperExp) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exp >= 0 ? "+" : "-") + Math.abs(exp);
        }
        if (exp >= 0) {
            if (digits.length() <= exp + 1) {
                return sign + digits + "0".repeat(exp + 1 - digits.length());
            }
            return sign + digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
        }
        return sign + "0." + "0".repeat(-exp - 1) + digits;
    }

    /** The text with every lone surrogate (half a UTF-16 pair) replaced by U+FFFD, so it can be written as UTF-8. */
    public static String withoutLoneSurrogates(String s) {
        return Strings.withoutLoneSurrogates(s);
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "\"" + Strings.excerpt(s) + "\"";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        return format(v);
    }
}
