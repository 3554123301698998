package dev.rapport.script.expressions;

import java.util.List;

/** min, max, sum and mean over arguments or one list, as math.js. */
final class Aggregates {
    private Aggregates() {
    }

    static Object apply(String name, List<Object> args) {
        List<Object> values = ExpressionFunctions.flatten(args);
        if (values.isEmpty()) {
            if (name.equals("sum")) {
                return 0.0;
            }
            throw new ExpressionException("Cannot calculate " + name + " of an empty list");
        }
        double acc = name.equals("min") ? Double.POSITIVE_INFINITY : name.equals("max") ? Double.NEGATIVE_INFINITY : 0;
        for (Object v : values) {
            double x = MathJsValues.toNumber(v);
            if (Double.isNaN(x)) {
                return Double.NaN;
            }
            acc = switch (name) {
                case "min" -> Math.min(acc, x);
                case "max" -> Math.max(acc, x);
                default -> acc + x;
            };
        }
        return name.equals("mean") ? acc / values.size() : acc;
    }
}
