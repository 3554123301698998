package dev.rapport.datatable.tables;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/** The types a data table column can have: Genesys's String, Integer, Decimal and Boolean. */
public enum ColumnType {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean");

    private final String jsonName;

    ColumnType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<ColumnType> fromJsonName(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }

    /** The value Genesys gives a missing field when the schema names no default. */
    public Object implicitDefault() {
        return switch (this) {
            case STRING -> "";
            case INTEGER -> 0L;
            case NUMBER -> 0L;
            case BOOLEAN -> false;
        };
    }

    /** The Java value of a JSON value of this type, or empty when the JSON value has another type. */
    public Optional<Object> fromJson(JsonNode value) {
        return switch (this) {
            case STRING -> value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToLong()
                    ? Optional.of(value.longValue())
                    : value.isNumber() && isFinite(value) && isWhole(value.decimalValue())
                    ? Optional.of(value.decimalValue().longValueExact())
                    : Optional.empty();
            case NUMBER -> value.isNumber() && isFinite(value)
                    ? Optional.of(value.isIntegralNumber() && value.canConvertToLong()
                    ? (Object) value.longValue() : value.doubleValue())
                    : Optional.empty();
            case BOOLEAN -> value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.empty();
        };
    }

    /** The value of a CSV cell of this type, or empty when the text is not one; blank cells are handled by callers. */
    public Optional<Object> fromText(String text) {
        String t = text.trim();
        try {
            return switch (this) {
                case STRING -> Optional.of(text);
                case INTEGER -> Optional.of(new BigDecimal(t)).filter(ColumnType::isWhole).map(BigDecimal::longValueExact);
                case NUMBER -> Optional.of(numberOf(new BigDecimal(t)))
                        .filter(n -> !(n instanceof Double d) || Double.isFinite(d));
                case BOOLEAN -> t.equalsIgnoreCase("true") ? Optional.of(true)
                        : t.equalsIgnoreCase("false") ? Optional.of(false) : Optional.empty();
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A JSON number Java can hold: 1e400 parses as infinity, which neither JSON nor PostgreSQL can store. */
    private static boolean isFinite(JsonNode value) {
        return !value.isFloatingPointNumber() || value.isBigDecimal() || Double.isFinite(value.doubleValue());
    }

    /** Whole numbers stay integral so that 5 reads back as 5, not 5.0. */
    private static Object numberOf(BigDecimal d) {
        return isWhole(d) ? (Object) d.stripTrailingZeros().longValueExact() : (Object) d.doubleValue();
    }

    private static boolean isWhole(BigDecimal d) {
        try {
            d.stripTrailingZeros().longValueExact();
            return d.stripTrailingZeros().scale() <= 0;
        } catch (ArithmeticException e) {
            return false;
        }
    }
}
