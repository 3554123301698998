package dev.rapport.script.engine;

import dev.rapport.script.model.ScriptDefinition;

/** Lets tests in other packages use {@link TestScripts}. */
public final class TestScriptsAccess {
    private TestScriptsAccess() {
    }

    public static ScriptDefinition everything() {
        return TestScripts.everything();
    }
}
