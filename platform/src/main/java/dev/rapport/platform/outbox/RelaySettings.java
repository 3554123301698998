package dev.rapport.platform.outbox;

import java.time.Duration;
import java.util.Set;

/**
 * What one relay instance needs to know: its name among the instances, the shard count, batch size, how often to look
 * for rows written by others, how long its leases last, and which topics it signs.
 */
record RelaySettings(String owner, int shards, int batchSize, Duration pollInterval, Duration leaseTtl,
                     Set<String> signedTopics) {
    RelaySettings {
        if (shards < 1 || batchSize < 1) {
            throw new IllegalArgumentException("rapport.outbox.shards and batch-size must be at least 1");
        }
    }
}
