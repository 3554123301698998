package dev.rapport.script.expressions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The only functions an expression can call: a fixed table, no lookup by reflection. math.js functions keep math.js
 * semantics; Genesys's additions (ifElse, concat, contains, ...) follow JavaScript's string methods. Every string
 * a function builds goes through the evaluation's {@link BudgetMeter}, which refuses it before it grows past the
 * budget; regular expressions run on RE2/J (see {@link Regexes}).
 */
public final class ExpressionFunctions {
    public static final Set<String> NAMES = Set.of("add", "subtract", "multiply", "divide", "mod", "pow", "abs",
            "round", "floor", "ceil", "fix", "sqrt", "exp", "log", "log10", "sign", "min", "max", "sum", "mean",
            "number", "string", "boolean", "format", "equal", "unequal", "larger", "smaller", "largerEq", "smallerEq",
            "equalText", "compareText", "size", "ifElse", "concat", "contains", "upper", "lower", "substring", "slice",
            "indexOf", "replace", "match", "formatDate", "formatDateISO", "dateToMilliseconds",
            "durationToMilliseconds", "formatDuration");
    private ExpressionFunctions() {
    }

    static Object call(String name, List<Object> a, PatternCache patterns, BudgetMeter meter) {
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
            case "string", "format" -> meter.format(arg(a, 0, 1, name));
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
            case "concat" -> concat(a, meter);
            case "contains" -> contains(arg(a, 0, 2, name), a.get(1), meter);
            case "upper" -> meter.string(s(a, 0, 1, name, meter).toUpperCase(Locale.ROOT));
            case "lower" -> meter.string(s(a, 0, 1, name, meter).toLowerCase(Locale.ROOT));
            case "substring" -> Strings.substring(s(a, 0, -2, name, meter), n(a, 1, -2, name), a.size() > 2 ? n(a, 2, 3, name) : null);
            case "slice" -> Strings.slice(s(a, 0, -2, name, meter), n(a, 1, -2, name), a.size() > 2 ? n(a, 2, 3, name) : null);
            case "indexOf" -> (double) Strings.indexOf(s(a, 0, 2, name, meter), s(a, 1, 2, name, meter));
            case "replace" -> Strings.replaceFirst(s(a, 0, 3, name, meter), s(a, 1, 3, name, meter), s(a, 2, 3, name, meter), meter);
            case "match" -> Regexes.find(patterns.get(s(a, 1, 2, name, meter)), s(a, 0, 2, name, meter), meter);
            case "formatDate" -> DateFunctions.formatDate(n(a, 0, 2, name), s(a, 1, 2, name, meter));
            case "formatDateISO" -> DateFunctions.formatDateIso(n(a, 0, 1, name));
            case "dateToMilliseconds" -> DateFunctions.dateToMilliseconds(s(a, 0, 1, name, meter));
            case "durationToMilliseconds" -> DateFunctions.durationToMilliseconds(s(a, 0, 1, name, meter));
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

    private static String concat(List<Object> a, BudgetMeter meter) {
        long atLeast = 0;
        for (Object v : a) {
            atLeast += meter.minTextLength(v);
        }
        meter.ensureLength(atLeast);
        BoundedText out = new BoundedText(meter.budget().maxStringLength(), meter);
        for (Object v : a) {
            out.append(meter.text(v));
        }
        return meter.string(out.toString());
    }

    private static boolean contains(Object haystack, Object needle, BudgetMeter meter) {
        String wanted = meter.text(needle);
        if (haystack instanceof List<?> list) {
            for (Object item : list) {
                meter.step();
                if (meter.text(item).equals(wanted)) {
                    return true;
                }
            }
            return false;
        }
        return Strings.indexOf(meter.text(haystack), wanted) >= 0;
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

    private static String s(List<Object> a, int i, int count, String name, BudgetMeter meter) {
        return meter.text(arg(a, i, count, name));
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
