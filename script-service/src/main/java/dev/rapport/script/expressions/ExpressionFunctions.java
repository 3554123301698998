package dev.rapport.script.expressions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The only functions an expression can call: a fixed table, no lookup by reflection. math.js functions keep math.js
 * semantics; Genesys's additions (ifElse, concat, contains, ...) follow JavaScript's string methods, and the ones
 * flows need (getAt, isSet, e164, ...) Architect's functions of the same purpose. Names are case-sensitive. Every
 * string a function builds goes through the evaluation's {@link BudgetMeter}, which refuses it before it grows past
 * the budget; regular expressions run on RE2/J (see {@link Regexes}).
 */
public final class ExpressionFunctions {
    public static final Set<String> NAMES = Set.of("add", "subtract", "multiply", "divide", "mod", "pow", "abs",
            "round", "floor", "ceil", "fix", "sqrt", "exp", "log", "log10", "sign", "min", "max", "sum", "mean",
            "number", "string", "boolean", "format", "equal", "unequal", "larger", "smaller", "largerEq", "smallerEq",
            "equalText", "compareText", "size", "count", "ifElse", "concat", "contains", "upper", "lower", "substring",
            "substr", "slice", "indexOf", "replace", "replaceAll", "split", "getAt", "match", "isSet",
            "isNotSetOrEmpty", "toString", "toNumber", "e164", "subscriberNumber", "dialingCode", "formatDate",
            "formatDateISO", "dateToMilliseconds", "durationToMilliseconds", "formatDuration");
    /** Architect's names whose counterpart here is not the same name in another case (Substring is not substring). */
    private static final Map<String, String> ARCHITECT_NAMES = Map.of("Substring", "substr(text, start, length)",
            "Replace", "replaceAll", "ToInt", "toNumber", "ToDecimal", "toNumber",
            "ToPhoneNumber", "e164, subscriberNumber or dialingCode");
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
            case "count" -> Lists.count(arg(a, 0, 1, name), meter);
            case "ifElse" -> MathJsValues.truthy(arg(a, 0, 3, name)) ? a.get(1) : a.get(2);
            case "concat" -> concat(a, meter);
            case "contains" -> contains(arg(a, 0, 2, name), a.get(1), meter);
            case "upper" -> meter.string(s(a, 0, 1, name, meter).toUpperCase(Locale.ROOT));
            case "lower" -> meter.string(s(a, 0, 1, name, meter).toLowerCase(Locale.ROOT));
            case "substring" -> Strings.substring(s(a, 0, -2, name, meter), n(a, 1, -2, name), third(a, name));
            case "substr" -> Strings.substr(s(a, 0, -2, name, meter), n(a, 1, -2, name), third(a, name));
            case "slice" -> Strings.slice(s(a, 0, -2, name, meter), n(a, 1, -2, name), third(a, name));
            case "indexOf" -> (double) Strings.indexOf(s(a, 0, 2, name, meter), s(a, 1, 2, name, meter));
            case "replace" -> Strings.replaceFirst(s(a, 0, 3, name, meter), s(a, 1, 3, name, meter),
                    s(a, 2, 3, name, meter), meter);
            case "replaceAll" -> Strings.replaceAll(s(a, 0, 3, name, meter), s(a, 1, 3, name, meter),
                    s(a, 2, 3, name, meter), meter);
            case "split" -> Strings.split(s(a, 0, 2, name, meter), s(a, 1, 2, name, meter), meter);
            case "getAt" -> Lists.getAt(arg(a, 0, 2, name), n(a, 1, 2, name));
            case "match" -> Regexes.find(patterns.get(s(a, 1, 2, name, meter)), s(a, 0, 2, name, meter), meter);
            case "isSet" -> arg(a, 0, 1, name) != null;
            case "isNotSetOrEmpty" -> isNotSetOrEmpty(arg(a, 0, 1, name));
            case "toString" -> s(a, 0, 1, name, meter);
            case "toNumber" -> toNumber(arg(a, 0, 1, name));
            case "e164", "subscriberNumber", "dialingCode" -> phoneNumber(name, a, meter);
            case "formatDate" -> DateFunctions.formatDate(n(a, 0, 2, name), s(a, 1, 2, name, meter));
            case "formatDateISO" -> DateFunctions.formatDateIso(n(a, 0, 1, name));
            case "dateToMilliseconds" -> DateFunctions.dateToMilliseconds(s(a, 0, 1, name, meter));
            case "durationToMilliseconds" -> DateFunctions.durationToMilliseconds(s(a, 0, 1, name, meter));
            case "formatDuration" -> DateFunctions.formatDuration(n(a, 0, 1, name));
            default -> throw new ExpressionException("Undefined function " + name + suggestion(name));
        };
    }

    /** For a name that differs only in case, or an Architect name: what to write here. */
    private static String suggestion(String name) {
        String instead = ARCHITECT_NAMES.get(name);
        if (instead == null) {
            instead = NAMES.stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
        }
        return instead == null ? "" : " (function names are case-sensitive; write " + instead + ")";
    }

    /** Architect's IsNotSetOrEmpty: no value, an empty text or an empty list. */
    private static boolean isNotSetOrEmpty(Object v) {
        return v == null || (v instanceof String s && s.isEmpty()) || (v instanceof List<?> l && l.isEmpty());
    }

    /** number()'s reading of a text, but an empty text is an error rather than 0, and errors name the function. */
    private static double toNumber(Object v) {
        if (v instanceof String s && s.isBlank()) {
            throw new ExpressionException("function toNumber: an empty text is not a number");
        }
        try {
            return MathJsValues.toNumber(v);
        } catch (ExpressionException e) {
            throw new ExpressionException("function toNumber: " + e.getMessage());
        }
    }

    /** e164, subscriberNumber or dialingCode of a phone number; null when the text is not one. */
    private static String phoneNumber(String name, List<Object> a, BudgetMeter meter) {
        Object text = arg(a, 0, -1, name);
        String defaultCode = PhoneNumbers.defaultDialingCode(name, a.size() > 1 ? a.get(1) : null, meter);
        PhoneNumbers.PhoneNumber number = text == null ? null : PhoneNumbers.parse(meter.text(text), defaultCode);
        if (number == null) {
            return null;
        }
        return switch (name) {
            case "e164" -> number.e164();
            case "subscriberNumber" -> number.subscriberNumber();
            default -> number.dialingCode();
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

    /** The optional third argument of substring, slice and substr: a number, or null when absent. */
    private static Double third(List<Object> a, String name) {
        return a.size() > 2 ? n(a, 2, 3, name) : null;
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
