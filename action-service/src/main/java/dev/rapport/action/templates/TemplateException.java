package dev.rapport.action.templates;

/** A template that could not be rendered: bad syntax, a refused reference, or a cap reached. */
public class TemplateException extends RuntimeException {
    private final boolean refused;

    public TemplateException(String message, boolean refused, Throwable cause) {
        super(message, cause);
        this.refused = refused;
    }

    /** True when the sandbox refused the template (Java internals, size, loops, time), false for plain errors. */
    public boolean refused() {
        return refused;
    }
}
