package dev.rapport.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of gateway processes, as compose puts it in front of scaled gateways: round robin,
 * a gateway taken out when its readiness fails, a request that could not connect sent to another, streams kept open.
 */
final class LoadBalancer implements AutoCloseable {
    private static final Path BINARY = Path.of(System.getenv().getOrDefault("HAPROXY_PATH", "/usr/sbin/haproxy"));

    /** One gateway: its API port and its management port (readiness). */
    record Backend(int port, int managementPort) {
    }

    private final int port;
    private final Process process;

    LoadBalancer(int port, List<Backend> backends) throws IOException {
        this.port = port;
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's haproxy (.ci/run does)");
        }
        StringBuilder config = new StringBuilder("""
                global
                  maxconn 4096
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  timeout tunnel 1h
                  retries 3
                  option redispatch
                  retry-on conn-failure empty-response response-timeout 503
                frontend rapport
                """);
        config.append("  bind 127.0.0.1:").append(port).append('\n').append("""
                  default_backend gateways
                backend gateways
                  balance roundrobin
                  option httpchk GET /q/health/ready
                  http-check expect status 200
                """);
        for (int i = 0; i < backends.size(); i++) {
            Backend b = backends.get(i);
            config.append("  server gateway").append(i + 1).append(" 127.0.0.1:").append(b.port())
                    .append(" check port ").append(b.managementPort()).append(" inter 500 fall 2 rise 2\n");
        }
        Path logs = RapportSystem.ROOT.resolve("e2e-tests/target/e2e-logs");
        Files.createDirectories(logs);
        Path file = logs.resolve("haproxy-" + port + ".cfg");
        Files.writeString(file, config);
        process = new ProcessBuilder(BINARY.toString(), "-db", "-f", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("haproxy.log").toFile()))
                .start();
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
