package dev.rapport.gateway.adapters.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature (X-Twilio-Signature): HMAC-SHA1, keyed by the account's Auth Token, over the full URL
 * Twilio called followed by every POST parameter sorted by name, each as name then value; Base64.
 */
public final class TwilioSignature {
    private TwilioSignature() {
    }

    public static String sign(String authToken, String url, TwilioWebhook webhook) {
        StringBuilder data = new StringBuilder(url);
        webhook.params().stream()
                .sorted(Comparator.comparing(TwilioWebhook.Param::name).thenComparing(TwilioWebhook.Param::value))
                .forEach(p -> data.append(p.name()).append(p.value()));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether {@code given} signs this request, compared in constant time. The URL is tried as given and with its
     * scheme's default port written or left out, as Twilio's own libraries do: which form Twilio signed depends on
     * how the URL was configured there.
     */
    public static boolean matches(String authToken, String url, TwilioWebhook webhook, String given) {
        byte[] expected = given.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String candidate : withAndWithoutDefaultPort(url)) {
            match |= MessageDigest.isEqual(sign(authToken, candidate, webhook).getBytes(StandardCharsets.UTF_8),
                    expected);
        }
        return match;
    }

    static Set<String> withAndWithoutDefaultPort(String url) {
        Set<String> urls = new LinkedHashSet<>();
        urls.add(url);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return urls;
        }
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String authority = uri.getRawAuthority();
        if (authority == null || uri.getHost() == null) {
            return urls;
        }
        String hostPart = uri.getPort() < 0 ? authority : authority.substring(0, authority.lastIndexOf(':'));
        String prefix = uri.getScheme() + "://";
        String rest = url.substring(prefix.length() + authority.length());
        if (uri.getPort() < 0) {
            urls.add(prefix + hostPart + ":" + defaultPort + rest);
        } else if (uri.getPort() == defaultPort) {
            urls.add(prefix + hostPart + rest);
        }
        return urls;
    }
}
