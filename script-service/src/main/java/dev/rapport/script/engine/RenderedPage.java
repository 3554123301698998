package dev.rapport.script.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page as the agent would see it now: every text resolved (plain text; escaping is the renderer's job), each
 * component's visibility, enabled state and current value, and the session's banner (Info Banner step), if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RenderedPage(String id, String name, boolean invalid, RenderedComponent root, Banner banner) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RenderedComponent(String id, String type, boolean visible, boolean enabled, String text,
                                    String source, String variable, Object value, Boolean valid,
                                    List<Choice> options, List<String> headers, List<List<String>> rows,
                                    String action, Style style, List<RenderedComponent> children,
                                    SignedContext signedContext) {
    }

    /**
     * A web page's signed context as the page offers it: the values of the variables the admin chose (those within
     * the bounds), and the names of those left out for being too long. The gateway signs exactly this, for this
     * component of the page shown, and nothing else.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SignedContext(java.util.Map<String, Object> variables, List<String> omitted) {
    }

    public record Choice(String value, String label) {
    }

    /** Layout and colours, colours resolved when given as variables. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Style(String width, String height, Integer margin, String backgroundColor, String textColor,
                        String childArrangement) {
    }
}
