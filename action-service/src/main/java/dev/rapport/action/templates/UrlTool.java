package dev.rapport.action.templates;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code $urlTool}: {@code optionalQueryParam("name", $!{input.x})} gives {@code name=<form-encoded value>} when the
 * value is set and nothing when it is empty, so an optional input leaves no dangling {@code name=}.
 * The separator ({@code &} or {@code ?}) stays in the template, as Genesys's examples write it.
 */
public class UrlTool {

    public String optionalQueryParam(String name, Object value) {
        if (value == null || value.toString().isEmpty()) {
            return "";
        }
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    public String optionalQueryParam(String name, Object value, String separator) {
        String param = optionalQueryParam(name, value);
        return param.isEmpty() ? "" : separator + param;
    }
}
