package dev.rapport.script.engine;

import dev.rapport.script.engine.RenderedPage.Choice;
import dev.rapport.script.engine.RenderedPage.RenderedComponent;
import dev.rapport.script.expressions.ExpressionException;
import dev.rapport.script.expressions.MathJsValues;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.Option;
import dev.rapport.script.model.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a page against a session: interpolation, visibility, enabled state, values and options; a container's
 * children once per item of its {@code repeatFor} list (at most {@link #MAX_REPETITIONS}, then a line saying so).
 */
final class PageRenderer {
    /** The most items a repeating container shows; past it the page says how many are not shown. */
    static final int MAX_REPETITIONS = 100;
    /** A repeated component's current item, in text and conditions. */
    static final String ITEM = "Item";
    /** The current item's position in its list, from 1 (as math.js counts). */
    static final String ITEM_INDEX = "Item Index";
    /** A value in a web page's signed context: at most this many characters (a list: items joined)... */
    static final int MAX_CONTEXT_VALUE = 1024;
    /** ... and a list at most this many items; a longer value is left out and named in {@code omitted}. */
    static final int MAX_CONTEXT_ITEMS = 50;

    private final SessionModel session;
    /** The item being rendered inside a repeating container, or null outside one. */
    private Repetition repetition;

    private record Repetition(Object item, int index) {
        Object lookup(String reference) {
            return ITEM.equals(reference) ? item : ITEM_INDEX.equals(reference) ? (double) index : null;
        }
    }

    PageRenderer(SessionModel session) {
        this.session = session;
    }

    RenderedPage render(Page page) {
        RenderedComponent root = page.root() == null ? null : render(page.root());
        return new RenderedPage(page.id(), page.name(), PageValidation.isInvalid(session, page.id()), root,
                session.banner());
    }

    private RenderedComponent render(Component c) {
        String type = typeName(c);
        String id = repetition == null ? c.id() : c.id() + "#" + repetition.index();
        boolean visible = repetition == null ? session.isVisible(c.id())
                : session.condition(c.style() == null ? null : c.style().visible(), repetition::lookup);
        // Nothing inside a repeat takes the agent's input: a variable or action cannot tell which item it was for
        // (publishing refuses them; PageAccess does not offer them).
        boolean enabled = repetition == null ? session.isEnabled(c.id())
                : !(c instanceof Component.Input || c instanceof Component.Button)
                && session.condition(c.style() == null ? null : c.style().enabled(), repetition::lookup);
        RenderedPage.Style style = style(c);
        if (c instanceof Component.Container k) {
            List<RenderedComponent> children = k.repeatFor() != null && !k.repeatFor().isBlank() && repetition == null
                    ? repeated(k) : c.children().stream().map(this::render).toList();
            return new RenderedComponent(id, type, visible, enabled, null, null, null, null,
                    null, null, null, null, null, style, children, null);
        } else if (c instanceof Component.Text t) {
            return simple(id, type, visible, enabled, text(t.text()), null, null, style);
        } else if (c instanceof Component.WebPage w) {
            return new RenderedComponent(id, type, visible, enabled, null, url(w.source()), null, null, null, null,
                    null, null, null, style, null, signedContext(w));
        } else if (c instanceof Component.Image i) {
            return simple(id, type, visible, enabled, text(i.altText()), url(i.source()), null, style);
        } else if (c instanceof Component.Link l) {
            return simple(id, type, visible, enabled, text(l.text()), url(l.url()), null, style);
        } else if (c instanceof Component.Button b) {
            return simple(id, type, visible, enabled, text(b.text()), null, b.action(), style);
        } else if (c instanceof Component.Input in) {
            return new RenderedComponent(id, type, visible, enabled, placeholder(in), null,
                    in.variable(), session.values().get(in.variable()), PageValidation.valid(session, in),
                    options(in), null, null, in.changeAction(), style, null, null);
        }
        Component.ListView l = (Component.ListView) c;
        return new RenderedComponent(id, type, visible, enabled, null, null, null, null,
                null, null, headers(l), rows(l), null, style, null, null);
    }

    /**
     * The children once per item of the container's list (a repeat inside a repeat shows its children once: the
     * item names the innermost item only where there is one). Past {@link #MAX_REPETITIONS} items, a text line says
     * how many are not shown.
     */
    private List<RenderedComponent> repeated(Component.Container k) {
        List<?> items = items(k.repeatFor());
        List<RenderedComponent> out = new ArrayList<>();
        int shown = Math.min(items.size(), MAX_REPETITIONS);
        for (int i = 0; i < shown; i++) {
            Object item = items.get(i);
            repetition = new Repetition(item == null ? "" : item, i + 1);
            try {
                k.children().forEach(child -> out.add(render(child)));
            } finally {
                repetition = null;
            }
        }
        if (items.size() > shown) {
            out.add(simple(k.id() + "#more", "text", true, true, "Showing the first " + shown + " of "
                    + items.size() + " items of " + k.repeatFor() + ".", null, null, null));
        }
        return out;
    }

    /**
     * A list variable's items; a dynamic variable's are the list its expression gives (a dynamic variable holds text,
     * so {@code split({{Services}}, "|")} is evaluated again here for its items); any other value is one item.
     */
    private List<?> items(String variable) {
        Object v = session.values().get(variable);
        var definition = session.script().variables().get(variable);
        var expression = session.script().dynamicExpression(variable);
        if (definition != null && definition.isDynamic() && expression != null && v != null) {
            try {
                v = expression.evaluate(session::resolve);
            } catch (ExpressionException | ScriptEngineException e) {
                return List.of();
            }
        }
        if (v instanceof List<?> l) {
            return l;
        }
        return v == null ? List.of() : List.of(v);
    }

    /** The values the admin chose for the page's signed context, within the bounds; null when it asks for none. */
    private RenderedPage.SignedContext signedContext(Component.WebPage w) {
        if (w.signedContext() == null) {
            return null;
        }
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        List<String> omitted = new ArrayList<>();
        for (String name : w.signedContext().variables()) {
            if (values.containsKey(name) || omitted.contains(name)
                    || values.size() + omitted.size() >= Component.SignedContext.MAX_VARIABLES) {
                continue;
            }
            Object value = session.values().get(name);
            if (!session.values().containsKey(name)) {
                continue;
            }
            if (value instanceof List<?> l && l.size() > MAX_CONTEXT_ITEMS
                    || MathJsValues.text(value).length() > MAX_CONTEXT_VALUE) {
                omitted.add(name);
            } else {
                values.put(name, value);
            }
        }
        return new RenderedPage.SignedContext(values, omitted);
    }

    private RenderedComponent simple(String id, String type, boolean visible, boolean enabled, String text,
                                     String source, String action, RenderedPage.Style style) {
        return new RenderedComponent(id, type, visible, enabled, text, source, null, null, null, null, null, null,
                action, style, null, null);
    }

    private String text(String template) {
        if (template == null) {
            return null;
        }
        return repetition == null ? session.interpolate(template) : session.interpolate(template, repetition::lookup);
    }

    /**
     * A web page's, link's or image's address as the page may use it: an absolute http(s) URL with a host, else none
     * (a relative, same-origin-looking, {@code javascript:} or {@code data:} address is never sent to the desktop).
     */
    private String url(String template) {
        String url = text(template);
        if (url == null || url.isBlank()) {
            return url;
        }
        try {
            java.net.URI uri = new java.net.URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private String placeholder(Component.Input in) {
        if (in instanceof Component.TextInput t) {
            return text(t.placeholder());
        } else if (in instanceof Component.MultiLineInput m) {
            return text(m.placeholder());
        } else if (in instanceof Component.Dropdown d) {
            return text(d.placeholder());
        } else if (in instanceof Component.Checkbox k) {
            return text(k.label());
        }
        return null;
    }

    private List<Choice> options(Component.Input in) {
        if (in instanceof Component.Dropdown d) {
            return choices(d.options(), d.optionsVariable(), d.labelsVariable());
        } else if (in instanceof Component.RadioGroup r) {
            return choices(r.options(), r.optionsVariable(), r.labelsVariable());
        }
        return null;
    }

    private List<Choice> choices(List<Option> options, String valuesVariable, String labelsVariable) {
        if (valuesVariable != null) {
            List<String> values = listOf(valuesVariable);
            List<String> labels = labelsVariable == null ? values : listOf(labelsVariable);
            List<Choice> out = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                out.add(new Choice(values.get(i), i < labels.size() ? labels.get(i) : values.get(i)));
            }
            return out;
        }
        return options == null ? List.of() : options.stream()
                .map(o -> new Choice(text(o.value()), text(o.label() == null ? o.value() : o.label()))).toList();
    }

    private List<String> headers(Component.ListView l) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.columns().size(); i++) {
            out.add(i < l.headers().size() ? text(l.headers().get(i)) : l.columns().get(i));
        }
        return out;
    }

    private List<List<String>> rows(Component.ListView l) {
        List<List<String>> columns = l.columns().stream().map(this::listOf).toList();
        int height = columns.stream().mapToInt(List::size).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            List<String> row = new ArrayList<>();
            for (List<String> column : columns) {
                row.add(r < column.size() ? column.get(r) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private List<String> listOf(String variable) {
        Object v = session.values().get(variable);
        if (v instanceof List<?> l) {
            return l.stream().map(MathJsValues::text).toList();
        }
        return v == null ? List.of() : List.of(MathJsValues.text(v));
    }

    private RenderedPage.Style style(Component c) {
        var s = c.style();
        String arrangement = c instanceof Component.Container k && k.childArrangement() != null
                ? k.childArrangement().name() : null;
        if (s == null) {
            return arrangement == null ? null : new RenderedPage.Style(null, null, null, null, null, arrangement);
        }
        return new RenderedPage.Style(s.width(), s.height(), s.margin(), text(s.backgroundColor()), text(s.textColor()),
                arrangement);
    }

    static String typeName(Component c) {
        String simple = c.getClass().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }
}
