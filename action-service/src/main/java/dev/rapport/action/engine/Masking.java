package dev.rapport.action.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hides secrets: credential values in step results, errors and the log, and every value of a secure action in logs.
 * A secret is hidden in every form a template or an endpoint could show it in: raw, Base64 (standard and URL-safe,
 * with and without padding, and the {@code user:password} pair of a Basic header), URL-encoded (form and RFC 3986,
 * either hex case), JSON-escaped (also with non-ASCII and {@code /} escaped) and hex (either case).
 */
public final class Masking {
    public static final String MASK = "********";
    /** Shorter values are not masked: they would blank out ordinary text. */
    public static final int MIN_SECRET_LENGTH = 4;

    private Masking() {
    }

    /** Every encoded form of {@code secrets} (and of each {@code a:b} pair, for Basic headers), longest first. */
    public static List<String> forms(List<String> secrets) {
        Set<String> raw = new LinkedHashSet<>();
        secrets.stream().filter(s -> s != null && s.length() >= MIN_SECRET_LENGTH).forEach(raw::add);
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : raw) {
            forms.addAll(encodings(secret));
        }
        List<String> all = new ArrayList<>(secrets.stream().filter(s -> s != null && !s.isEmpty()).toList());
        for (String user : all) {
            for (String password : all) {
                if (user != password && user.length() + password.length() >= MIN_SECRET_LENGTH) {
                    forms.addAll(base64(user + ":" + password));
                }
            }
        }
        forms.removeIf(f -> f.length() < MIN_SECRET_LENGTH);
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    private static Set<String> encodings(String secret) {
        Set<String> out = new LinkedHashSet<>();
        out.add(secret);
        out.addAll(base64(secret));
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        out.add(form);
        out.add(lowerPercent(form));
        String rfc = form.replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
        out.add(rfc);
        out.add(lowerPercent(rfc));
        String json = new String(JsonStringEncoder.getInstance().quoteAsString(secret));
        out.add(json);
        out.add(json.replace("/", "\\/"));
        StringBuilder ascii = new StringBuilder();
        for (char c : json.toCharArray()) {
            ascii.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        out.add(ascii.toString());
        out.add(ascii.toString().replace("/", "\\/"));
        out.add(upperUnicodeEscapes(ascii.toString()).replace("/", "\\/"));
        out.add(ascii.toString().toUpperCase(Locale.ROOT).equals(ascii.toString()) ? ascii.toString()
                : upperUnicodeEscapes(ascii.toString()));
        String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
        out.add(hex);
        out.add(hex.toUpperCase(Locale.ROOT));
        return out;
    }

    private static List<String> base64(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        String std = Base64.getEncoder().encodeToString(bytes);
        String url = Base64.getUrlEncoder().encodeToString(bytes);
        return List.of(std, std.replace("=", ""), url, url.replace("=", ""));
    }

    private static String lowerPercent(String encoded) {
        StringBuilder out = new StringBuilder(encoded);
        for (int i = encoded.indexOf('%'); i >= 0 && i + 2 < encoded.length() + 1; i = encoded.indexOf('%', i + 1)) {
            if (i + 3 <= encoded.length()) {
                out.replace(i + 1, i + 3, encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static String upperUnicodeEscapes(String text) {
        StringBuilder out = new StringBuilder(text);
        for (int i = text.indexOf("\\u"); i >= 0; i = text.indexOf("\\u", i + 1)) {
            if (i + 6 <= text.length()) {
                out.replace(i + 2, i + 6, text.substring(i + 2, i + 6).toUpperCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    /** {@code text} with every one of {@code forms} (see {@link #forms}) replaced by the mask. */
    public static String blankOut(String text, List<String> forms) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : forms) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    public static JsonNode blankOut(JsonNode node, List<String> secrets) {
        if (node == null || secrets.isEmpty()) {
            return node;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(blankOut(node.textValue(), secrets));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            object.fields().forEachRemaining(e -> out.set(blankOut(e.getKey(), secrets), blankOut(e.getValue(), secrets)));
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.forEach(item -> out.add(blankOut(item, secrets)));
            return out;
        }
        return node;
    }

    /** Every leaf value replaced by the mask, names kept: how a secure action's inputs and outputs are logged. */
    public static JsonNode maskValues(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            object.fields().forEachRemaining(e -> out.set(e.getKey(), maskValues(e.getValue())));
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.forEach(item -> out.add(maskValues(item)));
            return out;
        }
        return node.isNull() ? node : TextNode.valueOf(MASK);
    }
}
