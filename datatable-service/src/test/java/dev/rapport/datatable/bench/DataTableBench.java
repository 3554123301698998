package dev.rapport.datatable.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.Roles;
import dev.rapport.testkit.TestKafka;
import dev.rapport.testkit.TestPostgres;
import dev.rapport.testkit.TestTokens;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark of datatable-service (not a test): imports a generated CSV of N rows through the import job API and
 * prints rows per second and the service's peak memory; then looks rows up by key at a fixed rate through the API and,
 * in the same run against the same database, by a direct JDBC primary-key select, and prints the latency ratio.
 * Run: {@code ./mvnw -B -pl datatable-service -Pbench -DskipTests verify} (README.md, "Benchmark").
 */
public final class DataTableBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE_HEAP = "256m";

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        TestPostgres pg = TestPostgres.get();
        String dbUrl = pg.newDatabase("bench");
        try (TestKafka kafka = TestKafka.start();
             DataTableServiceProcess service = DataTableServiceProcess.start(jar, Map.of(
                     "QUARKUS_DATASOURCE_JDBC_URL", dbUrl, "QUARKUS_DATASOURCE_USERNAME", pg.user(),
                     "DB_PASSWORD", pg.password().isEmpty() ? "unused" : pg.password(),
                     "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                     "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.get().publicKeyLocation(),
                     "MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER), SERVICE_HEAP)) {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
            String admin = TestTokens.get().bearer("bench-admin", Roles.ADMIN);
            String base = service.baseUrl() + "/api/v2/flows/datatables";
            System.out.printf("%n== datatable-service benchmark: %d rows, service -Xmx%s, %d cores ==%n", rows,
                    SERVICE_HEAP, Runtime.getRuntime().availableProcessors());

            String tableId = send(http, "POST", base, admin, """
                    {"name": "Bench", "schema": {"properties": {"key": {"title": "ANI"},
                      "CustomerName": {"type": "string"}, "CaseStatus": {"type": "string"},
                      "Visits": {"type": "integer"}, "Balance": {"type": "number"}, "Vip": {"type": "boolean"},
                      "KBURL": {"type": "string"}}}}""").path("id").asText();
            Path csv = generate(rows);
            System.out.printf("CSV: %,d rows, %,d bytes%n", rows, Files.size(csv));

            JsonNode job = send(http, "POST", base + "/" + tableId + "/import/csv/jobs", admin,
                    "{\"importMode\": \"Append\"}");
            long start = System.nanoTime();
            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(job.path("uploadURI").asText()))
                    .header("Authorization", admin).header("Content-Type", "text/csv")
                    .PUT(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            if (upload.statusCode() != 202) {
                throw new IllegalStateException("upload refused: " + upload.statusCode() + " " + upload.body());
            }
            double uploaded = (System.nanoTime() - start) / 1e9;
            long peakHeap = 0;
            JsonNode state;
            do {
                Thread.sleep(500);
                state = send(http, "GET", service.baseUrl() + job.path("selfUri").asText(), admin, null);
                peakHeap = Math.max(peakHeap, heapUsed(http, service.baseUrl()));
                System.out.printf("  %-10s %,9d records  %3s%%  heap %,d MB  rss %,d MB%n", state.path("status").asText(),
                        state.path("countRecordsProcessed").asLong(), state.path("progress").path("percent").asText(),
                        peakHeap >> 20, service.residentBytes() >> 20);
            } while (state.path("status").asText().equals("Processing"));
            double total = (System.nanoTime() - start) / 1e9;
            Files.deleteIfExists(csv);
            if (!state.path("status").asText().equals("Succeeded") || state.path("countRecordsAdded").asLong() != rows) {
                throw new IllegalStateException("import did not add every row: " + state);
            }
            System.out.printf("IMPORT: %,d rows in %.1f s (upload %.1f s) = %,.0f rows/s; service peak heap used %,d MB"
                            + " (max %s), peak RSS %,d MB%n", rows, total, uploaded, rows / total, peakHeap >> 20,
                    SERVICE_HEAP, service.peakResidentBytes() >> 20);

            lookups(http, base + "/" + tableId + "/rows/", dbUrl, pg, tableId, rows, rate, seconds);
        }
        System.exit(0);
    }

    private static void lookups(HttpClient http, String rowsUrl, String dbUrl, TestPostgres pg, String tableId,
                                int rows, int rate, int seconds) throws Exception {
        String service = TestTokens.get().bearer("action-service", Roles.SERVICE);
        ExecutorService dispatch = Executors.newFixedThreadPool(2);
        ExecutorService jdbcPool = Executors.newFixedThreadPool(8);
        ThreadLocal<PreparedStatement> select = ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(dbUrl, pg.user(), pg.password());
                return c.prepareStatement("SELECT row_values::text FROM datatable_row WHERE table_id = ? AND row_key = ?");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        java.util.function.IntFunction<CompletableFuture<?>> api = i -> http.sendAsync(HttpRequest.newBuilder(
                        URI.create(rowsUrl + key(ThreadLocalRandom.current().nextInt(rows)) + "?showbrief=false"))
                .header("Authorization", service).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode());
                    }
                    return r;
                });
        java.util.function.IntFunction<CompletableFuture<?>> jdbc = i -> CompletableFuture.supplyAsync(() -> {
            try {
                PreparedStatement ps = select.get();
                ps.setString(1, tableId);
                ps.setString(2, key(ThreadLocalRandom.current().nextInt(rows)));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("row missing");
                    }
                    return rs.getString(1);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, jdbcPool);
        int warmup = Math.max(3, seconds / 4);
        FixedRate.run("warm-up api", rate, warmup, dispatch, api);
        FixedRate.run("warm-up jdbc", rate, warmup, dispatch, jdbc);
        FixedRate.Result direct = FixedRate.run("jdbc primary-key select", rate, seconds, dispatch, jdbc);
        FixedRate.Result viaApi = FixedRate.run("GET row via API", rate, seconds, dispatch, api);
        System.out.printf("LOOKUPS at %d/s for %d s, open loop, random keys:%n  %s%n  %s%n", rate, seconds,
                direct.summary(), viaApi.summary());
        System.out.printf("RATIO api/jdbc: p50 %.1fx  p90 %.1fx  p99 %.1fx%n", viaApi.ms(50) / direct.ms(50),
                viaApi.ms(90) / direct.ms(90), viaApi.ms(99) / direct.ms(99));
        dispatch.shutdown();
        jdbcPool.shutdown();
    }

    static String key(int i) {
        return String.format("%010d", 7_200_000_000L + i);
    }

    private static Path generate(int rows) throws Exception {
        Path csv = Files.createTempFile("datatable-bench", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("key,CustomerName,CaseStatus,Visits,Balance,Vip,KBURL\n");
            for (int i = 0; i < rows; i++) {
                out.write(key(i) + ",\"Customer " + i + ", Jr.\",Open," + (i % 100) + "," + (i % 1000) + ".25,"
                        + (i % 2 == 0) + ",https://kb.example.com/articles/" + i + "\n");
            }
        }
        return csv;
    }

    private static long heapUsed(HttpClient http, String baseUrl) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return (long) metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static JsonNode send(HttpClient http, String method, String url, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
