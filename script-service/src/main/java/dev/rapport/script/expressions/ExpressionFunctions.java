package dev.rapport.script.expressions;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The only functions an expression can call: a fixed table, no lookup by reflection. math.js functions keep math.js
 * semantics; Genesys's additions (ifElse, concat, contains, ...) follow JavaScript's string methods. Regular
 * expressions run on RE2/J, which matches in linear time, so no pattern can backtrack catastrophically.
 */
public final class ExpressionFunctions {
    public static final Set<String> NAMES = Set.of("add", "subtract", "multiply", "divide", "mod", "pow", "abs",
            "round", "floor", "ceil", "fix", "sqrt", "exp", "log", "log10", "sign", "min", "max", "sum", "mean",
            "number", "string", "boolean", "format", "equal", "unequal", "larger", "smaller", "largerEq", "smallerEq",
            "equalText", "compareText", "size", "ifElse", "concat", "contains", "upper", "lower", "substring", "slice",
            "indexOf", "replace", "match", "formatDate", "formatDateISO", "dateToMilliseconds",
            "durationToMilliseconds", "formatDuration");
    private static final int MAX_PATTERN = 1_000;

    private ExpressionFunctions() {
    }

    static Object call(String name, List<Object> a, PatternCache patterns) {
        return switch (name) {
            case "add" -> Arithmetic.apply("+", arg(a, 0, 2, name), a.get(1));
            case "subtract" -> Arithmetic.apply("-", arg(a, 0, 2, name), a.get(1));
            case "multiply" -> Arithmetic.apply("*", arg(a, 0, 2, name), a.get(1));
            case "divide" -> Arithmetic.apply("/", arg(a, 0, 2, name), a.get(1));
            case "mod" -> Arithmetic.apply("%", arg(a, 0, 2, name), a.get(1));
            case "pow" -> Arithmetic.apply("^", arg(a, 0, 2, name), a.get(1));
            case "abs" -> Math.abs(n(a, 0, 1, name));
            case "sqrt" -> Math.sqrt(n(a, 0, 1, name));
            case "exp" -> Math.exp(n(a, 0, 1, name));
            case "log" -> a.size() == 2 ? Math.log(n(a, 0, 2, name)) / Math.log(n(a, 1, 2, name)) : Math.log(n(a, 0, 1, name));
            case "log10" -> Math.log10(n(a, 0, 1, name));
            case "sign" -> Math.signum(n(a, 0, 1, name));
            case "round" -> MathJsValues.round(n(a, 0, a.size() == 2 ? 2 : 1, name), a.size() == 2 ? decimals(a.get(1)) : 0);
            case "floor" -> floor(n(a, 0, 1, name));
            case "ceil" -> -floor(-n(a, 0, 1, name));
            case "fix" -> {
                double x = n(a, 0, 1, name);
                yield x > 0 ? floor(x) : -floor(-x);
            }
            case "min", "max", "sum", "mean" -> Aggregates.apply(name, a);
            case "number" -> a.size() == 1 && a.get(0) == null ? 0.0 : n(a, 0, 1, name);
            case "string", "format" -> MathJsValues.format(arg(a, 0, 1, name));
            case "boolean" -> toBoolean(arg(a, 0, 1, name));
            case "equal" -> Arithmetic.compare("==", arg(a, 0, 2, name), a.get(1));
            case "unequal" -> Arithmetic.compare("!=", arg(a, 0, 2, name), a.get(1));
            case "larger" -> Arithmetic.compare(">", arg(a, 0, 2, name), a.get(1));
            case "smaller" -> Arithmetic.compare("<", arg(a, 0, 2, name), a.get(1));
            case "largerEq" -> Arithmetic.compare(">=", arg(a, 0, 2, name), a.get(1));
            case "smallerEq" -> Arithmetic.compare("<=", arg(a, 0, 2, name), a.get(1));
            case "equalText" -> text(a, 0, name).equals(text(a, 1, name));
            case "compareText" -> (double) Integer.signum(text(a, 0, name).compareTo(text(a, 1, name)));
            case "size" -> arg(a, 0, 1, name) instanceof List<?> l ? List.of((double) l.size())
                    : a.get(0) instanceof String s ? List.of((double) s.length()) : List.of();
            case "ifElse" -> MathJsValues.truthy(arg(a, 0, 3, name)) ? a.get(1) : a.get(2);
            case "concat" -> concat(a);
            case "contains" -> contains(arg(a, 0, 2, name), a.get(1));
            case "upper" -> s(a, 0, 1, name).toUpperCase(Locale.ROOT);
            case "lower" -> s(a, 0, 1, name).toLowerCase(Locale.ROOT);
            case "substring" -> Strings.substring(s(a, 0, -2, name), n(a, 1, -2, name), a.size() > 2 ? n(a, 2, 3, name) : null);
            case "slice" -> Strings.slice(s(a, 0, -2, name), n(a, 1, -2, name), a.size() > 2 ? n(a, 2, 3, name) : null);
            case "indexOf" -> (double) s(a, 0, 2, name).indexOf(s(a, 1, 2, name));
            case "replace" -> Strings.replaceFirst(s(a, 0, 3, name), s(a, 1, 3, name), s(a, 2, 3, name));
            case "match" -> patterns.get(s(a, 1, 2, name)).matcher(s(a, 0, 2, name)).find();
            case "formatDate" -> DateFunctions.formatDate(n(a, 0, 2, name), s(a, 1, 2, name));
            case "formatDateISO" -> DateFunctions.formatDateIso(n(a, 0, 1, name));
            case "dateToMilliseconds" -> DateFunctions.dateToMilliseconds(s(a, 0, 1, name));
            case "durationToMilliseconds" -> DateFunctions.durationToMilliseconds(s(a, 0, 1, name));
            case "formatDuration" -> DateFunctions.formatDuration(n(a, 0, 1, name));
            default -> throw new ExpressionException("Undefined function " + name);
        };
    }

