package dev.rapport.script.expressions;

/** The binary operators with math.js semantics: numbers are doubles, strings convert to numbers, ^ is power. */
final class Arithmetic {
    private Arithmetic() {
    }

    static Object apply(String op, Object a, Object b) {
        return switch (op) {
            case "+" -> num(a, op) + num(b, op);
            case "-" -> num(a, op) - num(b, op);
            case "*" -> num(a, op) * num(b, op);
            case "/" -> num(a, op) / num(b, op);
            case "%" -> mod(num(a, op), num(b, op));
            case "^" -> Math.pow(num(a, op), num(b, op));
            case "and" -> MathJsValues.logical(a) && MathJsValues.logical(b);
            case "or" -> MathJsValues.logical(a) || MathJsValues.logical(b);
            case "xor" -> MathJsValues.logical(a) ^ MathJsValues.logical(b);
            default -> throw new ExpressionException("unknown operator " + op);
        };
    }

    static double mod(double x, double y) {
        return y == 0 ? x : x - y * Math.floor(x / y);
    }

    static boolean compare(String op, Object a, Object b) {
        if (!op.equals("==") && !op.equals("!=") && a != null && b != null
                && (Double.isNaN(MathJsValues.toNumber(a)) || Double.isNaN(MathJsValues.toNumber(b)))) {
            return false;
        }
        return switch (op) {
            case "==" -> MathJsValues.equal(a, b);
            case "!=" -> !MathJsValues.equal(a, b);
            case "<" -> ordered(a, b) < 0;
            case ">" -> ordered(a, b) > 0;
            case "<=" -> ordered(a, b) <= 0;
            default -> ordered(a, b) >= 0;
        };
    }

    private static int ordered(Object a, Object b) {
        if (a == null || b == null) {
            throw new ExpressionException("cannot compare null");
        }
        return MathJsValues.compare(a, b);
    }

    private static double num(Object v, String op) {
        if (v == null) {
            throw new ExpressionException("cannot apply '" + op + "' to null");
        }
        return MathJsValues.toNumber(v);
    }
}
