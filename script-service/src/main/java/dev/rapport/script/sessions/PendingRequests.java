package dev.rapport.script.sessions;

import java.util.HashMap;
import java.util.Map;

/** The pending requests a batch's results and timeouts answer, loaded in one read; each is answered once. */
final class PendingRequests {
    private final Map<String, PendingRequest> byId = new HashMap<>();

    PendingRequests(Iterable<PendingRequest> loaded) {
        loaded.forEach(p -> byId.put(p.requestId(), p));
    }

    /** The request, if it still waits and belongs to the interaction; a second take finds nothing (a duplicate). */
    PendingRequest take(String requestId, String interactionId) {
        PendingRequest p = byId.get(requestId);
        if (p == null || !p.interactionId().equals(interactionId)) {
            return null;
        }
        byId.remove(requestId);
        return p;
    }

    void putBack(PendingRequest p) {
        byId.put(p.requestId(), p);
    }
}
