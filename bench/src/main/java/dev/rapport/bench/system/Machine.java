package dev.rapport.bench.system;

import dev.rapport.bench.report.BenchResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the run ran on: cores, memory, CPU model, and the load average (others' work on the same cores). */
public final class Machine {

    private Machine() {
    }

    public static BenchResults.Machine describe(double loadBefore) {
        return new BenchResults.Machine(Runtime.getRuntime().availableProcessors(), memTotalMb(), cpu(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), loadBefore, loadAverage());
    }

    /** How many processes of this service ./rapport started: its pid files (script-service.pid, script-service-2.pid). */
    public static int instancesOf(Path root, String service) {
        try (var files = Files.list(root.resolve(".rapport/pids"))) {
            return (int) files.map(f -> f.getFileName().toString())
                    .filter(n -> n.equals(service + ".pid") || n.matches(java.util.regex.Pattern.quote(service)
                            + "-\\d+\\.pid")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static long memTotalMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
