package dev.rapport.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shards one relay instance publishes. Instances announce themselves in {@code outbox_relay_instance} and hold
 * shards by leases in {@code outbox_lease}; each round an instance renews its leases, gives back what exceeds its fair
 * share (shards / live instances, rounded up) and takes free or expired ones up to that share. A shard has at most one
 * owner whose lease is unexpired, so one key's rows are published by one instance at a time, in id order.
 */
final class ShardLeases {
    private final String owner;
    private final int shards;
    private final double ttlSeconds;

    ShardLeases(String owner, int shards, Duration ttl) {
        this.owner = owner;
        this.shards = shards;
        this.ttlSeconds = ttl.toMillis() / 1000.0;
    }

    /** Makes sure a lease row exists for every shard. */
    void prepare(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox_lease (shard) SELECT generate_series(0, ? - 1) ON CONFLICT DO NOTHING")) {
            ps.setInt(1, shards);
            ps.executeUpdate();
        }
    }

    /** Heartbeat, renew, give back or take leases; returns the shards this instance may publish until its next call. */
    Set<Integer> balance(Connection c) throws SQLException {
        int live = heartbeat(c);
        int fairShare = (shards + live - 1) / live;
        Set<Integer> owned = renew(c);
        if (owned.size() > fairShare) {
            List<Integer> extra = new ArrayList<>(owned).subList(fairShare, owned.size());
            release(c, extra);
            extra.forEach(owned::remove);
        } else if (owned.size() < fairShare) {
            owned.addAll(claim(c, fairShare - owned.size()));
        }
        return owned;
    }

    /** Gives every lease back at once, so the other instances take over without waiting for expiry. */
    void releaseAll(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox_lease SET owner = NULL, expires_at = '-infinity' WHERE owner = ?")) {
            ps.setString(1, owner);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_relay_instance WHERE owner = ?")) {
            ps.setString(1, owner);
            ps.executeUpdate();
        }
    }

    private int heartbeat(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_relay_instance (owner, expires_at) "
                + "VALUES (?, now() + make_interval(secs => ?)) "
                + "ON CONFLICT (owner) DO UPDATE SET expires_at = EXCLUDED.expires_at")) {
            ps.setString(1, owner);
            ps.setDouble(2, ttlSeconds);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM outbox_relay_instance WHERE expires_at < now() - interval '1 hour'")) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM outbox_relay_instance WHERE expires_at > now()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Math.max(1, rs.getInt(1));
        }
    }

    private Set<Integer> renew(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_lease "
                + "SET expires_at = now() + make_interval(secs => ?) WHERE owner = ? AND shard < ? RETURNING shard")) {
            ps.setDouble(1, ttlSeconds);
            ps.setString(2, owner);
            ps.setInt(3, shards);
            return shards(ps);
        }
    }

    private Set<Integer> claim(Connection c, int wanted) throws SQLException {
        // SKIP LOCKED: two instances claiming at once take different shards instead of waiting on each other.
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_lease "
                + "SET owner = ?, expires_at = now() + make_interval(secs => ?) "
                + "WHERE shard IN (SELECT shard FROM outbox_lease WHERE shard < ? "
                + "    AND (owner IS NULL OR expires_at < now()) ORDER BY shard LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "AND (owner IS NULL OR expires_at < now()) RETURNING shard")) {
            ps.setString(1, owner);
            ps.setDouble(2, ttlSeconds);
            ps.setInt(3, shards);
            ps.setInt(4, wanted);
            return shards(ps);
        }
    }

    private void release(Connection c, List<Integer> shardsToRelease) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_lease SET owner = NULL, "
                + "expires_at = '-infinity' WHERE owner = ? AND shard = ANY(?)")) {
            ps.setString(1, owner);
            Array array = c.createArrayOf("integer", shardsToRelease.toArray());
            ps.setArray(2, array);
            ps.executeUpdate();
        }
    }

    private static Set<Integer> shards(PreparedStatement ps) throws SQLException {
        Set<Integer> result = new TreeSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(rs.getInt(1));
            }
        }
        return result;
    }
}
