package dev.rapport.script.engine;

/** A call the engine refuses: unknown component, variable or run, or a value of the wrong type. */
public class ScriptEngineException extends RuntimeException {
    public ScriptEngineException(String message) {
        super(message);
    }
}
