package dev.rapport.script.clients;

import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A neighbour service failed a call in a way that says nothing about the request (unreachable, timed out, 5xx): it
 * counts towards the client's circuit breaker, and a read may try again when {@link #retryable} (the request surely
 * did not reach a working service: a refused connection, a 502/503/504). Answers such as 404 or 401 are not failures.
 */
final class ServiceFailure extends RuntimeException {
    final boolean retryable;

    ServiceFailure(String reason, boolean retryable) {
        super(reason, null, false, false);
        this.retryable = retryable;
    }

    static ServiceFailure ofStatus(String service, int status) {
        return new ServiceFailure(service + " answered HTTP " + status, status == 502 || status == 503 || status == 504);
    }

    static ServiceFailure ofTransport(String service, Throwable error) {
        Throwable root = root(error);
        String what = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return new ServiceFailure(service + " did not answer: " + what, refused(error));
    }

    /** A refused connection: the request reached no service (HttpClient wraps the cause at varying depths). */
    private static boolean refused(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    static Throwable root(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** One path segment, percent-encoded (spaces as %20, not '+'). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
