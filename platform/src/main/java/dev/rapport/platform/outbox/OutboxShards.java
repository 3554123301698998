package dev.rapport.platform.outbox;

/**
 * Which shard an outbox row belongs to. All events of one record key land in one shard, so the one relay that holds
 * the shard's lease publishes them in order. A row without a key has no order to keep and is spread by its event id.
 * The function must not change while rows wait in the outbox (String.hashCode is specified by the JLS).
 */
public final class OutboxShards {
    private OutboxShards() {
    }

    public static int of(String recordKey, String eventId, int shards) {
        String basis = recordKey != null ? recordKey : eventId;
        return basis == null ? 0 : Math.floorMod(basis.hashCode(), shards);
    }
}
