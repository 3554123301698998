package dev.rapport.script.expressions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Interpolated text: literal parts and {@code {{Variable Name}}} references. Renders to plain text; escaping for
 * HTML is the renderer's job, so nothing here knows about markup.
 */
public final class Template {
    private final String source;
    private final List<String> literals;
    private final List<String> references;

    private Template(String source, List<String> literals, List<String> references) {
        this.source = source;
        this.literals = literals;
        this.references = references;
    }

    public static Template parse(String source) {
        String text = source == null ? "" : source;
        List<String> literals = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = text.indexOf("{{", i);
            int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
            if (open < 0 || close < 0) {
                literals.add(text.substring(i));
                break;
            }
            literals.add(text.substring(i, open));
            refs.add(text.substring(open + 2, close).trim());
            i = close + 2;
        }
        return new Template(text, List.copyOf(literals), List.copyOf(refs));
    }

    public String source() {
        return source;
    }

    public Set<String> references() {
        return new LinkedHashSet<>(references);
    }

    public boolean isConstant() {
        return references.isEmpty();
    }

    /** The text with each reference replaced by its value as text; null values read as empty. */
    public String render(Function<String, Object> values) {
        StringBuilder out = new StringBuilder(literals.get(0));
        for (int i = 0; i < references.size(); i++) {
            out.append(MathJsValues.text(Evaluator.normalize(values.apply(references.get(i)))));
            out.append(literals.get(i + 1));
        }
        return out.toString();
    }
}
