package dev.rapport.script.expressions;

import java.util.ArrayList;
import java.util.List;

/** count (math.js) and getAt (Architect's GetAt) over lists; every item visited is a step of the evaluation. */
final class Lists {
    private Lists() {
    }

    /**
     * math.js count: the length of a text, the number of elements of a list (a nested list is a matrix: the product
     * of its dimensions, a ragged one is refused as in math.js); a boolean counts as its text ({@code true} is 4).
     */
    static double count(Object v, BudgetMeter meter) {
        if (v instanceof String s) {
            return s.length();
        }
        if (v instanceof Boolean b) {
            return b.toString().length();
        }
        if (v instanceof List<?> list) {
            List<Integer> dimensions = dimensions(list);
            checkShape(list, dimensions, 0, meter);
            double elements = 1;
            for (int size : dimensions) {
                elements *= size;
            }
            return elements;
        }
        throw new ExpressionException("Unexpected type of argument in function count (expected: string or list, "
                + "actual: " + MathJsValues.describe(v) + ")");
    }

    /** Zero-based, as Architect's collection indices; an index outside the list is an error that says the range. */
    static Object getAt(Object v, double index) {
        if (!(v instanceof List<?> list)) {
            throw new ExpressionException("function getAt expects a list (argument 1 is " + MathJsValues.describe(v)
                    + "); split text into one with split()");
        }
        if (index != Math.rint(index) || index < 0 || index >= list.size()) {
            String range = list.isEmpty() ? "it is empty" : "0 to " + (list.size() - 1);
            throw new ExpressionException("function getAt: index " + MathJsValues.format(index)
                    + " is not in the list (" + range + ")");
        }
        return list.get((int) index);
    }

    /** The sizes along the first item of each level, as math.js's size() reads a matrix. */
    private static List<Integer> dimensions(List<?> list) {
        List<Integer> dimensions = new ArrayList<>();
        Object level = list;
        while (level instanceof List<?> l) {
            dimensions.add(l.size());
            level = l.isEmpty() ? null : l.get(0);
        }
        return dimensions;
    }

    private static void checkShape(List<?> list, List<Integer> dimensions, int depth, BudgetMeter meter) {
        if (list.size() != dimensions.get(depth)) {
            throw new ExpressionException("Dimension mismatch (" + list.size() + " != " + dimensions.get(depth) + ")");
        }
        boolean nested = depth + 1 < dimensions.size();
        for (Object item : list) {
            meter.step();
            if (nested != (item instanceof List<?>)) {
                throw new ExpressionException("Dimension mismatch: a list mixes lists and single values");
            }
            if (nested) {
                checkShape((List<?>) item, dimensions, depth + 1, meter);
            }
        }
    }
}
