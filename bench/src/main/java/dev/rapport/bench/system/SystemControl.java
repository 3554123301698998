package dev.rapport.bench.system;

import dev.rapport.bench.report.BenchResults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the system is up, its start time as ./rapport bench measured it, and stopping it ({@code ./rapport down})
 * when the bench started it.
 */
public final class SystemControl {
    private static final Pattern HEALTHY = Pattern.compile("all healthy in (\\d+) s");
    private static final Pattern TOOK = Pattern.compile("up --detach took (\\d+) ms");
    private final Path root;
    private final java.util.Collection<URI> management;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param management each service's health and metrics base URL */
    public SystemControl(Path root, java.util.Collection<URI> management) {
        this.root = root;
        this.management = List.copyOf(management);
    }

    /** Every service answers 200 on /q/health/ready (on its management port). */
    public boolean healthy() {
        for (URI base : management) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * The start as ./rapport bench ran it ({@code ./rapport up --detach}, its output kept in {@code log}): the
     * "all healthy in N s" it printed and the command's own wall time.
     */
    public static BenchResults.Startup startupFromLog(String log) {
        Matcher took = TOOK.matcher(log);
        double wall = took.find() ? Long.parseLong(took.group(1)) / 1000.0 : Double.NaN;
        return new BenchResults.Startup(healthySeconds(log), wall, String.format(java.util.Locale.ROOT,
                "./rapport up --detach run by ./rapport bench; the command took %.0f s in all, with the demo check", wall));
    }

    public void down() throws IOException, InterruptedException {
        run("down");
    }

    /** The "all healthy in N s" that ./rapport up prints; NaN when absent. */
    public static double healthySeconds(String output) {
        Matcher m = HEALTHY.matcher(output);
        double found = Double.NaN;
        while (m.find()) {
            found = Double.parseDouble(m.group(1));
        }
        return found;
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("rapport").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println("  " + line);
                out.append(line).append('\n');
            }
        }
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException("./rapport " + String.join(" ", args) + " failed (exit " + code + ")");
        }
        return out.toString();
    }
}
