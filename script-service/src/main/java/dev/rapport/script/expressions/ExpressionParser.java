package dev.rapport.script.expressions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for the math.js subset Genesys documents for dynamic variables. Our own grammar rather
 * than a general scripting engine: there is no member access, no method call and no loop to lock down, because none
 * can be written. Precedence follows math.js: conditional, or, xor, and, comparisons (chained), + -, * / % mod,
 * unary - + not, ^ (right-associative, binds tighter than a unary minus on its left).
 *
 * <p>Two bounds keep the recursion of parser and evaluator far from the thread's stack: brackets, unary operators,
 * assignments and conditionals nest at most {@link #MAX_DEPTH} deep, and the tree is at most {@link #MAX_HEIGHT}
 * high, a chain of binary operators ({@code 1 + 1 + ...}) counting one level per operator.
 */
public final class ExpressionParser {
    public static final int MAX_LENGTH = 4_000;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_HEIGHT = 200;
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=");

    private final List<Token> tokens;
    private int pos;
    private int depth;
    private int height;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Node parse(String source) {
        if (source == null || source.isBlank()) {
            throw new ExpressionException("the expression is empty");
        }
        if (source.length() > MAX_LENGTH) {
            throw new ExpressionException("the expression is longer than " + MAX_LENGTH + " characters");
        }
        ExpressionParser parser = new ExpressionParser(Lexer.tokens(source));
        Node block = parser.block();
        if (parser.peek().kind() != Token.Kind.END) {
            throw parser.error("unexpected '" + parser.peek().text() + "'");
        }
        return block;
    }

    private Node block() {
        List<Node> statements = new ArrayList<>();
        while (peek().kind() != Token.Kind.END) {
            if (isOp(";")) {
                pos++;
                continue;
            }
            statements.add(assignment());
            if (!isOp(";") && peek().kind() != Token.Kind.END) {
                throw error("expected ';' or the end of the expression, found '" + peek().text() + "'");
            }
        }
        if (statements.isEmpty()) {
            throw new ExpressionException("the expression is empty");
        }
        return statements.size() == 1 ? statements.get(0) : new Node.Block(List.copyOf(statements));
    }

    private Node assignment() {
        if (peek().kind() == Token.Kind.NAME && peekAt(1).kind() == Token.Kind.OP && peekAt(1).text().equals("=")) {
            String name = next().text();
            pos++;
            enter();
            Node value = assignment();
            leave();
            return new Node.Assign(name, value);
        }
        return conditional();
    }

    private Node conditional() {
        Node condition = binary(0);
        if (!isOp("?")) {
            return condition;
        }
        pos++;
        enter();
        Node whenTrue = conditional();
        expectOp(":");
        Node whenFalse = conditional();
        leave();
        return new Node.Conditional(condition, whenTrue, whenFalse);
    }

    /** Levels 0..2 are or, xor, and; 3 is comparisons; 4 is + -; 5 is * / % mod. */
    private Node binary(int level) {
        if (level == 3) {
            return comparison();
        }
        if (level == 6) {
            return unary();
        }
        Node left = binary(level + 1);
        int chain = 0;
        try {
            while (true) {
                String op = operatorAt(level);
                if (op == null) {
                    return left;
                }
                chain++;
                rise();
                pos++;
                left = new Node.Binary(op.equals("mod") ? "%" : op, left, binary(level + 1));
            }
        } finally {
            height -= chain;
        }
    }

    private String operatorAt(int level) {
        Token t = peek();
        String text = t.text();
        return switch (level) {
            case 0 -> t.kind() == Token.Kind.NAME && text.equals("or") ? "or" : null;
            case 1 -> t.kind() == Token.Kind.NAME && text.equals("xor") ? "xor" : null;
            case 2 -> t.kind() == Token.Kind.NAME && text.equals("and") ? "and" : null;
            case 4 -> t.kind() == Token.Kind.OP && (text.equals("+") || text.equals("-")) ? text : null;
            case 5 -> (t.kind() == Token.Kind.OP && (text.equals("*") || text.equals("/") || text.equals("%")))
                    || (t.kind() == Token.Kind.NAME && text.equals("mod")) ? text : null;
            default -> null;
        };
    }

    private Node comparison() {
        Node first = binary(4);
        List<String> ops = new ArrayList<>();
        List<Node> operands = new ArrayList<>(List.of(first));
        while (peek().kind() == Token.Kind.OP && COMPARISONS.contains(peek().text())) {
            ops.add(next().text());
            operands.add(binary(4));
        }
        return ops.isEmpty() ? first : new Node.Compare(List.copyOf(ops), List.copyOf(operands));
    }

    private Node unary() {
        Token t = peek();
        boolean sign = t.kind() == Token.Kind.OP && (t.text().equals("-") || t.text().equals("+"));
        boolean not = t.kind() == Token.Kind.NAME && t.text().equals("not");
        if (sign || not) {
            pos++;
            enter();
            Node operand = unary();
            leave();
            return new Node.Unary(t.text(), operand);
        }
        return power();
    }

    private Node power() {
        Node base = primary();
        if (isOp("^")) {
            pos++;
            enter();
            Node exponent = unary();
            leave();
            return new Node.Binary("^", base, exponent);
        }
        return base;
    }

    private Node primary() {
        enter();
        try {
            Token t = next();
            return switch (t.kind()) {
                case NUMBER -> new Node.Num(t.number());
                case STRING -> new Node.Str(t.text());
                case REF -> new Node.Ref(t.text());
                case NAME -> name(t);
                case OP -> switch (t.text()) {
                    case "(" -> {
                        Node inner = assignment();
                        expectOp(")");
                        yield inner;
                    }
                    case "[" -> new Node.ArrayLiteral(arguments("]"));
                    default -> throw error(t, "unexpected '" + t.text() + "'");
                };
                case END -> throw error(t, "the expression ends too early");
            };
        } finally {
            leave();
        }
    }

    private Node name(Token t) {
        if (isOp("(")) {
            pos++;
            return new Node.Call(t.text(), arguments(")"));
        }
        return switch (t.text()) {
            case "true" -> new Node.Bool(true);
            case "false" -> new Node.Bool(false);
            case "null" -> new Node.Null();
            case "and", "or", "xor", "not", "mod" -> throw error(t, "'" + t.text() + "' needs an operand");
            default -> new Node.Symbol(t.text());
        };
    }

    private List<Node> arguments(String close) {
        List<Node> args = new ArrayList<>();
        if (isOp(close)) {
            pos++;
            return args;
        }
        while (true) {
            args.add(assignment());
            if (isOp(",")) {
                pos++;
            } else {
                expectOp(close);
                return List.copyOf(args);
            }
        }
    }

    /** Callers undo with {@link #leave()}. */
    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("the expression is nested deeper than " + MAX_DEPTH + " levels");
        }
        rise();
    }

    private void leave() {
        depth--;
        height--;
    }

    private void rise() {
        if (++height > MAX_HEIGHT) {
            throw error("the expression is nested deeper than " + MAX_HEIGHT
                    + " levels (each operator of a chain such as 1 + 1 + ... counts as one)");
        }
    }

    private boolean isOp(String text) {
        return peek().kind() == Token.Kind.OP && peek().text().equals(text);
    }

    private void expectOp(String text) {
        if (!isOp(text)) {
            throw error("expected '" + text + "', found " + describe(peek()));
        }
        pos++;
    }

    private static String describe(Token t) {
        return t.kind() == Token.Kind.END ? "the end of the expression" : "'" + t.text() + "'";
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.END) {
            pos++;
        }
        return t;
    }

    private ExpressionException error(String message) {
        return error(peek(), message);
    }

    private static ExpressionException error(Token t, String message) {
        return new ExpressionException(message + " (at character " + (t.at() + 1) + ")");
    }
}
