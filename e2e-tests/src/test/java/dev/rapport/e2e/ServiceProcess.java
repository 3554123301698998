package dev.rapport.e2e;

import dev.rapport.contract.Roles;
import dev.rapport.testkit.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged Rapport service running as its own process, as `./rapport up` runs it. */
final class ServiceProcess implements AutoCloseable {
    private static final Path ROOT = Path.of(System.getProperty("rapport.root", ".."));

    private final String name;
    private final String logName;
    private final int port;
    /** Health, metrics and OpenAPI are on the management interface (loopback), not on the API port. */
    private final int managementPort = freePort();
    private final Map<String, String> env;
    private final List<String> systemProperties;
    private Process process;

    ServiceProcess(String name, Map<String, String> env, List<String> systemProperties) {
        this(name, freePort(), env, systemProperties);
    }

    ServiceProcess(String name, int port, Map<String, String> env, List<String> systemProperties) {
        this(name, name, port, env, systemProperties);
    }

    /** {@code logName}: the log file's name when several instances of one service run. */
    ServiceProcess(String name, String logName, int port, Map<String, String> env, List<String> systemProperties) {
        this.name = name;
        this.logName = logName;
        this.port = port;
        this.env = env;
        this.systemProperties = systemProperties;
    }

    ServiceProcess start() {
        Path jar = ROOT.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                name.equals("gateway") ? "-Xmx192m" : "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m"));
        command.addAll(systemProperties);
        command.add("-jar");
        command.add(jar.toString());
        try {
            Path logs = ROOT.resolve("e2e-tests/target/e2e-logs");
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(logName + ".log").toFile()));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            builder.environment().put("RAPPORT_LOG_JSON", "false");
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        awaitReady(Duration.ofSeconds(90));
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + (path.startsWith("/q/") ? managementPort : port) + path);
    }

    /** SIGKILL: the process gets no chance to commit offsets or close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGSTOP or SIGCONT: a process frozen past its Kafka session timeout comes back as a zombie. */
    void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + logName + " exited with " + exit);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int managementPort() {
        return managementPort;
    }

    /** Asks the process to stop (SIGTERM: a clean Quarkus shutdown) without waiting; {@link #close()} waits. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /**
     * SIGKILL and wait, for a teardown once a test is over: a clean shutdown takes 5 to 8 s per process (its Kafka
     * consumers leave their groups) and nothing after a test looks at it; the broker and database go right after.
     */
    void discard() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Starts every process at once (JVM start-ups overlap) and returns when all are ready; fails if any fails. */
    static void startAll(List<ServiceProcess> processes) {
        List<java.util.concurrent.CompletableFuture<ServiceProcess>> starting = processes.stream()
                .map(p -> java.util.concurrent.CompletableFuture.supplyAsync(p::start, STARTER)).toList();
        IllegalStateException failed = null;
        for (var s : starting) {
            try {
                s.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (failed == null) {
                    failed = new IllegalStateException("a service did not start", e.getCause());
                } else {
                    failed.addSuppressed(e.getCause());
                }
            }
        }
        if (failed != null) {
            for (ServiceProcess p : processes) {
                try {
                    p.discard();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw failed;
        }
    }

    private static final java.util.concurrent.ExecutorService STARTER = java.util.concurrent.Executors
            .newCachedThreadPool(r -> {
                Thread t = new Thread(r, "service-starter");
                t.setDaemon(true);
                return t;
            });

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + TestTokens.get().issue("e2e-supervisor",
                                Map.of("aud", "rapport"), Roles.SUPERVISOR)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + "; see e2e-tests/target/e2e-logs/" + logName + ".log");
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready within " + timeout);
    }

    int port() {
        return port;
    }

    /**
     * A port free now and never handed out before in this JVM: the OS may give a just-closed port again, and with the
     * services starting at once two of them once got the same one (a management port: "Address already in use").
     */
    static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (GIVEN_PORTS.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final java.util.Set<Integer> GIVEN_PORTS = java.util.concurrent.ConcurrentHashMap.newKeySet();
}
