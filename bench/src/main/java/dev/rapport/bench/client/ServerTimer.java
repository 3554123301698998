package dev.rapport.bench.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A timer a service keeps in its /q/metrics (Prometheus text): the {@code _sum} and {@code _count} of the series
 * whose name and labels contain the given pieces. Read before and after a measurement, the difference gives the mean
 * time the service itself saw per call, so a client-side latency can be split into "in the service" and "around it".
 */
public final class ServerTimer {
    private final HttpClient http;
    private final URI metrics;
    private final String name;
    private final String[] labels;

    /** A reading: seconds summed and calls counted so far. */
    public record Reading(double sum, double count) {
        /** Mean milliseconds per call between {@code before} and this reading; NaN without calls. */
        public double meanMsSince(Reading before) {
            double n = count - before.count;
            return n > 0 ? (sum - before.sum) / n * 1000 : Double.NaN;
        }
    }

    /** @param management the service's health and metrics base URL */
    public ServerTimer(HttpClient http, URI management, String name, String... labels) {
        this.http = http;
        this.metrics = management.resolve("/q/metrics");
        this.name = name;
        this.labels = labels;
    }

    public Reading read() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return parse(r.body());
        } catch (Exception e) {
            return new Reading(Double.NaN, Double.NaN);
        }
    }

    Reading parse(String text) {
        double sum = 0;
        double count = 0;
        for (String line : text.split("\n")) {
            boolean isSum = line.startsWith(name + "_sum{");
            boolean isCount = line.startsWith(name + "_count{");
            if (!(isSum || isCount) || !matches(line)) {
                continue;
            }
            double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            if (isSum) {
                sum += v;
            } else {
                count += v;
            }
        }
        return new Reading(sum, count);
    }

    private boolean matches(String line) {
        for (String l : labels) {
            if (!line.contains(l)) {
                return false;
            }
        }
        return true;
    }
}
