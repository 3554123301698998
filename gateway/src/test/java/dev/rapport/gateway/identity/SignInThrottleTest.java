package dev.rapport.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private SignInThrottle throttle(int perName, int perAddress, int maxTracked) {
        return new SignInThrottle(new IdentityConfig.SignInThrottle() {
            public int perUsername() {
                return perName;
            }

            public int perAddress() {
                return perAddress;
            }

            public Duration window() {
                return Duration.ofMinutes(5);
            }

            public int maxTracked() {
                return maxTracked;
            }
        }, clock);
    }

    @Test
    void aNameIsBlockedAfterItsLimitUntilTheOldestFailureLeavesTheWindow() {
        SignInThrottle throttle = throttle(3, 100, 1000);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("alex", "10.0.0." + i)).isEmpty();
            throttle.failed("alex", "10.0.0." + i);
            now = now.plusSeconds(60);
        }
        assertThat(throttle.blocked("alex", "10.0.0.9")).contains(Duration.ofMinutes(2));
        now = now.plusSeconds(120);
        assertThat(throttle.blocked("alex", "10.0.0.9")).isEmpty();
    }

    @Test
    void anAddressIsBlockedWhateverNamesItTries() {
        SignInThrottle throttle = throttle(100, 5, 1000);
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThat(throttle.blocked("someone-else", "10.0.0.1")).isPresent();
        assertThat(throttle.blocked("someone-else", "10.0.0.2")).isEmpty();
    }

    @Test
    void aRightPasswordClearsTheNameButNotTheAddress() {
        SignInThrottle throttle = throttle(2, 2, 1000);
        throttle.failed("alex", "10.0.0.1");
        throttle.failed("alex", "10.0.0.1");
        throttle.succeeded("alex");
        assertThat(throttle.blocked("alex", "10.0.0.2")).isEmpty();
        assertThat(throttle.blocked("alex", "10.0.0.1")).isPresent();
    }

    @Test
    void memoryIsBoundedByTheNumberOfTrackedKeys() {
        SignInThrottle throttle = throttle(1, 1, 10);
        for (int i = 0; i < 1000; i++) {
            throttle.failed("user" + i, "10.0." + (i / 250) + "." + (i % 250));
        }
        // The first ones were dropped to stay within 10 keys.
        assertThat(throttle.blocked("user0", "10.9.9.9")).isEmpty();
        assertThat(throttle.blocked("user999", "10.9.9.9")).isPresent();
    }
}
