package dev.rapport.platform.outbox;

import java.time.Duration;
import java.util.Set;

/**
 * What one relay instance needs to know: its name among the instances, the shard count, batch size, how often to look
 * for rows written by others, how long its leases last, which topics it signs, and how long a stop may spend
 * publishing what its shards still hold (less than the lease time: the leases must outlive it).
 */
record RelaySettings(String owner, int shards, int batchSize, Duration pollInterval, Duration leaseTtl,
                     Set<String> signedTopics, Duration drainTimeout) {
    RelaySettings {
        if (shards < 1 || batchSize < 1) {
            throw new IllegalArgumentException("rapport.outbox.shards and batch-size must be at least 1");
        }
        if (drainTimeout.compareTo(leaseTtl) >= 0) {
            throw new IllegalArgumentException("rapport.outbox.drain-timeout must be shorter than lease-ttl");
        }
    }
}
