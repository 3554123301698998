package dev.rapport.bench.stages;

import dev.rapport.bench.client.ServerTimer;
import dev.rapport.bench.load.Measure;
import dev.rapport.bench.load.OpenLoop;
import dev.rapport.bench.load.Summary;
import dev.rapport.bench.report.BenchResults;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * Stage 3: a data table row by key, at the same rate, three ways: through the gateway, directly at
 * datatable-service, and as the primary-key select datatable-service itself runs (datatable_row, V1__datatables.sql)
 * over JDBC on the same database.
 */
public final class LookupStage {
    static final String STAGE = "3 data table lookup";
    private static final String[] KEYS = {Context.ANI, "1234"};
    private static final String SELECT = "SELECT row_values, version FROM datatable_row WHERE table_id = ? AND row_key = ?";
    private static final int CONNECTIONS = 4;
    private final Context ctx;

    public LookupStage(Context ctx) {
        this.ctx = ctx;
    }

    public void run() throws Exception {
        double rate = ctx.options().lookupRate();
        OpenLoop.Plan plan = OpenLoop.Plan.of(rate, Duration.ofSeconds(5), ctx.options().maxRequests());
        ctx.say("stage 3: data table lookups, " + plan.count() + " per path at " + rate + "/s");
        String path = "/api/v2/flows/datatables/" + ctx.tableId() + "/rows/";
        IntFunction<CompletableFuture<?>> gateway = http(ctx.api().gateway(), path);
        IntFunction<CompletableFuture<?>> direct = http(ctx.options().datatable(), path);
        ExecutorService jdbcPool = Executors.newFixedThreadPool(CONNECTIONS, r -> {
            Thread t = new Thread(r, "bench-jdbc");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(CONNECTIONS);
        List<Connection> opened = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Connection c = DriverManager.getConnection(ctx.options().jdbc(), "rapport", "rapport");
                opened.add(c);
                connections.add(c);
            }
            IntFunction<CompletableFuture<?>> jdbc = i -> CompletableFuture.runAsync(() -> select(connections, i), jdbcPool);
            for (IntFunction<CompletableFuture<?>> f : List.of(gateway, direct, jdbc)) {
                Measure.warmUp(ctx.options().warmup(), 20, f);
            }
            Summary viaGateway = Measure.run("GET row through the gateway", plan, ctx.options().drain(), gateway);
            ServerTimer requests = new ServerTimer(ctx.api().http(), ctx.options().managementOf("datatable-service"), "http_server_requests_seconds",
                    "method=\"GET\"", "uri=\"/api/v2/flows/datatables/{datatableId}/rows/{rowId}\"", "status=\"200\"");
            ServerTimer.Reading before = requests.read();
            Summary viaService = Measure.run("GET row at datatable-service", plan, ctx.options().drain(), direct);
            double inService = requests.read().meanMsSince(before);
            Summary viaJdbc = Measure.run("JDBC primary-key select (baseline)", plan, ctx.options().drain(), jdbc);
            ctx.results().add(STAGE, "GET /rows/{key}?showbrief=false through the gateway (:8080)", viaGateway);
            ctx.results().add(STAGE, "GET /rows/{key}?showbrief=false at datatable-service (:8081)", viaService);
            ctx.results().add(STAGE, "baseline: JDBC primary-key select, same database", viaJdbc);
            // Nested timers, outermost first: what the client saw, then datatable-service's own request timer.
            hop(rate, "client-observed, through the gateway", viaGateway.completed(), viaGateway.mean());
            hop(rate, "client-observed, at datatable-service", viaService.completed(), viaService.mean());
            hop(rate, "datatable-service's request timer: REST, token check, table and row read, JSON", viaService.completed(), inService);
            hop(rate, "client-observed, the JDBC primary-key select (baseline)", viaJdbc.completed(), viaJdbc.mean());
            ctx.results().compare(STAGE, viaGateway, viaJdbc);
            ctx.results().compare(STAGE, viaService, viaJdbc);
            ctx.results().compare(STAGE, viaGateway, viaService);
            ScreenPopStage.print(viaGateway);
            ScreenPopStage.print(viaService);
            ScreenPopStage.print(viaJdbc);
        } finally {
            for (Connection c : opened) {
                c.close();
            }
            jdbcPool.shutdownNow();
        }
    }

    private void hop(double rate, String what, long samples, double meanMs) {
        ctx.results().hops.add(new BenchResults.Hop(STAGE + " (timers, mean ms)", rate, what, samples, meanMs, Double.NaN));
    }

    private IntFunction<CompletableFuture<?>> http(URI base, String path) {
        return i -> ctx.api().send(ctx.api().request("GET", base.resolve(path + KEYS[i % KEYS.length] + "?showbrief=false"),
                ctx.tokens().admin(), null));
    }

    private void select(BlockingQueue<Connection> connections, int i) {
        Connection c = null;
        try {
            c = connections.take();
            try (PreparedStatement s = c.prepareStatement(SELECT)) {
                s.setString(1, ctx.tableId());
                s.setString(2, KEYS[i % KEYS.length]);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) {
                        throw new IllegalStateException("no row " + KEYS[i % KEYS.length]);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (c != null) {
                connections.add(c);
            }
        }
    }
}
