package dev.rapport.gateway.adapters;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * The IVR adapters (docs/ivr/): each is off until its secret is set (RAPPORT_ADAPTERS_TWILIO_AUTH_TOKEN,
 * RAPPORT_ADAPTERS_CONNECT_SECRET, RAPPORT_ADAPTERS_GENESYS_SECRET). No secret has a default outside the demo and the
 * tests.
 */
@ConfigMapping(prefix = "rapport.adapters")
public interface AdaptersConfig {

    Twilio twilio();

    /** Amazon Connect: a contact flow's "Invoke AWS Lambda function" event, forwarded with a shared secret. */
    SharedSecret connect();

    /** Genesys Cloud: conversation detail events from its Amazon EventBridge integration, via an API destination. */
    SharedSecret genesys();

    interface Twilio {
        /** The Twilio account's Auth Token: the key of X-Twilio-Signature. Unset: the adapter is off. */
        Optional<String> authToken();

        /**
         * The gateway's address as Twilio calls it (scheme, host, port and any path prefix of a proxy in front, e.g.
         * {@code https://rapport.example.com}): Twilio signs the full URL it called. Unset: the URL this request
         * came to (its Host header).
         */
        Optional<URI> publicUrl();

        /** The attribute a {@code <Gather>}'s {@code Digits} are set as ({@code ?digits=} names another). */
        @WithDefault("Digits")
        String digitsAttribute();

        /** The attribute a {@code <Gather>}'s {@code SpeechResult} is set as ({@code ?speech=} names another). */
        @WithDefault("SpeechResult")
        String speechAttribute();
    }

    interface SharedSecret {
        /** The secret the platform sends in {@link #header()} (16 characters at least). Unset: the adapter is off. */
        Optional<String> secret();

        /** The request header that carries it. */
        @WithDefault("X-Rapport-Secret")
        String header();
    }
}
