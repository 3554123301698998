package dev.rapport.script.engine;

import dev.rapport.script.engine.RunResult.Effect;
import dev.rapport.script.model.Step;
import dev.rapport.script.model.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps that change variables or show something: set variable, list add/remove, alert, info banner, open URL,
 * change page.
 */
final class StepEffects {
    private final SessionModel session;
    private final List<Effect> effects;

    StepEffects(SessionModel session, List<Effect> effects) {
        this.session = session;
        this.effects = effects;
    }

    /** @return a short description of what the step did, for the run's record */
    String apply(Step step) {
        if (step instanceof Step.SetVariable s) {
            Object value = Conditions.operand(session, s.value());
            session.set(s.variable(), value);
            return s.variable() + " = " + session.value(s.variable());
        } else if (step instanceof Step.Alert a) {
            String message = session.interpolate(a.message());
            effects.add(new Effect.Alert(message));
            return message;
        } else if (step instanceof Step.InfoBanner b) {
            return banner(b);
        } else if (step instanceof Step.OpenUrl o) {
            String url = session.interpolate(o.url());
            effects.add(new Effect.OpenUrl(url));
            return url;
        } else if (step instanceof Step.AddToList add) {
            List<Object> items = list(add.variable());
            items.add(Values.scalar(add.variable(), variable(add.variable()).type(),
                    Conditions.operand(session, add.value())));
            session.set(add.variable(), items);
            return add.variable() + " has " + items.size() + " items";
        } else if (step instanceof Step.RemoveFromList remove) {
            List<Object> items = list(remove.variable());
            Object value = Values.scalar(remove.variable(), variable(remove.variable()).type(),
                    Conditions.operand(session, remove.value()));
            boolean removed = items.remove(value);
            session.set(remove.variable(), items);
            return removed ? "removed" : "not in the list";
        }
        throw new ScriptEngineException("step " + step.getClass().getSimpleName() + " is not an effect");
    }

    private String banner(Step.InfoBanner step) {
        String level = step.level() == null || step.level().isBlank() ? "info" : step.level();
        if (!Banner.LEVELS.contains(level)) {
            throw new ScriptEngineException("'" + level + "' is not a banner level (info, success, warning, error)");
        }
        String message = session.interpolate(step.message() == null ? "" : step.message()).strip();
        if (message.length() > Banner.MAX_MESSAGE) {
            message = message.substring(0, Banner.MAX_MESSAGE) + "…";
        }
        Banner banner = message.isEmpty() ? null : new Banner(message, level);
        session.banner(banner);
        effects.add(new Effect.BannerShown(banner));
        return banner == null ? "banner removed" : level + ": " + message;
    }

    String changePage(String pageId) {
        if (session.script().version().definition().page(pageId).isEmpty()) {
            throw new ScriptEngineException("unknown page '" + pageId + "'");
        }
        session.currentPageId(pageId);
        effects.add(new Effect.PageChanged(pageId));
        return pageId;
    }

    private Variable variable(String name) {
        Variable v = session.script().variables().get(name);
        if (v == null) {
            throw new ScriptEngineException("unknown variable '" + name + "'");
        }
        return v;
    }

    private List<Object> list(String name) {
        if (!variable(name).isList()) {
            throw new ScriptEngineException("variable '" + name + "' is not a list");
        }
        Object current = session.value(name);
        return current instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    }
}
