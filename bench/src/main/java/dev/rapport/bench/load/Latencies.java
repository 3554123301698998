package dev.rapport.bench.load;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies of one measurement, from each call's due time to its completion, in an HdrHistogram (3 significant
 * digits, nanoseconds). Safe to record from many threads. Errors and calls that never completed are counted apart:
 * they are not latencies, but a summary with any of them is not a clean result and says so.
 */
public final class Latencies {
    private final String name;
    private final Recorder recorder = new Recorder(3);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong firstDue = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastDone = new AtomicLong(Long.MIN_VALUE);
    private Histogram histogram;

    public Latencies(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** A call due at {@code dueNanos} completed at {@code doneNanos} (both System.nanoTime). */
    public void record(long dueNanos, long doneNanos) {
        recorder.recordValue(Math.max(0, doneNanos - dueNanos));
        firstDue.accumulateAndGet(dueNanos, Math::min);
        lastDone.accumulateAndGet(doneNanos, Math::max);
    }

    public void error() {
        errors.incrementAndGet();
    }

    public long errors() {
        return errors.get();
    }

    /** Closes the measurement: {@code sent} calls were made, at {@code offeredRate} per second. */
    public synchronized Summary summarize(long sent, double offeredRate) {
        if (histogram == null) {
            histogram = recorder.getIntervalHistogram();
        } else {
            histogram.add(recorder.getIntervalHistogram());
        }
        long ok = histogram.getTotalCount();
        long missing = Math.max(0, sent - ok - errors.get());
        double seconds = ok == 0 ? 0 : (lastDone.get() - firstDue.get()) / 1e9;
        return new Summary(name, offeredRate, sent, ok, errors.get(), missing,
                ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(95)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()), ok == 0 ? 0 : histogram.getMean() / 1e6,
                seconds > 0 ? ok / seconds : 0);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
