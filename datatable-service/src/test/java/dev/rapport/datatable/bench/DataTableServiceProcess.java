package dev.rapport.datatable.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The packaged datatable-service run as its own process, as in production, with its memory watched. */
final class DataTableServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private DataTableServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static DataTableServiceProcess start(Path jar, Map<String, String> env, String heap)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("datatable-bench-service", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of("java", "-Xmx" + heap, "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port, "-Dquarkus.log.console.json.enabled=false", "-jar", jar.toString()));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        DataTableServiceProcess service = new DataTableServiceProcess(pb.start(), port, log);
        service.awaitReady(Duration.ofSeconds(120));
        return service;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Peak resident memory of the process so far (Linux VmHWM), in bytes; -1 elsewhere. */
    long peakResidentBytes() {
        return procStatus("VmHWM:");
    }

    long residentBytes() {
        return procStatus("VmRSS:");
    }

    private long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("datatable-service exited; its log: " + log + "\n"
                        + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("datatable-service not ready within " + timeout + "; its log: " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
