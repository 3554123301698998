package dev.rapport.bench.system;

import dev.rapport.bench.report.BenchResults;
import dev.rapport.bench.report.Trend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples, over the whole run, each service's used heap (from its metrics endpoint) and the stack's total resident
 * memory (every process but the generator), every {@code interval}; at the end says per service whether the heap
 * grew (the slope of its lower envelope) and the stack's peak RSS.
 */
public final class RunWatch implements AutoCloseable {
    /** Minima over runs of this many samples make the lower envelope (30 s at the default 5 s interval). */
    static final int ENVELOPE = 6;
    private final Map<String, URI> management;
    private final ProcessMemory memory;
    private final Duration interval;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, List<Trend.Point>> heap = new LinkedHashMap<>();
    private final List<Trend.Point> rss = new ArrayList<>();
    private final long start = System.nanoTime();
    private final Thread sampler;

    /** @param management each service's health and metrics base URL, by name */
    public RunWatch(Map<String, URI> management, ProcessMemory memory, Duration interval) {
        this.management = management;
        this.memory = memory;
        this.interval = interval;
        management.keySet().forEach(name -> heap.put(name, new ArrayList<>()));
        sampler = new Thread(this::run, "bench-heap");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            sample();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        double t = (System.nanoTime() - start) / 1e9;
        for (Map.Entry<String, URI> e : management.entrySet()) {
            double mb = heapUsedMb(e.getValue());
            if (!Double.isNaN(mb)) {
                synchronized (this) {
                    heap.get(e.getKey()).add(new Trend.Point(t, mb));
                }
            }
        }
        try {
            double total = memory.sample().values().stream().filter(s -> !s.process().startsWith("bench"))
                    .mapToDouble(ProcessMemory.Sample::mb).sum();
            synchronized (this) {
                rss.add(new Trend.Point(t, total));
            }
        } catch (java.io.IOException | RuntimeException e) {
            // a process went away; the next sample counts
        }
    }

    private double heapUsedMb(URI base) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? heapUsedBytes(r.body()) / (1024.0 * 1024) : Double.NaN;
        } catch (java.io.IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** The sum of {@code jvm_memory_used_bytes} over the heap's pools, from Prometheus text; NaN when absent. */
    static double heapUsedBytes(String metrics) {
        double sum = 0;
        boolean found = false;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    /** Stops sampling (one last sample first) and adds the heap trends and the stack's RSS to {@code results}. */
    public void report(BenchResults results, double flatMbPerMinute) throws InterruptedException {
        close();
        sample();
        synchronized (this) {
            addTo(results, flatMbPerMinute);
        }
    }

    private void addTo(BenchResults results, double flatMbPerMinute) {
        for (Map.Entry<String, List<Trend.Point>> e : heap.entrySet()) {
            results.heap.add(trend(e.getKey(), e.getValue(), flatMbPerMinute));
        }
        rss.stream().max((a, b) -> Double.compare(a.value(), b.value())).ifPresent(peak ->
                results.stackRss = new BenchResults.StackRss(rss.get(0).value(), peak.value(), rss.get(rss.size() - 1).value(),
                        rss.size()));
    }

    static BenchResults.HeapTrend trend(String process, List<Trend.Point> points, double flatMbPerMinute) {
        if (points.size() < 2) {
            return new BenchResults.HeapTrend(process, points.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    flatMbPerMinute, false);
        }
        double slope = Trend.growthPerMinute(points, ENVELOPE);
        double minutes = (points.get(points.size() - 1).seconds() - points.get(0).seconds()) / 60;
        return new BenchResults.HeapTrend(process, points.size(), minutes,
                points.stream().mapToDouble(Trend.Point::value).min().orElse(Double.NaN),
                points.stream().mapToDouble(Trend.Point::value).max().orElse(Double.NaN), slope, flatMbPerMinute,
                slope < flatMbPerMinute);
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join(10_000);
    }
}
