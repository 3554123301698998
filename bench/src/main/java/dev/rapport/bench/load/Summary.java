package dev.rapport.bench.load;

/**
 * One measurement, closed: latencies in milliseconds from the due time; {@code throughput} = completed calls per
 * second between the first due time and the last completion (what the system sustained, against {@code offeredRate}).
 */
public record Summary(String name, double offeredRate, long sent, long completed, long errors, long missing,
                      double p50, double p95, double p99, double max, double mean, double throughput) {

    /** No error and nothing missing. */
    public boolean clean() {
        return errors == 0 && missing == 0 && completed > 0;
    }

    /** this / baseline at the median and at p99 (NaN without a baseline). */
    public double ratioP50(Summary baseline) {
        return ratio(p50, baseline.p50);
    }

    public double ratioP99(Summary baseline) {
        return ratio(p99, baseline.p99);
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }
}
