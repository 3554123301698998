package dev.rapport.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the relay of this instance reports: events published ({@code rapport_outbox_published_total}), dead-lettered
 * by reason ({@code rapport_outbox_dead_lettered_total}), the age of the oldest row it read last round
 * ({@code rapport_outbox_lag_seconds}) and how many shards it holds ({@code rapport_outbox_shards_owned}).
 */
final class RelayMetrics {
    private final MeterRegistry registry;
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong shardsOwned = new AtomicLong();

    RelayMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("rapport.outbox.lag.seconds", lagMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest outbox row this instance read in its last round").register(registry);
        Gauge.builder("rapport.outbox.shards.owned", shardsOwned, AtomicLong::get).register(registry);
    }

    void published(int count) {
        registry.counter("rapport.outbox.published").increment(count);
    }

    void deadLettered(DeadLetterReason reason) {
        registry.counter("rapport.outbox.dead.lettered", "reason", reason.tag()).increment();
    }

    void lagMillis(long millis) {
        lagMillis.set(millis);
    }

    void shardsOwned(int count) {
        shardsOwned.set(count);
    }
}
