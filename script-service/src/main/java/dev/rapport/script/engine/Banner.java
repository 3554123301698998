package dev.rapport.script.engine;

import java.util.Set;

/** The message an Info Banner step shows above the agent's page, until another one replaces or removes it. */
public record Banner(String message, String level) {
    static final Set<String> LEVELS = Set.of("info", "success", "warning", "error");
    /** A banner is one line of guidance, not a document. */
    static final int MAX_MESSAGE = 1_000;
}
