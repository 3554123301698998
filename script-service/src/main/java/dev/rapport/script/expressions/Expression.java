package dev.rapport.script.expressions;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed dynamic-variable expression, reusable and thread-safe. {@link #references()} names the script variables it
 * reads ({@code {{Name}}}), which is what the dependency graph is built from.
 */
public final class Expression {
    private final String source;
    private final Node root;
    private final Set<String> references;
    /** Regular expressions compiled once per expression (usually one literal pattern); bounded. */
    private final PatternCache patterns = new PatternCache(16);

    private Expression(String source, Node root) {
        this.source = source;
        this.root = root;
        Set<String> refs = new LinkedHashSet<>();
        collect(root, refs);
        this.references = Set.copyOf(refs);
    }

    public static Expression parse(String source) {
        return new Expression(source, ExpressionParser.parse(source));
    }

    public String source() {
        return source;
    }

    public Node root() {
        return root;
    }

    public Set<String> references() {
        return references;
    }

    /** Evaluates with the default budget; {@code variables} resolves {@code {{Name}}} references. */
    public Object evaluate(Function<String, Object> variables) {
        return evaluate(variables, ExpressionBudget.DEFAULT);
    }

    /**
     * Evaluates within {@code budget}: every call gets its own steps, deadline and size bounds.
     *
     * @throws ExpressionException on any error, "budget exceeded: ..." when a budget runs out
     */
    public Object evaluate(Function<String, Object> variables, ExpressionBudget budget) {
        return new Evaluator(variables, budget, patterns).evaluate(root);
    }

    public Object evaluate(Map<String, Object> variables) {
        return evaluate(variables, ExpressionBudget.DEFAULT);
    }

    /** Evaluates with the given values; a reference to a name the map lacks is an error ({@code unknown variable}). */
    public Object evaluate(Map<String, Object> variables, ExpressionBudget budget) {
        return evaluate(name -> {
            if (!variables.containsKey(name)) {
                throw new ExpressionException("unknown variable {{" + name + "}}");
            }
            return variables.get(name);
        }, budget);
    }

    private static void collect(Node node, Set<String> refs) {
        if (node instanceof Node.Ref r) {
            refs.add(r.name());
        } else if (node instanceof Node.Unary u) {
            collect(u.operand(), refs);
        } else if (node instanceof Node.Binary b) {
            collect(b.left(), refs);
            collect(b.right(), refs);
        } else if (node instanceof Node.Compare c) {
            c.operands().forEach(n -> collect(n, refs));
        } else if (node instanceof Node.Conditional c) {
            collect(c.condition(), refs);
            collect(c.whenTrue(), refs);
            collect(c.whenFalse(), refs);
        } else if (node instanceof Node.Call c) {
            c.args().forEach(n -> collect(n, refs));
        } else if (node instanceof Node.ArrayLiteral a) {
            a.items().forEach(n -> collect(n, refs));
        } else if (node instanceof Node.Assign a) {
            collect(a.value(), refs);
        } else if (node instanceof Node.Block b) {
            b.statements().forEach(n -> collect(n, refs));
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
