package dev.rapport.gateway.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed sign-ins per user name (or client id) and per client address in a sliding window; past the limit,
 * sign-in is refused without checking the password until the oldest failure leaves the window. Memory is bounded:
 * at most {@code limit} timestamps per key, and at most {@code maxTracked} keys (the least recently failed go first).
 * Per gateway instance: N replicas allow N times the limit, still far from a guessing attack's rate.
 */
@ApplicationScoped
public class SignInThrottle {
    private final IdentityConfig.SignInThrottle config;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures;

    @Inject
    SignInThrottle(IdentityConfig config) {
        this(config.throttle(), Clock.systemUTC());
    }

    SignInThrottle(IdentityConfig.SignInThrottle config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.failures = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > config.maxTracked();
            }
        };
    }

    /** How long the caller must wait before trying again; empty when it may try now. */
    public synchronized Optional<Duration> blocked(String name, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        wait = max(wait, waitFor(userKey(name), config.perUsername(), now));
        wait = max(wait, waitFor(addressKey(address), config.perAddress(), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public synchronized void failed(String name, String address) {
        Instant now = clock.instant();
        record(userKey(name), config.perUsername(), now);
        record(addressKey(address), config.perAddress(), now);
    }

    /** A right password clears the name's failures (not the address's: one good account must not unlock guessing). */
    public synchronized void succeeded(String name) {
        failures.remove(userKey(name));
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        Instant horizon = now.minus(config.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.pollFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
            return Duration.ZERO;
        }
        if (times.size() < limit) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, times.peekFirst().plus(config.window()));
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    private void record(String key, int limit, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(now);
        while (times.size() > limit) {
            times.pollFirst();
        }
    }

    private static String userKey(String name) {
        return "u:" + (name == null ? "" : name);
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
