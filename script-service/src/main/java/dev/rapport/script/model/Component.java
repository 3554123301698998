package dev.rapport.script.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The components a page is made of. Text fields ({@code text}, {@code source}, {@code url}, labels) are interpolated
 * ({@code {{Variable Name}}}); {@code variable} binds an input to a script variable by name; {@code changeAction} and
 * {@code action} name custom actions.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Component.VerticalContainer.class, name = "verticalContainer"),
        @JsonSubTypes.Type(value = Component.HorizontalContainer.class, name = "horizontalContainer"),
        @JsonSubTypes.Type(value = Component.Text.class, name = "text"),
        @JsonSubTypes.Type(value = Component.WebPage.class, name = "webPage"),
        @JsonSubTypes.Type(value = Component.TextInput.class, name = "textInput"),
        @JsonSubTypes.Type(value = Component.NumberInput.class, name = "numberInput"),
        @JsonSubTypes.Type(value = Component.DateInput.class, name = "dateInput"),
        @JsonSubTypes.Type(value = Component.MultiLineInput.class, name = "multiLineInput"),
        @JsonSubTypes.Type(value = Component.Checkbox.class, name = "checkbox"),
        @JsonSubTypes.Type(value = Component.RadioGroup.class, name = "radioGroup"),
        @JsonSubTypes.Type(value = Component.Dropdown.class, name = "dropdown"),
        @JsonSubTypes.Type(value = Component.Button.class, name = "button"),
        @JsonSubTypes.Type(value = Component.Link.class, name = "link"),
        @JsonSubTypes.Type(value = Component.Image.class, name = "image"),
        @JsonSubTypes.Type(value = Component.ListView.class, name = "listView")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Component {
    String id();

    Style style();

    /** Children of a container; empty for every other component. */
    default List<Component> children() {
        return List.of();
    }

    /**
     * Containers and inputs bound to a variable share these accessors so walkers need no type switch. A container
     * with {@code repeatFor} (a list variable's name) shows its children once per item of that list, the item as
     * {@code {{Item}}} and its position (from 1) as {@code {{Item Index}}}.
     */
    sealed interface Container extends Component {
        Arrangement childArrangement();

        String repeatFor();
    }

    /** A component whose value is a script variable the agent can change. */
    sealed interface Input extends Component {
        String variable();

        boolean required();

        String changeAction();
    }

    enum Arrangement {
        start, center, end
    }

    record VerticalContainer(String id, Style style, Arrangement childArrangement, String repeatFor,
                             List<Component> children) implements Container {
        @JsonCreator
        public VerticalContainer {
            children = children == null ? List.of() : List.copyOf(children);
        }

        /** A container that does not repeat. */
        public VerticalContainer(String id, Style style, Arrangement childArrangement, List<Component> children) {
            this(id, style, childArrangement, null, children);
        }
    }

    record HorizontalContainer(String id, Style style, Arrangement childArrangement, String repeatFor,
                             List<Component> children) implements Container {
        @JsonCreator
        public HorizontalContainer {
            children = children == null ? List.of() : List.copyOf(children);
        }

        /** A container that does not repeat. */
        public HorizontalContainer(String id, Style style, Arrangement childArrangement, List<Component> children) {
            this(id, style, childArrangement, null, children);
        }
    }

    record Text(String id, Style style, String text, Boolean bold, Boolean italic) implements Component {
    }

    /**
     * An embedded page; {@code source} is interpolated text, e.g. "{{EmbeddedMap}}". With {@code signedContext} the
     * desktop hands the page a short-lived token signed by Rapport naming the interaction, the agent, the script and
     * the variables listed there (docs/embedded-pages.md).
     */
    record WebPage(String id, Style style, String source, SignedContext signedContext) implements Component {
        @JsonCreator
        public WebPage {
        }

        /** A web page without signed context. */
        public WebPage(String id, Style style, String source) {
            this(id, style, source, null);
        }
    }

    /** What a web page's signed context names besides the interaction, agent and script: these variables' values. */
    record SignedContext(List<String> variables) {
        /** At most this many variables in one context. */
        public static final int MAX_VARIABLES = 20;

        public SignedContext {
            variables = variables == null ? List.of() : List.copyOf(variables);
        }
    }

    /** {@code pattern} is a regular expression (RE2 syntax) the whole value must match, when not empty. */
    record TextInput(String id, Style style, String variable, String placeholder, boolean required, String pattern,
                     String changeAction) implements Input {
    }

    record NumberInput(String id, Style style, String variable, boolean required, Double min, Double max,
                       String changeAction) implements Input {
    }

    record DateInput(String id, Style style, String variable, boolean required, boolean includeTime,
                     String changeAction) implements Input {
    }

    record MultiLineInput(String id, Style style, String variable, String placeholder, boolean required,
                          String changeAction) implements Input {
    }

    record Checkbox(String id, Style style, String variable, String label, String changeAction) implements Input {
        @Override
        public boolean required() {
            return false;
        }
    }

    /** Options are static, or the values (and optionally labels) of list variables. */
    record RadioGroup(String id, Style style, String variable, List<Option> options, String optionsVariable,
                      String labelsVariable, boolean required, String changeAction) implements Input {
    }

    record Dropdown(String id, Style style, String variable, String placeholder, List<Option> options,
                    String optionsVariable, String labelsVariable, boolean required, String changeAction)
            implements Input {
    }

    record Button(String id, Style style, String text, String action) implements Component {
    }

    record Link(String id, Style style, String text, String url) implements Component {
    }

    record Image(String id, Style style, String source, String altText) implements Component {
    }

    /** A table of list variables side by side: column i shows {@code columns[i]}, headed {@code headers[i]}. */
    record ListView(String id, Style style, List<String> columns, List<String> headers) implements Component {
        public ListView {
            columns = columns == null ? List.of() : List.copyOf(columns);
            headers = headers == null ? List.of() : List.copyOf(headers);
        }
    }
}
