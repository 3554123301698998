package dev.rapport.script.designer;

import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.script.engine.ScriptEngineException;
import dev.rapport.script.engine.Values;
import dev.rapport.script.expressions.Expression;
import dev.rapport.script.expressions.ExpressionBudget;
import dev.rapport.script.expressions.ExpressionException;
import dev.rapport.script.expressions.MathJsValues;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableKind;
import dev.rapport.script.model.VariableType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates an expression as the designer types it, with sample values for the variables it reads, in the same
 * sandbox and under the same budget as a session (the engine's own parser and evaluator). An expression that cannot
 * be parsed or evaluated, hostile ones included, is an answer ({@code valid: false} with the message and position),
 * not a failure; a sample value that could not be a variable's value is a 400 naming its field.
 */
@ApplicationScoped
public class ExpressionTrial {
    private static final Pattern POSITION = Pattern.compile("at character (\\d+)");
    private static final int MAX_VARIABLES = 1000;

    public record Sample(String type, Object value) {
    }

    public record Request(String expression, Map<String, Sample> variables) {
    }

    public record Error(String message, Integer position) {
    }

    /** {@code value} is a number, text, boolean, list or null; NaN and the infinities come as text. */
    public record Result(boolean valid, Object value, String type, Error error) {
    }

    public Result evaluate(Request request) {
        if (request == null || request.expression() == null) {
            throw InvalidInput.field("expression", "expression is required");
        }
        Map<String, Sample> samples = request.variables() == null ? Map.of() : request.variables();
        if (samples.size() > MAX_VARIABLES) {
            throw InvalidInput.field("variables", "at most " + MAX_VARIABLES + " variables");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        samples.forEach((name, sample) -> values.put(name, valueOf(name, sample)));
        try {
            Object value = Expression.parse(request.expression()).evaluate(values, ExpressionBudget.DEFAULT);
            return new Result(true, json(value), typeOf(value), null);
        } catch (ExpressionException | ScriptEngineException | ArithmeticException e) {
            String message = MathJsValues.withoutLoneSurrogates(String.valueOf(e.getMessage()));
            return new Result(false, null, null, new Error(message, position(message)));
        }
    }

    private static Object valueOf(String name, Sample sample) {
        if (sample == null) {
            return null;
        }
        VariableType type = switch (sample.type() == null ? "string" : sample.type()) {
            case "string" -> VariableType.STRING;
            case "number" -> VariableType.NUMBER;
            case "boolean" -> VariableType.BOOLEAN;
            default -> throw InvalidInput.field("variables." + name + ".type",
                    "type of '" + name + "' must be string, number or boolean");
        };
        checkSize(name, type, sample.value());
        VariableKind kind = sample.value() instanceof List<?> ? VariableKind.LIST : VariableKind.BASIC;
        try {
            return Values.coerce(new Variable(name, null, type, kind, false, false, null, null), sample.value());
        } catch (ScriptEngineException | NullPointerException e) {
            throw InvalidInput.field("variables." + name + ".value",
                    e instanceof ScriptEngineException ? e.getMessage() : "a list of '" + name + "' holds an empty item");
        }
    }

    /** A sample larger than an expression may build is refused before it is converted (and quoted in a message). */
    private static void checkSize(String name, VariableType type, Object value) {
        ExpressionBudget budget = ExpressionBudget.DEFAULT;
        List<?> items = value instanceof List<?> l ? l : List.of(value == null ? "" : value);
        if (items.size() > budget.maxListItems()) {
            throw InvalidInput.field("variables." + name + ".value",
                    "a sample list holds at most " + budget.maxListItems() + " items");
        }
        for (Object item : items) {
            if (item instanceof String s && s.length() > budget.maxStringLength()) {
                throw InvalidInput.field("variables." + name + ".value",
                        "a sample text is at most " + budget.maxStringLength() + " characters");
            }
            if (type == VariableType.NUMBER && item instanceof String s && s.length() > MathJsValues.MAX_NUMBER_TEXT) {
                throw InvalidInput.field("variables." + name + ".value",
                        "a number is at most " + MathJsValues.MAX_NUMBER_TEXT + " characters");
            }
            if (item instanceof String s && MathJsValues.withoutLoneSurrogates(s) != s) {
                throw InvalidInput.field("variables." + name + ".value", "a sample text holds a lone surrogate");
            }
        }
    }

    private static Object json(Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
        }
        if (value instanceof String s) {
            return MathJsValues.withoutLoneSurrogates(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ExpressionTrial::json).toList();
        }
        return value;
    }

    private static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof Number ? "number" : value instanceof Boolean ? "boolean"
                : value instanceof List<?> ? "list" : "string";
    }

    private static Integer position(String message) {
        Matcher m = message == null ? null : POSITION.matcher(message);
        return m != null && m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
