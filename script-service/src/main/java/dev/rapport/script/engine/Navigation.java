package dev.rapport.script.engine;

/** Page changes asked for from outside a custom action (an agent's changePage command). */
public final class Navigation {
    private Navigation() {
    }

    public static void changePage(SessionModel session, String pageId) {
        if (session.script().version().definition().page(pageId).isEmpty()) {
            throw new ScriptEngineException("unknown page '" + pageId + "'");
        }
        session.currentPageId(pageId);
    }
}
