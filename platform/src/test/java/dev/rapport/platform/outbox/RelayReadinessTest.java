package dev.rapport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.platform.kafka.KafkaClientSettings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RelayReadinessTest {
    static OutboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new OutboxFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void readyWhileTheRelayCompletesRounds() {
        try (var relay = TestRelay.start(fixture, "relay-ready", Duration.ofSeconds(20))) {
            var readiness = new OutboxRelayReadiness(relay.relay());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> readiness.call().getStatus() == HealthCheckResponse.Status.UP);
        }
    }

    @Test
    void downWhenAnErrorEndedTheRelayThread() {
        // the relay's connection attempt meets a VirtualMachineError (the kind of OutOfMemoryError; surefire ends the
        // test JVM on a real one), as a round would when memory runs out
        var dying = new DyingDataSource(fixture.dataSource());
        try (var relay = TestRelay.start(dying, KafkaClientSettings.bootstrap(fixture.bootstrapServers()), "relay-dying", Duration.ofSeconds(20))) {
            var readiness = new OutboxRelayReadiness(relay.relay());
            // the Error ends the relay's thread uncaught, as it should: that is not this test's failure
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10))
                    .until(() -> readiness.call().getStatus() == HealthCheckResponse.Status.DOWN);
            assertThat(dying.failed).isTrue();
        }
    }

    /** Throws an Error for every connection the relay thread asks for. */
    static final class DyingDataSource implements DataSource {
        private final DataSource delegate;
        volatile boolean failed;

        DyingDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!Thread.currentThread().getName().endsWith("-outbox-relay")) {
                return delegate.getConnection();
            }
            failed = true;
            throw new VirtualMachineError("simulated by the test") {
            };
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
