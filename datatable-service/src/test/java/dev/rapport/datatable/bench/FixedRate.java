package dev.rapport.datatable.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-loop load at a constant rate: request i is due at start + i/rate whatever happened to the others, and its
 * latency is measured from that due time, so a stall shows in the numbers instead of silently slowing the load
 * (coordinated omission).
 */
final class FixedRate {

    record Result(String name, Histogram latencies, long errors, double seconds) {
        String summary() {
            return String.format("%-22s %6d requests in %.1f s, errors %d, latency ms: p50 %.2f  p90 %.2f  p99 %.2f"
                            + "  p99.9 %.2f  max %.2f", name, latencies.getTotalCount(), seconds, errors,
                    ms(50), ms(90), ms(99), ms(99.9), latencies.getMaxValue() / 1e6);
        }

        double ms(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1e6;
        }
    }

    /** @param call starts request number i and completes when it is answered (exceptionally on an error) */
    static Result run(String name, int rate, int seconds, ExecutorService pool, IntFunction<CompletableFuture<?>> call)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        int total = rate * seconds;
        CountDownLatch done = new CountDownLatch(total);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            pool.execute(() -> call.apply(n).whenComplete((ok, error) -> {
                recorder.recordValue(Math.max(0, System.nanoTime() - due));
                if (error != null) {
                    errors.incrementAndGet();
                }
                done.countDown();
            }));
        }
        if (!done.await(seconds + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": requests still unanswered a minute after the run");
        }
        return new Result(name, recorder.getIntervalHistogram(), errors.get(), (System.nanoTime() - start) / 1e9);
    }
}
