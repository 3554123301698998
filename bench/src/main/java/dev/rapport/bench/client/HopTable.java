package dev.rapport.bench.client;

import dev.rapport.bench.report.BenchResults;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.DoubleHistogram;

/**
 * Turns per-interaction timelines into hops: for points p0..pn (epoch ms, the first and last taken by the bench
 * itself, those between from record timestamps), hop i is p(i+1) - p(i), summarised over the interactions where both
 * points were seen. Negative differences (ms rounding of record timestamps) count as 0.
 */
public final class HopTable {

    private HopTable() {
    }

    public static List<BenchResults.Hop> hops(String stage, double rate, List<String> points, List<double[]> timelines) {
        List<BenchResults.Hop> hops = new ArrayList<>();
        for (int i = 0; i + 1 < points.size(); i++) {
            DoubleHistogram h = new DoubleHistogram(3);
            for (double[] t : timelines) {
                if (t[i] >= 0 && t[i + 1] >= 0) {
                    h.recordValue(Math.max(0, t[i + 1] - t[i]));
                }
            }
            long n = h.getTotalCount();
            hops.add(new BenchResults.Hop(stage, rate, points.get(i) + " → " + points.get(i + 1), n,
                    n == 0 ? Double.NaN : h.getValueAtPercentile(50), n == 0 ? Double.NaN : h.getValueAtPercentile(95)));
        }
        return hops;
    }
}
