package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A change made by a service for a person: who ({@code userId}, {@code name}) and through which data action
 * ({@code action}). action-service sends it to Rapport's own API, and only there, in the {@value #HEADER} header, as
 * form-encoded {@code user}, {@code name} and {@code action}; datatable-service believes it only from the service
 * clients it trusts to act for others. Every value is cleaned (no control or formatting characters, whitespace runs
 * as one space) and bounded, so a header or a record cannot smuggle line breaks, bidi overrides or megabytes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attribution(String userId, String name, String action) {
    public static final String HEADER = "X-Rapport-On-Behalf-Of";
    public static final int MAX_ACTION = 256;
    /** A longer header is not read at all. */
    public static final int MAX_HEADER = 2_048;
    /** Fits the history's and the row's {@code changed_by} columns. */
    public static final int MAX_CHANGED_BY = 256;

    public Attribution {
        userId = clean(userId, OnBehalfOf.MAX_USER_ID);
        name = clean(name, OnBehalfOf.MAX_NAME);
        action = clean(action, MAX_ACTION);
    }

    /**
     * The person {@code onBehalfOf} and what acts for them: the custom action they ran when the request names it,
     * else the data action; empty without a person.
     */
    public static Optional<Attribution> of(OnBehalfOf onBehalfOf, String action) {
        if (onBehalfOf == null || onBehalfOf.userId() == null) {
            return Optional.empty();
        }
        String via = onBehalfOf.via() != null ? onBehalfOf.via() : action;
        return Optional.of(new Attribution(onBehalfOf.userId(), onBehalfOf.name(), via));
    }

    /** The header's value: {@code user=alex&name=Alex+Agent&action=Update+Case} (absent parts left out). */
    public String headerValue() {
        StringBuilder value = new StringBuilder("user=").append(encode(userId));
        if (name != null) {
            value.append("&name=").append(encode(name));
        }
        if (action != null) {
            value.append("&action=").append(encode(action));
        }
        return value.toString();
    }

    /**
     * Reads a header sent by {@link #headerValue()}: empty when absent, too long, malformed (a part named twice, an
     * encoding that does not decode) or without a user.
     */
    public static Optional<Attribution> parse(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_HEADER) {
            return Optional.empty();
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : header.strip().split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            try {
                String value = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
                if (parts.put(part.substring(0, eq), value) != null) {
                    return Optional.empty();
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        Attribution attribution = new Attribution(parts.get("user"), parts.get("name"), parts.get("action"));
        return attribution.userId() == null ? Optional.empty() : Optional.of(attribution);
    }

    /** How a change made this way is recorded: "alex via Update Case", at most {@value #MAX_CHANGED_BY} characters. */
    public String changedBy() {
        return clip(action == null ? userId : userId + " via " + action, MAX_CHANGED_BY);
    }

    /**
     * {@code value} without control, formatting (bidi overrides, zero-width) or unpaired surrogate characters (each
     * becomes a space), whitespace runs as one space, trimmed, at most {@code max} characters; null when nothing is
     * left.
     */
    public static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < value.length() && out.length() <= max; ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || unwanted(cp)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(cp);
            }
        }
        String cleaned = clip(out.toString(), max);
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static boolean unwanted(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }

    private static String clip(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end).strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
