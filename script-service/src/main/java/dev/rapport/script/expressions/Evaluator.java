package dev.rapport.script.expressions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates one expression tree once. Locals live only for this evaluation; every node visited, every value created
 * and the clock are checked against the evaluation's budget.
 */
final class Evaluator {
    private final Function<String, Object> variables;
    private final BudgetMeter meter;
    private final Map<String, Object> locals = new HashMap<>();
    private final PatternCache patterns;

    Evaluator(Function<String, Object> variables, ExpressionBudget budget) {
        this(variables, budget, new PatternCache(4));
    }

    Evaluator(Function<String, Object> variables, ExpressionBudget budget, PatternCache patterns) {
        this.patterns = patterns;
        this.variables = variables;
        this.meter = new BudgetMeter(budget);
    }

    Object evaluate(Node node) {
        meter.step();
        if (node instanceof Node.Num n) {
            return n.value();
        } else if (node instanceof Node.Str s) {
            return s.value();
        } else if (node instanceof Node.Bool b) {
            return b.value();
        } else if (node instanceof Node.Null) {
            return null;
        } else if (node instanceof Node.Ref r) {
            return normalize(variables.apply(r.name()));
        } else if (node instanceof Node.Symbol s) {
            return symbol(s.name());
        } else if (node instanceof Node.Unary u) {
            return unary(u.op(), evaluate(u.operand()));
        } else if (node instanceof Node.Binary b) {
            return binary(b);
        } else if (node instanceof Node.Compare c) {
            return compare(c);
        } else if (node instanceof Node.Conditional c) {
            return MathJsValues.truthy(evaluate(c.condition())) ? evaluate(c.whenTrue()) : evaluate(c.whenFalse());
        } else if (node instanceof Node.Call c) {
            return call(c);
        } else if (node instanceof Node.ArrayLiteral a) {
            List<Object> items = new ArrayList<>();
            for (Node item : a.items()) {
                Object v = evaluate(item);
                items.add(v == null ? "" : v);
            }
            return meter.list(List.copyOf(items));
        } else if (node instanceof Node.Assign a) {
            Object value = evaluate(a.value());
            locals.put(a.name(), value);
            return value;
        } else if (node instanceof Node.Block b) {
            Object last = null;
            for (Node statement : b.statements()) {
                last = evaluate(statement);
            }
            return last;
        }
        throw new ExpressionException("unknown node " + node);
    }

    /** Script values arrive as Java numbers of any kind; math.js has one number type. */
    static Object normalize(Object v) {
        if (v instanceof Number n && !(v instanceof Double)) {
            return n.doubleValue();
        }
        return v;
    }

    private Object symbol(String name) {
        if (locals.containsKey(name)) {
            return locals.get(name);
        }
        return switch (name) {
            case "pi", "PI" -> Math.PI;
            case "e", "E" -> Math.E;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> throw new ExpressionException("Undefined symbol " + name);
        };
    }

    private static Object unary(String op, Object v) {
        return switch (op) {
            case "-" -> -MathJsValues.toNumber(v);
            case "+" -> MathJsValues.toNumber(v);
            default -> !MathJsValues.logical(v);
        };
    }

    private Object binary(Node.Binary b) {
        Object left = evaluate(b.left());
        // math.js short-circuits and/or since v12; keep the same so errors on the right side match
        if (b.op().equals("and") && !MathJsValues.logical(left)) {
            return false;
        }
        if (b.op().equals("or") && MathJsValues.logical(left)) {
            return true;
        }
        Object right = evaluate(b.right());
        return Arithmetic.apply(b.op(), left, right);
    }

    private Object compare(Node.Compare c) {
        Object left = evaluate(c.operands().get(0));
        for (int i = 0; i < c.ops().size(); i++) {
            Object right = evaluate(c.operands().get(i + 1));
            if (!Arithmetic.compare(c.ops().get(i), left, right)) {
                return false;
            }
            left = right;
        }
        return true;
    }

    private Object call(Node.Call c) {
        List<Object> args = new ArrayList<>(c.args().size());
        for (Node arg : c.args()) {
            args.add(evaluate(arg));
        }
        meter.checkClock();
        Object result = ExpressionFunctions.call(c.function(), args, patterns, meter);
        meter.checkClock();
        return result;
    }
}