    /** math.js floor: a value a rounding error away from an integer is that integer. */
    private static double floor(double x) {
        double f = Math.floor(x);
        double r = Math.rint(x);
        if (f != r && MathJsValues.nearlyEqual(x, r) && !MathJsValues.nearlyEqual(x, f)) {
            return r;
        }
        return f;
    }

    private static int decimals(Object v) {
        double d = MathJsValues.toNumber(v);
        if (d != Math.rint(d) || d < 0 || d > 15) {
            throw new ExpressionException("Number of decimals in function round must be an integer from 0 to 15 inclusive");
        }
        return (int) d;
    }

    private static boolean toBoolean(Object v) {
        if (v instanceof String s) {
            if (s.equals("true")) {
                return true;
            }
            if (s.equals("false")) {
                return false;
            }
        }
        return MathJsValues.logical(v);
    }

    private static String concat(List<Object> a) {
        StringBuilder out = new StringBuilder();
        for (Object v : a) {
            out.append(MathJsValues.text(v));
        }
        return out.toString();
    }

    private static boolean contains(Object haystack, Object needle) {
        if (haystack instanceof List<?> list) {
            return list.stream().anyMatch(item -> MathJsValues.text(item).equals(MathJsValues.text(needle)));
        }
        return MathJsValues.text(haystack).contains(MathJsValues.text(needle));
    }

    static Pattern pattern(String regex) {
        if (regex.length() > MAX_PATTERN) {
            throw new ExpressionException("the regular expression is longer than " + MAX_PATTERN + " characters");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ExpressionException("invalid regular expression: " + e.getMessage()
                    + " (back-references and look-arounds are not supported: matching runs in linear time)");
        }
    }

    /** Checks the argument count (negative = at least that many) and returns argument {@code i}. */
    private static Object arg(List<Object> a, int i, int count, String name) {
        boolean ok = count >= 0 ? a.size() == count : a.size() >= -count && a.size() <= -count + 1;
        if (!ok) {
            throw new ExpressionException("Wrong number of arguments in function " + name + " (" + a.size() + " provided)");
        }
        return a.get(i);
    }

    private static double n(List<Object> a, int i, int count, String name) {
        Object v = arg(a, i, count, name);
        if (v == null) {
            throw new ExpressionException("function " + name + " cannot take null");
        }
        return MathJsValues.toNumber(v);
    }

    /** equalText and compareText take strings only, as in math.js. */
    private static String text(List<Object> a, int i, String name) {
        if (!(arg(a, i, 2, name) instanceof String s)) {
            throw new ExpressionException("function " + name + " expects strings (argument " + (i + 1) + " is "
                    + MathJsValues.describe(a.get(i)) + "); convert with string()");
        }
        return s;
    }

    private static String s(List<Object> a, int i, int count, String name) {
        return MathJsValues.text(arg(a, i, count, name));
    }

    static List<Object> flatten(List<Object> a) {
        List<Object> out = new ArrayList<>();
        for (Object v : a) {
            if (v instanceof List<?> l) {
                out.addAll(l);
            } else {
                out.add(v);
            }
        }
        return out;
    }
}
