package dev.rapport.script.designer;

import dev.rapport.platform.web.ApiException;
import dev.rapport.script.engine.ScriptEngineException;
import dev.rapport.script.engine.Values;
import dev.rapport.script.expressions.Expression;
import dev.rapport.script.expressions.ExpressionException;
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
 * sandbox and under the same limits as a session (the engine's own parser and evaluator).
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
            throw ApiException.invalidField("expression", "expression is required");
        }
        Map<String, Sample> samples = request.variables() == null ? Map.of() : request.variables();
        if (samples.size() > MAX_VARIABLES) {
            throw ApiException.invalidField("variables", "at most " + MAX_VARIABLES + " variables");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        samples.forEach((name, sample) -> values.put(name, valueOf(name, sample)));
        try {
            Object value = Expression.parse(request.expression()).evaluate(values);
            return new Result(true, json(value), typeOf(value), null);
        } catch (ExpressionException | ScriptEngineException | ArithmeticException e) {
            return new Result(false, null, null, new Error(e.getMessage(), position(e.getMessage())));
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
            default -> throw ApiException.invalidField("variables." + name + ".type",
                    "type of '" + name + "' must be string, number or boolean");
        };
        VariableKind kind = sample.value() instanceof List<?> ? VariableKind.LIST : VariableKind.BASIC;
        try {
            return Values.coerce(new Variable(name, null, type, kind, false, false, null, null), sample.value());
        } catch (ScriptEngineException | NullPointerException e) {
            throw ApiException.invalidField("variables." + name + ".value",
                    e instanceof ScriptEngineException ? e.getMessage() : "a list of '" + name + "' holds an empty item");
        }
    }

    private static Object json(Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
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
