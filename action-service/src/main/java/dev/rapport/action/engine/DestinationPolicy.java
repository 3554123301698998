package dev.rapport.action.engine;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where data actions may call, decided once per hop on the addresses the connection will use: the host is resolved
 * here, every address it resolves to is checked, and the caller connects to exactly the returned address (no second
 * lookup, so DNS rebinding between check and connect is impossible).
 *
 * <p>Public addresses are allowed. Loopback, private, link-local (cloud metadata), unique-local, CGNAT, multicast,
 * reserved and unspecified addresses are refused, also when embedded in IPv6 (IPv4-compatible, IPv4-mapped, 6to4,
 * NAT64, Teredo), unless the destination is listed in {@code allowed}: {@code host} (any port) or {@code host:port}
 * ({@code [v6]:port}). Numeric hosts must be canonical dotted-quad IPv4: decimal, octal and hex forms are refused.
 */
public class DestinationPolicy {
    /** Resolves a host name; injectable so tests control what DNS answers. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;

        Resolver SYSTEM = InetAddress::getAllByName;
    }

    /** A checked destination: connect to {@code address}, and send {@code host} as Host header and TLS SNI. */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {
        public String origin() {
            return (https ? "https" : "http") + "://" + host + ":" + port;
        }
    }

    private static final Pattern NUMERIC_LABEL = Pattern.compile("^(0x[0-9a-f]*|[0-9]+)$");
    private static final Pattern CANONICAL_V4 =
            Pattern.compile("^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$");

    private final Set<String> allowed = new HashSet<>();
    private final Resolver resolver;

    public DestinationPolicy(List<String> allowed, Resolver resolver) {
        for (String entry : allowed) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (!e.isEmpty()) {
                this.allowed.add(normalize(e));
            }
        }
        this.resolver = resolver;
    }

    public DestinationPolicy(List<String> allowed) {
        this(allowed, Resolver.SYSTEM);
    }

    /**
     * Checks {@code uri} and picks the address to connect to.
     *
     * @throws DestinationRefusedException when {@code uri} may not be called or its host does not resolve
     */
    public Target check(URI uri) {
        return target(uri, true);
    }

    /** Rapport's own API (the configured internal base URL): resolved once like any other, not checked. */
    public Target trusted(URI uri) {
        return target(uri, false);
    }

    private Target target(URI uri, boolean checked) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DestinationRefusedException("only http and https URLs may be called");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new DestinationRefusedException("the URL has no host name (or one that is not a valid host)");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean v6Literal = bare.contains(":");
        String lastLabel = bare.substring(bare.lastIndexOf('.') + 1);
        boolean v4Literal = !v6Literal && NUMERIC_LABEL.matcher(lastLabel).matches();
        if (v4Literal && !CANONICAL_V4.matcher(bare).matches()) {
            throw new DestinationRefusedException("host '" + host + "' is not a canonical IPv4 address");
        }
        InetAddress[] addresses;
        try {
            addresses = v6Literal || v4Literal ? new InetAddress[] {InetAddress.getByName(bare)} : resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new DestinationRefusedException("host '" + host + "' does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new DestinationRefusedException("host '" + host + "' does not resolve");
        }
        if (checked && !listed(normalize(bare), port)) {
            for (InetAddress address : addresses) {
                if (isInternal(address) && !listed(address.getHostAddress().toLowerCase(Locale.ROOT), port)) {
                    throw new DestinationRefusedException("destination '" + host + "' (" + address.getHostAddress()
                            + ") is a loopback, private, link-local or reserved address; list it in "
                            + "rapport.actions.allowed-destinations (host:port) to allow it");
                }
            }
        }
        return new Target(uri, bare, port, https, addresses[0]);
    }

    private boolean listed(String host, int port) {
        String withPort = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        return allowed.contains(host) || allowed.contains(withPort);
    }

    /** {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port} or a bare v6 literal, IPv6 in canonical form. */
    private static String normalize(String entry) {
        String host = entry;
        String port = null;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            host = entry.substring(1, close);
            port = entry.length() > close + 2 ? entry.substring(close + 2) : null;
        } else if (entry.indexOf(':') > 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
            host = entry.substring(0, entry.indexOf(':'));
            port = entry.substring(entry.indexOf(':') + 1);
        }
        if (host.contains(":")) {
            try {
                host = InetAddress.getByName(host).getHostAddress().toLowerCase(Locale.ROOT);
            } catch (UnknownHostException e) {
                // not a literal: kept as written
            }
        }
        if (port == null) {
            return host;
        }
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** Loopback, private, link-local, unique-local, CGNAT, multicast, reserved, unspecified (also embedded in IPv6). */
    public static boolean isInternal(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return internalV4(b, 0);
        }
        if (!(a instanceof Inet6Address)) {
            return true;
        }
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (firstTenZero && b[10] == 0 && b[11] == 0) {
            return true; // ::/96: unspecified, loopback, IPv4-compatible (deprecated): never a real destination
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return internalV4(b, 12); // ::ffff:a.b.c.d IPv4-mapped
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {
            return true; // NAT64 64:ff9b::/96 and 64:ff9b:1::/48 reach IPv4 through a translator: refused
        }
        if (w0 == 0x2002) {
            return internalV4(b, 2); // 6to4 2002:a.b.c.d::/48
        }
        if (w0 == 0x2001 && w1 == 0x0000) {
            return true; // Teredo: tunnels to an (obfuscated) IPv4 address
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return true; // documentation
        }
        if (w0 == 0x0100 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return true; // discard-only 100::/64
        }
        return (b[0] & 0xfe) == 0xfc // fc00::/7 unique local
                || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) // fe80::/10 link-local
                || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) // fec0::/10 site-local
                || (b[0] & 0xff) == 0xff; // multicast
    }

    private static boolean internalV4(byte[] b, int at) {
        int a0 = b[at] & 0xff;
        int a1 = b[at + 1] & 0xff;
        int a2 = b[at + 2] & 0xff;
        return a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224 // this network, private, loopback, multicast, reserved
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // CGNAT 100.64/10
                || (a0 == 169 && a1 == 254) // link-local, cloud metadata
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113);
    }

    /** A destination the policy refuses. */
    public static class DestinationRefusedException extends RuntimeException {
        public DestinationRefusedException(String message) {
            super(message);
        }
    }
}
