package dev.rapport.gateway.telephony;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The stand-in for the telephony side (RAPPORT_TELEPHONY_SIMULATOR_ENABLED, ..._ANSWER_DELAY): off unless turned on,
 * as the demo and the tests that need it do. A real deployment lets its telephony integration answer instead.
 */
@ConfigMapping(prefix = "rapport.telephony.simulator")
public interface TelephonySimulatorConfig {
    /** Answer 'interaction-commands' as a telephony side would. */
    @WithDefault("false")
    boolean enabled();

    /** How long it takes to answer a command (a real switch is not instant; the agent sees the run running). */
    @WithDefault("0.5s")
    Duration answerDelay();
}
