package dev.rapport.gateway.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Size bounds where values enter Rapport through the gateway (RAPPORT_GATEWAY_LIMITS_*). They sit inside the
 * contract's own bounds (interaction-event.v1.json), which the consumers enforce again; a refusal is a 400 naming the
 * field.
 */
@ConfigMapping(prefix = "rapport.gateway.limits")
public interface InputLimits {

    /** An IVR event's JSON, in bytes (UTF-8). */
    @WithDefault("65536")
    int eventBytes();

    /**
     * IVR events in one request (a JSON array): an IVR platform's connector posts what it gathered in a few
     * milliseconds as one request, which costs the gateway one request's work instead of one per event.
     */
    @WithDefault("500")
    int batchEvents();

    /** Attributes of one IVR event (and inputs of its screen pop). */
    @WithDefault("100")
    int attributes();

    /** Characters of an attribute's (or screen pop input's) name. */
    @WithDefault("256")
    int attributeNameLength();

    /** Characters of an attribute's (or screen pop input's) value. */
    @WithDefault("4096")
    int attributeValueLength();

    /** Bytes of the JSON of an agent command's value (a string, number, boolean or list). */
    @WithDefault("8192")
    int commandValueBytes();

    /** Bytes of one request to an IVR adapter (a Twilio webhook, a Connect or Genesys event), read no further. */
    @WithDefault("65536")
    int adapterRequestBytes();
}
