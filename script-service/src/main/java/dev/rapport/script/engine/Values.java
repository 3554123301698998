package dev.rapport.script.engine;

import dev.rapport.script.expressions.ExpressionException;
import dev.rapport.script.expressions.MathJsValues;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Converts what arrives (JSON values, data-action outputs, typed text) to a variable's type. */
public final class Values {
    /** The longest text a variable holds, whatever set it (an agent, an IVR input, a data action's output). */
    public static final int MAX_TEXT = 16_384;
    /** The most items a list variable holds. */
    public static final int MAX_ITEMS = 500;

    private Values() {
    }

    public static Object initial(Variable v) {
        if (v.isList()) {
            return v.defaultValue() == null ? List.of() : coerce(v, v.defaultValue());
        }
        if (v.defaultValue() == null) {
            return switch (v.type()) {
                case STRING -> "";
                case NUMBER -> 0.0;
                case BOOLEAN -> false;
            };
        }
        return coerce(v, v.defaultValue());
    }

    /** @throws ScriptEngineException when the value cannot be read as the variable's type */
    public static Object coerce(Variable v, Object raw) {
        if (v.isList()) {
            List<Object> items = new ArrayList<>();
            if (raw instanceof Collection<?> c) {
                if (c.size() > MAX_ITEMS) {
                    throw new ScriptEngineException("a list of " + c.size() + " items is too long for variable "
                            + v.name() + " (at most " + MAX_ITEMS + ")");
                }
                for (Object item : c) {
                    items.add(scalar(v.name(), v.type(), item));
                }
            } else if (raw != null && !(raw instanceof String s && s.isEmpty())) {
                items.add(scalar(v.name(), v.type(), raw));
            }
            return List.copyOf(items);
        }
        return scalar(v.name(), v.type(), raw);
    }

    public static Object scalar(String name, VariableType type, Object raw) {
        if (raw instanceof CharSequence text && text.length() > MAX_TEXT) {
            throw new ScriptEngineException("a value of " + text.length() + " characters is too long for variable "
                    + name + " (at most " + MAX_TEXT + ")");
        }
        if (raw == null) {
            return switch (type) {
                case STRING -> "";
                case NUMBER -> null;
                case BOOLEAN -> false;
            };
        }
        try {
            return switch (type) {
                case STRING -> MathJsValues.withoutLoneSurrogates(
                        bounded(name, MathJsValues.text(raw instanceof Number n ? n.doubleValue() : raw)));
                case NUMBER -> raw instanceof String s && s.isBlank() ? null : MathJsValues.toNumber(raw);
                case BOOLEAN -> bool(raw);
            };
        } catch (ExpressionException | IllegalArgumentException e) {
            throw new ScriptEngineException("'" + excerpt(raw) + "' is not a " + type.wireName() + " for variable " + name);
        }
    }

    /** A value as an error message may quote it: at most 40 characters. */
    static String excerpt(Object raw) {
        String text = String.valueOf(raw);
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String bounded(String name, String text) {
        if (text.length() > MAX_TEXT) {
            throw new ScriptEngineException("a value of " + text.length() + " characters is too long for variable "
                    + name + " (at most " + MAX_TEXT + ")");
        }
        return text;
    }

    private static boolean bool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof Number n) {
            return n.doubleValue() != 0;
        }
        String s = raw.toString().trim();
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false") || s.isEmpty()) {
            return false;
        }
        throw new IllegalArgumentException(s);
    }
}
