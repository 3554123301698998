package dev.rapport.script.engine;

import dev.rapport.script.expressions.Expression;
import dev.rapport.script.expressions.MathJsValues;
import dev.rapport.script.model.Step;
import java.util.List;

/** If/else conditions and operands. Numbers compare as numbers when both sides read as numbers, else as text. */
final class Conditions {
    private Conditions() {
    }

    static boolean holds(SessionModel session, Step.IfElse c) {
        Object left = session.resolve(c.variable());
        if (c.operator() == Step.Operator.isEmpty) {
            return left == null || MathJsValues.text(left).isEmpty() || (left instanceof List<?> l && l.isEmpty());
        }
        Object right = operand(session, c.right());
        String l = MathJsValues.text(left);
        String r = MathJsValues.text(right);
        return switch (c.operator()) {
            case equal -> compare(left, right) == 0;
            case notEqual -> compare(left, right) != 0;
            case greaterThan -> compare(left, right) > 0;
            case lessThan -> compare(left, right) < 0;
            case contains -> left instanceof List<?> list ? list.stream().anyMatch(i -> MathJsValues.text(i).equals(r)) : l.contains(r);
            case startsWith -> l.startsWith(r);
            case isEmpty -> false;
        };
    }

    static Object operand(SessionModel session, Step.Operand operand) {
        if (operand == null) {
            return null;
        }
        return switch (operand.kind()) {
            case text -> session.interpolate(operand.value());
            case variable -> session.resolve(operand.value());
            case expression -> Expression.parse(operand.value()).evaluate(session::resolve);
        };
    }

    private static int compare(Object left, Object right) {
        Double a = number(left);
        Double b = number(right);
        if (a != null && b != null) {
            return Double.compare(a, b);
        }
        return MathJsValues.text(left).compareTo(MathJsValues.text(right));
    }

    private static Double number(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Double.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
