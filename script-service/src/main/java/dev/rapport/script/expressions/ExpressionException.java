package dev.rapport.script.expressions;

/** An expression that cannot be parsed or evaluated; the message says what and, where known, at which character. */
public class ExpressionException extends RuntimeException {
    public ExpressionException(String message) {
        super(message);
    }
}
