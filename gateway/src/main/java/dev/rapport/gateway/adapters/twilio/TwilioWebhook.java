package dev.rapport.gateway.adapters.twilio;

import dev.rapport.gateway.adapters.PlatformFields;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The form parameters of a Twilio Programmable Voice request (application/x-www-form-urlencoded, UTF-8), every one
 * kept in the order sent: the signature covers them all, the ones Rapport does not read included.
 */
public record TwilioWebhook(List<Param> params) {

    public record Param(String name, String value) {
    }

    public TwilioWebhook {
        params = List.copyOf(params);
    }

    public static TwilioWebhook parse(byte[] body) {
        List<Param> params = new ArrayList<>();
        String form = new String(body, StandardCharsets.UTF_8);
        if (form.isEmpty()) {
            return new TwilioWebhook(params);
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                params.add(eq < 0 ? new Param(decode(pair), "")
                        : new Param(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1))));
            } catch (IllegalArgumentException e) {
                throw PlatformFields.invalid("/", "the body is not form encoded (application/x-www-form-urlencoded)");
            }
        }
        return new TwilioWebhook(params);
    }

    /** The first value of {@code name}, or null. */
    public String first(String name) {
        return params.stream().filter(p -> p.name().equals(name)).map(Param::value).findFirst().orElse(null);
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
