package dev.rapport.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Rapport's infrastructure in one JVM: a real PostgreSQL server and a real Kafka broker (KRaft), both from
 * Maven Central artifacts, with their data in one folder that survives restarts. Prints
 * {@code RAPPORT-INFRA READY postgres=<jdbc base> kafka=<bootstrap>} once both accept connections, and stops both
 * on SIGTERM or SIGINT. Broker and server logs go to {@code <data>/logs}, not to the console.
 */
public final class RapportInfra implements AutoCloseable {
    public static final String READY = "RAPPORT-INFRA READY";
    public static final String FAILED = "RAPPORT-INFRA FAILED";

    private final InfraSettings settings;
    private LocalPostgres postgres;
    private LocalKafka kafka;

    private RapportInfra(InfraSettings settings) {
        this.settings = settings;
    }

    /** Starts what the settings ask for; on failure stops what had started and throws. */
    public static RapportInfra start(InfraSettings settings) throws Exception {
        RapportInfra infra = new RapportInfra(settings);
        try {
            Files.createDirectories(settings.logsDir());
            if (settings.kafka()) {
                checkPortFree(settings.host(), settings.kafkaPort());
                checkPortFree(settings.host(), settings.controllerPort());
            }
            if (settings.postgres()) {
                long t0 = System.nanoTime();
                infra.postgres = LocalPostgres.start(settings);
                say("postgres: PostgreSQL " + infra.postgres.version() + " on " + settings.jdbcBase() + " (data "
                        + settings.dataDir().resolve("postgres") + ", role " + settings.dbUser() + ") in " + since(t0));
            }
            if (settings.kafka()) {
                long t0 = System.nanoTime();
                infra.kafka = LocalKafka.start(settings);
                say("kafka: Apache Kafka broker (KRaft, cluster " + infra.kafka.clusterId() + ") on "
                        + settings.bootstrapServers() + " (data " + settings.dataDir().resolve("kafka") + ") in " + since(t0));
            }
            return infra;
        } catch (Exception | Error e) {
            infra.close();
            throw e;
        }
    }

    /** The line a script waits for. */
    public String readyLine() {
        return READY + " postgres=" + (postgres == null ? "none" : settings.jdbcBase())
                + " kafka=" + (kafka == null ? "none" : settings.bootstrapServers());
    }

    /** Stops the broker, then the database server; safe to call more than once. */
    @Override
    public synchronized void close() {
        List<Exception> failures = new ArrayList<>();
        if (kafka != null) {
            try {
                kafka.close();
            } catch (Exception e) {
                failures.add(e);
            }
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                failures.add(e);
            }
            postgres = null;
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("stopping the infrastructure failed");
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        InfraSettings settings;
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                System.out.print(InfraSettings.USAGE);
                return;
            }
            settings = InfraSettings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(InfraSettings.USAGE);
            System.exit(2);
            return;
        }
        // Read by log4j2.xml; set before the first logger exists.
        System.setProperty("rapport.logs.dir", settings.logsDir().toAbsolutePath().toString());

        long t0 = System.nanoTime();
        RapportInfra infra;
        try {
            infra = start(settings);
        } catch (Exception e) {
            System.out.println(FAILED + " " + e.getMessage() + " (logs in " + settings.logsDir() + ")");
            if (!(e instanceof IllegalStateException)) {
                e.printStackTrace(System.out);
            }
            shutdownLogging();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping");
            try {
                infra.close();
                say("RAPPORT-INFRA STOPPED");
            } catch (RuntimeException e) {
                say("stopping failed: " + e.getMessage());
            } finally {
                shutdownLogging();
                stopped.countDown();
            }
        }, "rapport-infra-stop"));
        say("started in " + since(t0));
        System.out.println(infra.readyLine());
        stopped.await();
    }

    static void checkPortFree(String host, int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + host + ":" + port + " is in use: is Rapport already running"
                    + " (./rapport down)? Otherwise choose another port", e);
        }
    }

    private static void shutdownLogging() {
        try {
            org.apache.logging.log4j.LogManager.shutdown();
        } catch (RuntimeException | LinkageError ignored) {
            // logging is best effort at exit
        }
    }

    private static String since(long t0) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9);
    }

    private static void say(String line) {
        System.out.println("rapport-infra: " + line);
    }
}
