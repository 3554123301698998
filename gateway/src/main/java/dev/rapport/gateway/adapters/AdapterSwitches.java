package dev.rapport.gateway.adapters;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Which IVR adapters are on (each one whose secret is set), said once at start; a shared secret too short to resist
 * guessing stops the gateway with the setting to change.
 */
@Startup
@ApplicationScoped
public class AdapterSwitches {
    static final int MIN_SECRET_LENGTH = 16;

    private final AdaptersConfig config;

    AdapterSwitches(AdaptersConfig config) {
        this.config = config;
        List<String> problems = new ArrayList<>();
        checkLength("RAPPORT_ADAPTERS_CONNECT_SECRET", config.connect(), problems);
        checkLength("RAPPORT_ADAPTERS_GENESYS_SECRET", config.genesys(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The gateway cannot start: " + String.join("; ", problems));
        }
        Log.infof("IVR adapters: Twilio %s, Amazon Connect %s, Genesys Cloud %s (docs/ivr/)",
                state(twilioOn(), "RAPPORT_ADAPTERS_TWILIO_AUTH_TOKEN"),
                state(connectOn(), "RAPPORT_ADAPTERS_CONNECT_SECRET"),
                state(genesysOn(), "RAPPORT_ADAPTERS_GENESYS_SECRET"));
    }

    public boolean twilioOn() {
        return config.twilio().authToken().isPresent();
    }

    public boolean connectOn() {
        return config.connect().secret().isPresent();
    }

    public boolean genesysOn() {
        return config.genesys().secret().isPresent();
    }

    private static String state(boolean on, String variable) {
        return on ? "on" : "off (" + variable + " not set)";
    }

    private static void checkLength(String variable, AdaptersConfig.SharedSecret adapter, List<String> problems) {
        // The value itself is never echoed.
        adapter.secret().filter(secret -> secret.length() < MIN_SECRET_LENGTH).ifPresent(secret ->
                problems.add(variable + " has " + secret.length() + " characters; at least " + MIN_SECRET_LENGTH
                        + " are required"));
    }
}
