package dev.rapport.script.validation;

import dev.rapport.script.expressions.Expression;
import dev.rapport.script.expressions.Node;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableType;
import java.util.Map;
import java.util.Set;

/** The type an expression certainly gives, where that can be told without running it; null when unsure. */
final class TypeInference {
    private static final Set<String> NUMERIC = Set.of("add", "subtract", "multiply", "divide", "mod", "pow", "abs",
            "round", "floor", "ceil", "fix", "sqrt", "exp", "log", "log10", "sign", "min", "max", "sum", "mean",
            "number", "indexOf", "dateToMilliseconds", "durationToMilliseconds", "compareText", "count", "toNumber");
    private static final Set<String> TEXT = Set.of("string", "format", "concat", "upper", "lower", "substring",
            "slice", "replace", "formatDate", "formatDateISO", "formatDuration", "substr", "replaceAll", "toString");
    private static final Set<String> LOGICAL = Set.of("boolean", "equal", "unequal", "larger", "smaller", "largerEq",
            "smallerEq", "equalText", "contains", "match", "isSet", "isNotSetOrEmpty");

    private TypeInference() {
    }

    static VariableType of(Expression e, Map<String, Variable> variables) {
        return of(e.root(), variables);
    }

    private static VariableType of(Node n, Map<String, Variable> variables) {
        if (n instanceof Node.Num) {
            return VariableType.NUMBER;
        } else if (n instanceof Node.Str) {
            return VariableType.STRING;
        } else if (n instanceof Node.Bool || n instanceof Node.Compare) {
            return VariableType.BOOLEAN;
        } else if (n instanceof Node.Unary u) {
            return u.op().equals("not") ? VariableType.BOOLEAN : VariableType.NUMBER;
        } else if (n instanceof Node.Binary b) {
            return Set.of("and", "or", "xor").contains(b.op()) ? VariableType.BOOLEAN : VariableType.NUMBER;
        } else if (n instanceof Node.Call c) {
            return NUMERIC.contains(c.function()) ? VariableType.NUMBER : TEXT.contains(c.function())
                    ? VariableType.STRING : LOGICAL.contains(c.function()) ? VariableType.BOOLEAN : null;
        } else if (n instanceof Node.Block b) {
            return of(b.statements().get(b.statements().size() - 1), variables);
        } else if (n instanceof Node.Assign a) {
            return of(a.value(), variables);
        } else if (n instanceof Node.Conditional c) {
            VariableType t = of(c.whenTrue(), variables);
            return t == of(c.whenFalse(), variables) ? t : null;
        } else if (n instanceof Node.Ref r) {
            Variable v = variables.get(r.name());
            return v == null || v.isList() ? null : v.type();
        }
        return null;
    }
}
