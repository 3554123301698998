package dev.rapport.bench.system;

import dev.rapport.bench.report.BenchResults;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resident memory at idle (one sample) and the peak per process while a load runs (a sample every second). */
public final class MemoryWatch {
    private final ProcessMemory memory;
    private final Map<String, ProcessMemory.Sample> idle = new LinkedHashMap<>();
    private final Map<String, ProcessMemory.Sample> peak = new LinkedHashMap<>();
    private final Map<String, ProcessMemory.Sample> loadStart = new LinkedHashMap<>();
    private final Map<String, ProcessMemory.Sample> loadEnd = new LinkedHashMap<>();
    private volatile long loadStartNanos;
    private volatile long loadEndNanos;
    private volatile Thread sampler;

    public MemoryWatch(ProcessMemory memory) {
        this.memory = memory;
    }

    public void sampleIdle() throws IOException {
        idle.putAll(memory.sample());
    }

    public void startPeak() {
        try {
            loadStart.putAll(memory.sample());
        } catch (IOException e) {
            // no CPU figures then
        }
        loadStartNanos = System.nanoTime();
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    keepPeak(memory.sample());
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    // a process went away; keep what we have
                }
            }
        }, "bench-memory");
        t.setDaemon(true);
        sampler = t;
        t.start();
    }

    public void stopPeak() throws InterruptedException {
        Thread t = sampler;
        if (t != null) {
            t.interrupt();
            t.join(3000);
            try {
                Map<String, ProcessMemory.Sample> now = memory.sample();
                loadEndNanos = System.nanoTime();
                loadEnd.putAll(now);
                keepPeak(now);
            } catch (IOException e) {
                // keep what we have
            }
        }
    }

    private synchronized void keepPeak(Map<String, ProcessMemory.Sample> now) {
        now.forEach((name, s) -> peak.merge(name, s, (a, b) -> a.mb() >= b.mb() ? a : b));
    }

    public synchronized void report(BenchResults results) {
        for (Map.Entry<String, ProcessMemory.Sample> e : idle.entrySet()) {
            ProcessMemory.Sample p = peak.get(e.getKey());
            ProcessMemory.Sample a = loadStart.get(e.getKey());
            ProcessMemory.Sample b = loadEnd.get(e.getKey());
            double seconds = (loadEndNanos - loadStartNanos) / 1e9;
            double cpu = a == null || b == null || seconds <= 0 ? Double.NaN : (b.cpuSeconds() - a.cpuSeconds()) / seconds;
            results.memory.add(new BenchResults.Memory(e.getKey(), e.getValue().pid(), e.getValue().mb(),
                    p == null ? Double.NaN : p.mb(), cpu, e.getValue().how()));
        }
    }
}
