package dev.rapport.script.engine;

import dev.rapport.script.model.Component;
import dev.rapport.script.model.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Which inputs of a page fail their checks (required, pattern, min/max). Visibility is not consulted, so that a
 * visibility reading "Scripter.Page Is Invalid" cannot loop back into validation.
 */
final class PageValidation {
    private PageValidation() {
    }

    static boolean isInvalid(SessionModel session, String pageId) {
        return !invalidInputs(session, pageId).isEmpty();
    }

    static List<String> invalidInputs(SessionModel session, String pageId) {
        List<String> invalid = new ArrayList<>();
        session.script().version().definition().page(pageId).map(Page::root)
                .ifPresent(root -> collect(session, root, invalid));
        return invalid;
    }

    private static void collect(SessionModel session, Component c, List<String> invalid) {
        if (c instanceof Component.Input input && input.variable() != null && !valid(session, input)) {
            invalid.add(c.id());
        }
        if (c instanceof Component.Container k && k.repeatFor() != null && !k.repeatFor().isBlank()) {
            return; // nothing inside a repeat takes input (PageAccess)
        }
        c.children().forEach(child -> collect(session, child, invalid));
    }

    static boolean valid(SessionModel session, Component.Input input) {
        Object value = session.values().get(input.variable());
        boolean empty = value == null || (value instanceof String s && s.isEmpty());
        if (empty) {
            return !input.required();
        }
        if (input instanceof Component.TextInput t && t.pattern() != null && !t.pattern().isEmpty()) {
            return dev.rapport.script.expressions.Patterns.fullMatch(t.pattern(), value.toString());
        }
        if (input instanceof Component.NumberInput n && value instanceof Double d) {
            return (n.min() == null || d >= n.min()) && (n.max() == null || d <= n.max());
        }
        return true;
    }
}
