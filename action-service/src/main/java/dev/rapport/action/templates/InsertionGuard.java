package dev.rapport.action.templates;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Sees every interpolation of one rendering: counts it against the budgets and, in URL and JSON mode, encodes or
 * refuses the values that came from the action's input. Input values are recognised by identity (the very string
 * objects of {@code $input}, also after {@code #set} or as a loop variable), so a value the author transformed
 * explicitly ({@code $esc.url(...)}, {@code $esc.jsonString(...)}) is not encoded twice.
 */
final class InsertionGuard implements ReferenceInsertionEventHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HOST_CHARS = Pattern.compile("[A-Za-z0-9.-]*");
    private static final GenesysEscapeTool ESC = new GenesysEscapeTool();

    private final Insertion mode;
    private final Set<Object> inputs;
    private final BoundedWriter out;
    private int scanned;
    private boolean inString;
    private boolean escaped;

    InsertionGuard(Insertion mode, java.util.Collection<?> inputs, BoundedWriter out) {
        this.mode = mode;
        Set<Object> identity = Collections.newSetFromMap(new IdentityHashMap<>());
        identity.addAll(inputs);
        this.inputs = identity;
        this.out = out;
    }

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value == null) {
            return null;
        }
        RenderDeadline.checkSize(value instanceof CharSequence ? (CharSequence) value : null);
        Object inserted = switch (mode) {
            case TEXT -> value;
            case URL -> url(reference, value);
            case JSON -> json(reference, value);
        };
        if (inserted instanceof CharSequence text) {
            RenderDeadline.interpolated(text.length());
        } else {
            RenderDeadline.check();
        }
        return inserted;
    }

    private Object url(String reference, Object value) {
        String text = value.toString();
        StringBuilder before = out.buffer();
        boolean input = inputs.contains(value);
        if (before.indexOf("?") >= 0 || before.indexOf("#") >= 0) {
            return input ? ESC.uriEncode(text) : value;
        }
        int scheme = before.indexOf("://");
        boolean inAuthority = scheme >= 0 && before.indexOf("/", scheme + 3) < 0;
        if (inAuthority) {
            if (!HOST_CHARS.matcher(text).matches()) {
                throw new TemplateException(reference + " puts '" + abbreviate(text) + "' into the URL's host; only "
                        + "letters, digits, '.' and '-' may be", true, null);
            }
            return value;
        }
        if (before.isEmpty()) {
            return value; // the value is the start of the URL (a base URL): the destination policy checks it
        }
        if (input) {
            if (text.equals(".") || text.equals("..")) {
                throw new TemplateException(reference + " is '" + text + "', which would move the URL's path", true,
                        null);
            }
            return ESC.uriEncode(text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("/") || lower.contains("\\") || lower.contains("?") || lower.contains("#")
                || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%3f") || lower.contains("%23")) {
            throw new TemplateException(reference + " puts '" + abbreviate(text) + "' into the URL's path; a value "
                    + "there may not hold '/', '\\', '?' or '#' (encode it with $esc.uriEncode(...))", true, null);
        }
        return value;
    }

    private Object json(String reference, Object value) {
        scan();
        if (!inputs.contains(value)) {
            return value;
        }
        String text = value.toString();
        if (inString) {
            return ESC.jsonString(text);
        }
        if (!isOneJsonValue(text)) {
            throw new TemplateException(reference + " puts '" + abbreviate(text) + "' outside a JSON string in the "
                    + "request body, where it is not one JSON value; quote it (\"" + reference + "\")", true, null);
        }
        return value;
    }

    /** Follows the body written so far: inside a JSON string or not. */
    private void scan() {
        StringBuilder written = out.buffer();
        for (int i = scanned; i < written.length(); i++) {
            char c = written.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (inString && c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = !inString;
            }
        }
        scanned = written.length();
    }

    private static boolean isOneJsonValue(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
