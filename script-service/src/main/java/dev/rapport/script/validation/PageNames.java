package dev.rapport.script.validation;

import dev.rapport.script.model.Component;

/** How a component is named in a problem's location: its type and id. */
final class PageNames {
    private PageNames() {
    }

    static String describe(Component c) {
        String simple = c.getClass().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + " " + c.id();
    }
}
