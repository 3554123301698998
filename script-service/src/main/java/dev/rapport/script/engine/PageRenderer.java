package dev.rapport.script.engine;

import dev.rapport.script.engine.RenderedPage.Choice;
import dev.rapport.script.engine.RenderedPage.RenderedComponent;
import dev.rapport.script.expressions.MathJsValues;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.Option;
import dev.rapport.script.model.Page;
import java.util.ArrayList;
import java.util.List;

/** Resolves a page against a session: interpolation, visibility, enabled state, values and options. */
final class PageRenderer {
    private final SessionModel session;

    PageRenderer(SessionModel session) {
        this.session = session;
    }

    RenderedPage render(Page page) {
        RenderedComponent root = page.root() == null ? null : render(page.root());
        return new RenderedPage(page.id(), page.name(), PageValidation.isInvalid(session, page.id()), root,
                session.banner());
    }

    private RenderedComponent render(Component c) {
        List<RenderedComponent> children = c.children().stream().map(this::render).toList();
        String type = typeName(c);
        boolean visible = session.isVisible(c.id());
        boolean enabled = session.isEnabled(c.id());
        RenderedPage.Style style = style(c);
        if (c instanceof Component.Container) {
            return new RenderedComponent(c.id(), type, visible, enabled, null, null, null, null,
                    null, null, null, null, null, style, children);
        } else if (c instanceof Component.Text t) {
            return simple(c, type, visible, enabled, text(t.text()), null, null, style);
        } else if (c instanceof Component.WebPage w) {
            return simple(c, type, visible, enabled, null, url(w.source()), null, style);
        } else if (c instanceof Component.Image i) {
            return simple(c, type, visible, enabled, text(i.altText()), url(i.source()), null, style);
        } else if (c instanceof Component.Link l) {
            return simple(c, type, visible, enabled, text(l.text()), url(l.url()), null, style);
        } else if (c instanceof Component.Button b) {
            return simple(c, type, visible, enabled, text(b.text()), null, b.action(), style);
        } else if (c instanceof Component.Input in) {
            return new RenderedComponent(c.id(), type, visible, enabled, placeholder(in), null,
                    in.variable(), session.values().get(in.variable()), PageValidation.valid(session, in),
                    options(in), null, null, in.changeAction(), style, null);
        }
        Component.ListView l = (Component.ListView) c;
        return new RenderedComponent(c.id(), type, visible, enabled, null, null, null, null,
                null, null, headers(l), rows(l), null, style, null);
    }

    private RenderedComponent simple(Component c, String type, boolean visible, boolean enabled, String text,
                                     String source, String action, RenderedPage.Style style) {
        return new RenderedComponent(c.id(), type, visible, enabled, text, source, null, null, null, null, null, null,
                action, style, null);
    }

    private String text(String template) {
        return template == null ? null : session.interpolate(template);
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
