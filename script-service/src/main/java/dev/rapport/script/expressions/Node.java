package dev.rapport.script.expressions;

import java.util.List;

/** The syntax tree of a math.js-style expression. A closed set: the evaluator can only do what is listed here. */
public sealed interface Node {
    record Num(double value) implements Node {
    }

    record Str(String value) implements Node {
    }

    record Bool(boolean value) implements Node {
    }

    record Null() implements Node {
    }

    /** {@code {{Variable Name}}} or {@code {{Scripter.Agent Name}}}: a script variable. */
    record Ref(String name) implements Node {
    }

    /** A bare name: a local assigned earlier in the same expression, or a constant (pi, e). */
    record Symbol(String name) implements Node {
    }

    record Unary(String op, Node operand) implements Node {
    }

    record Binary(String op, Node left, Node right) implements Node {
    }

    /** {@code a < b <= c}: math.js chains comparisons as {@code a < b and b <= c}. */
    record Compare(List<String> ops, List<Node> operands) implements Node {
    }

    record Conditional(Node condition, Node whenTrue, Node whenFalse) implements Node {
    }

    record Call(String function, List<Node> args) implements Node {
    }

    record ArrayLiteral(List<Node> items) implements Node {
    }

    record Assign(String name, Node value) implements Node {
    }

    /** Statements separated by {@code ;} or new lines; the last one's value is the result. */
    record Block(List<Node> statements) implements Node {
    }
}
