package dev.rapport.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class RetentionSweepTest {

    @Test
    void deletesProcessedEventsOlderThanTheRetentionInBatchesAndKeepsNewOnes() throws SQLException {
        PGSimpleDataSource ds = database();
        execute(ds, "INSERT INTO processed_event (consumer, event_id, handled_at) "
                + "SELECT 'c', 'old-' || n, now() - interval '8 days' FROM generate_series(1, 2500) n");
        execute(ds, "INSERT INTO processed_event (consumer, event_id, handled_at) "
                + "SELECT 'c', 'new-' || n, now() - interval '6 days' FROM generate_series(1, 300) n");

        long deleted = new RetentionSweep(ds, 1000)
                .sweep(new RetainedTable("processed_event", "handled_at", Duration.ofDays(7)));

        assertThat(deleted).isEqualTo(2500);
        assertThat(count(ds, "SELECT count(*) FROM processed_event WHERE event_id LIKE 'old-%'")).isZero();
        assertThat(count(ds, "SELECT count(*) FROM processed_event WHERE event_id LIKE 'new-%'")).isEqualTo(300);
    }

    @Test
    void aTableNameThatIsNotAPlainIdentifierIsRefused() {
        assertThatThrownBy(() -> new RetainedTable("t; DROP TABLE x", "at", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PGSimpleDataSource database() {
        TestPostgres pg = TestPostgres.get();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg.newDatabase("retention"));
        ds.setUser(pg.user());
        ds.setPassword(pg.password());
        Flyway.configure().dataSource(ds).locations("classpath:db/platform").load().migrate();
        return ds;
    }

    private static void execute(PGSimpleDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(PGSimpleDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
