package dev.rapport.gateway.adapters.twilio;

import java.net.URI;

/**
 * One signed Twilio request: which endpoint it came to, its parameters, Twilio's delivery token
 * (I-Twilio-Idempotency-Token, the same on a retry; may be absent), where the call goes on ({@code ?next=}, may be
 * null), and the attribute names a {@code <Gather>}'s input is set as.
 */
public record TwilioRequest(Endpoint endpoint, TwilioWebhook webhook, String deliveryToken, URI next,
                            String digitsAttribute, String speechAttribute) {

    public enum Endpoint {
        /** The call's status: the incoming call webhook and status callbacks. */
        STATUS,
        /** A {@code <Gather>}'s action: what the caller keyed or said. */
        GATHER
    }
}
