package dev.rapport.bench.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** A request/response measurement: open-loop calls, each completing a future; latency from due time to completion. */
public final class Measure {

    private Measure() {
    }

    /**
     * Fires {@code plan}'s calls; waits at most {@code drain} after the last for the answers still out; what never
     * answered counts as missing.
     */
    public static Summary run(String name, OpenLoop.Plan plan, Duration drain, IntFunction<CompletableFuture<?>> call)
            throws InterruptedException {
        Latencies latencies = new Latencies(name);
        CountDownLatch done = new CountDownLatch(plan.count());
        OpenLoop.run(plan, (i, due) -> {
            CompletableFuture<?> f;
            try {
                f = call.apply(i);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((ok, error) -> {
                if (error == null) {
                    latencies.record(due, System.nanoTime());
                } else {
                    latencies.error();
                    LastError.note(name, error);
                }
                done.countDown();
            });
        });
        done.await(drain.toMillis(), TimeUnit.MILLISECONDS);
        return latencies.summarize(plan.count(), plan.rate());
    }

    /** Unrecorded load at a low rate, so the first measured calls do not pay for class loading and connections. */
    public static void warmUp(Duration duration, double rate, IntFunction<CompletableFuture<?>> call)
            throws InterruptedException {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        run("warm-up", OpenLoop.Plan.of(rate, duration, 10_000), Duration.ofSeconds(10), call);
    }
}
