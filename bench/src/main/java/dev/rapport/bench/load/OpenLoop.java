package dev.rapport.bench.load;

import java.time.Duration;

/**
 * Fires calls at a fixed arrival rate, open loop: call i is due at start + i/rate whatever became of the calls before
 * it. A call only starts asynchronous work and returns; its latency is measured from its due time (passed to it), so a
 * stalled system shows in the numbers instead of silently slowing the load (coordinated omission). When this thread
 * itself falls behind, calls fire late but keep their due times; {@link Fired#maxLagNanos} says by how much and
 * {@link Fired#late} how many calls fired more than {@link #LATE_NANOS} after their due time: when that is more than a
 * few, the generator, not the system, set the pace.
 */
public final class OpenLoop {
    /** A call fired more than this after its due time is late (5 ms: five calls' worth at 1,000/s). */
    public static final long LATE_NANOS = 5_000_000;

    /** Time source and sleep, so the schedule can be tested without waiting. */
    public interface Clock {
        long nanoTime();

        void sleepUntil(long nanoTime) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepUntil(long nanoTime) throws InterruptedException {
                long wait = nanoTime - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        };
    }

    /** Starts call number {@code index}, due at {@code dueNanos} (System.nanoTime scale). Must not block. */
    @FunctionalInterface
    public interface Call {
        void fire(int index, long dueNanos);
    }

    /** A bounded plan: {@code count} calls at {@code rate} per second. */
    public record Plan(double rate, int count) {
        public Plan {
            if (!(rate > 0) || count < 0) {
                throw new IllegalArgumentException("rate must be > 0 and count >= 0, not " + rate + ", " + count);
            }
        }

        /** As many calls as {@code duration} holds at {@code rate}, at most {@code maxCount}. */
        public static Plan of(double rate, Duration duration, int maxCount) {
            long count = Math.round(rate * duration.toNanos() / 1e9);
            return new Plan(rate, (int) Math.min(count, maxCount));
        }

        /** Offset of call i from the start; computed from i (not by adding intervals), so it never drifts. */
        public long offsetNanos(long index) {
            return Math.round(index * 1e9 / rate);
        }

        public Duration duration() {
            return Duration.ofNanos(offsetNanos(count));
        }
    }

    /**
     * What was fired: the count, when the first call was due, how late the generator was at worst, and how many calls
     * fired more than {@link #LATE_NANOS} after their due time.
     */
    public record Fired(int count, long startNanos, long maxLagNanos, int late) {
        /** The share of calls that fired late; 0 without calls. */
        public double lateShare() {
            return count == 0 ? 0 : (double) late / count;
        }
    }

    private OpenLoop() {
    }

    public static Fired run(Plan plan, Clock clock, Call call) throws InterruptedException {
        long start = clock.nanoTime();
        long maxLag = 0;
        int late = 0;
        for (int i = 0; i < plan.count(); i++) {
            long due = start + plan.offsetNanos(i);
            clock.sleepUntil(due);
            long lag = clock.nanoTime() - due;
            maxLag = Math.max(maxLag, lag);
            late += lag > LATE_NANOS ? 1 : 0;
            call.fire(i, due);
        }
        return new Fired(plan.count(), start, maxLag, late);
    }

    public static Fired run(Plan plan, Call call) throws InterruptedException {
        return run(plan, Clock.SYSTEM, call);
    }
}
