package dev.rapport.platform.retention;

import dev.rapport.platform.RapportConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Keeps the tables that only grow bounded: the log of handled events ({@code processed_event}, kept for
 * {@code rapport.retention.processed-events}, default 7 days: far longer than any redelivery) and the tables a service
 * names in {@code rapport.retention.tables}. Runs every {@code rapport.retention.period} on every instance.
 */
@ApplicationScoped
public class Retention {
    private final RetentionSweep sweep;
    private final List<RetainedTable> tables;
    private final boolean enabled;
    private final MeterRegistry registry;

    Retention(DataSource dataSource, RapportConfig config, MeterRegistry registry) {
        this.sweep = new RetentionSweep(dataSource, config.retention().batchSize());
        this.enabled = config.retention().enabled();
        this.registry = registry;
        List<RetainedTable> all = new ArrayList<>();
        all.add(new RetainedTable("processed_event", "handled_at", config.retention().processedEvents()));
        config.retention().tables().forEach((table, t) -> all.add(new RetainedTable(table, t.column(), t.keep())));
        this.tables = List.copyOf(all);
    }

    @Scheduled(every = "${rapport.retention.period:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!enabled) {
            return;
        }
        for (RetainedTable table : tables) {
            try {
                long deleted = sweep.sweep(table);
                registry.counter("rapport.retention.deleted", "table", table.table()).increment(deleted);
                if (deleted > 0) {
                    Log.infof("Retention: deleted %d rows of %s older than %s", deleted, table.table(), table.keep());
                }
            } catch (Exception e) {
                Log.warnf("Retention of %s failed, tried again next period: %s", table.table(), e.toString());
            }
        }
    }
}
