package dev.rapport.script.model;

import java.util.List;

/** A named sequence of steps, run by a button, a change of an input, a page load or another action. */
public record CustomAction(String name, String description, List<Step> steps) {
    public CustomAction {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
