package dev.rapport.action.engine;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where data actions may call. Public addresses are allowed; private, loopback, link-local (cloud metadata),
 * unique-local, CGNAT, multicast and unspecified addresses are refused unless their host or address is listed in
 * {@code allowed}. The internal base URL (Rapport's own API) is always allowed.
 */
public class DestinationPolicy {
    private final Set<String> allowed;
    private final String internalHost;

    public DestinationPolicy(List<String> allowed, URI internalBase) {
        this.allowed = Set.copyOf(allowed.stream().map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList());
        this.internalHost = internalBase.getHost() == null ? "" : internalBase.getHost().toLowerCase(Locale.ROOT);
    }

    /** @throws DestinationRefusedException when {@code uri} may not be called */
    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DestinationRefusedException("only http and https URLs may be called, not '" + uri + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new DestinationRefusedException("URL '" + uri + "' has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals(internalHost) || allowed.contains(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new DestinationRefusedException("host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!allowed.contains(address.getHostAddress().toLowerCase(Locale.ROOT)) && isInternal(address)) {
                throw new DestinationRefusedException("destination '" + host + "' (" + address.getHostAddress()
                        + ") is a private, loopback or link-local address; add it to "
                        + "rapport.actions.allowed-destinations to allow it");
            }
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second <= 127) // CGNAT 100.64/10
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
    }

    /** A destination the policy refuses. */
    public static class DestinationRefusedException extends RuntimeException {
        public DestinationRefusedException(String message) {
            super(message);
        }
    }
}
