package dev.rapport.action.engine;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a rendered URL goes. A relative {@code /api/v2/...} URL of a Genesys Cloud Data Actions integration is
 * Rapport's own API behind {@code internalBase}; anything else must be an absolute http(s) URL.
 */
public interface RequestRouter {

    record Route(URI uri, boolean internal) {
    }

    /** @throws IllegalArgumentException when the URL cannot be called */
    Route route(String renderedUrl, String integrationType);

    static RequestRouter toInternalBase(URI internalBase) {
        String base = internalBase.toString().replaceAll("/+$", "");
        return (url, type) -> {
            String trimmed = url.trim();
            if (trimmed.startsWith("/")) {
                if (!IntegrationContext.PURECLOUD.equals(type)) {
                    throw new IllegalArgumentException("a relative URL ('" + trimmed + "') needs a "
                            + IntegrationContext.PURECLOUD + " integration");
                }
                return new Route(parse(base + trimmed), true);
            }
            return new Route(parse(trimmed), false);
        };
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("'" + url + "' is not an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a valid URL: " + e.getReason());
        }
    }
}
