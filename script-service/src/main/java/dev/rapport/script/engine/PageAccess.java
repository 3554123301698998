package dev.rapport.script.engine;

import dev.rapport.script.model.Component;
import dev.rapport.script.model.CustomAction;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.Step;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the page in front of the agent offers, and so all an agent may ask of a session: set a variable bound to a
 * visible, enabled input of the current page; click a visible, enabled button (or input with a change action) of
 * the current page; open a page that such a button's custom action can change to. A component inside a hidden or
 * disabled container is hidden or disabled too.
 */
public final class PageAccess {
    private PageAccess() {
    }

    /** @throws ScriptEngineException when no visible, enabled input of the current page is bound to the variable */
    public static void requireSettable(SessionModel session, String variable) {
        for (Component c : offered(session)) {
            if (c instanceof Component.Input in && variable.equals(in.variable())) {
                return;
            }
        }
        throw new ScriptEngineException("variable '" + variable + "' is not an input of the page shown");
    }

    /**
     * The component the agent clicked: by id, or a button by its text (the workshop's "Submit").
     *
     * @throws ScriptEngineException when the current page shows no such clickable component
     */
    public static String requireClickable(SessionModel session, String idOrText) {
        for (Component c : offered(session)) {
            if (clickable(c) && c.id().equals(idOrText)) {
                return c.id();
            }
        }
        for (Component c : offered(session)) {
            if (c instanceof Component.Button b && b.text() != null && b.text().equalsIgnoreCase(idOrText)) {
                return b.id();
            }
        }
        throw new ScriptEngineException("'" + idOrText + "' is not a button of the page shown");
    }

    /**
     * The page the agent asked for, by id or name, when a clickable component of the current page can lead there.
     *
     * @throws ScriptEngineException otherwise
     */
    public static String requireReachable(SessionModel session, String idOrName) {
        var definition = session.script().version().definition();
        Page target = definition.pages().stream()
                .filter(p -> p.id().equals(idOrName) || idOrName.equalsIgnoreCase(p.name()))
                .findFirst().orElseThrow(() -> new ScriptEngineException("no page '" + idOrName + "'"));
        if (target.id().equals(session.currentPageId()) || reachablePages(session).contains(target.id())) {
            return target.id();
        }
        throw new ScriptEngineException("page '" + idOrName + "' cannot be reached from the page shown");
    }

    /** The pages the custom actions of the current page's clickable components can change to. */
    public static Set<String> reachablePages(SessionModel session) {
        var definition = session.script().version().definition();
        Set<String> pages = new LinkedHashSet<>();
        Set<String> seenActions = new LinkedHashSet<>();
        Deque<String> actions = new ArrayDeque<>();
        for (Component c : offered(session)) {
            String action = actionOf(c);
            if (action != null && !action.isBlank()) {
                actions.add(action);
            }
        }
        while (!actions.isEmpty()) {
            String name = actions.pop();
            if (!seenActions.add(name)) {
                continue;
            }
            definition.customAction(name).map(CustomAction::steps)
                    .ifPresent(steps -> collect(steps, pages, actions));
        }
        return pages;
    }

    private static void collect(List<Step> steps, Set<String> pages, Deque<String> actions) {
        for (Step step : steps) {
            if (step instanceof Step.ChangePage p) {
                pages.add(p.pageId());
            } else if (step instanceof Step.RunCustomAction r) {
                actions.add(r.action());
            } else if (step instanceof Step.IfElse i) {
                collect(i.then(), pages, actions);
                collect(i.otherwise(), pages, actions);
            } else if (step instanceof Step.ExecuteDataAction e) {
                collect(e.onSuccess(), pages, actions);
                collect(e.onFailure(), pages, actions);
            } else if (step instanceof Step.TryOnError t) {
                collect(t.steps(), pages, actions);
                collect(t.onError(), pages, actions);
            }
        }
    }

    /** The visible, enabled components of the current page, containers' descendants included. */
    static List<Component> offered(SessionModel session) {
        List<Component> out = new java.util.ArrayList<>();
        session.script().version().definition().page(session.currentPageId()).map(Page::root)
                .ifPresent(root -> walk(session, root, out));
        return out;
    }

    private static void walk(SessionModel session, Component c, List<Component> out) {
        if (!session.isVisible(c.id()) || !session.isEnabled(c.id())) {
            return;
        }
        out.add(c);
        // What a repeating container shows is per item: no input or button there is offered (PageRenderer).
        if (c instanceof Component.Container k && k.repeatFor() != null && !k.repeatFor().isBlank()) {
            return;
        }
        c.children().forEach(child -> walk(session, child, out));
    }

    private static boolean clickable(Component c) {
        String action = actionOf(c);
        return action != null && !action.isBlank();
    }

    private static String actionOf(Component c) {
        return c instanceof Component.Button b ? b.action()
                : c instanceof Component.Input in ? in.changeAction() : null;
    }
}
