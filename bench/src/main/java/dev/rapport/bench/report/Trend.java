package dev.rapport.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a series (heap used over the run) grows: the least-squares slope of its lower envelope. A JVM heap is a
 * sawtooth (allocation, then a collection); what is left after the collections, the minima, is what a leak raises.
 */
public final class Trend {

    /** One sample: seconds since the start, value (MB). */
    public record Point(double seconds, double value) {
    }

    private Trend() {
    }

    /** Least-squares slope of {@code points} per second; NaN with fewer than 2 distinct times. */
    public static double slopePerSecond(List<Point> points) {
        int n = points.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mx = points.stream().mapToDouble(Point::seconds).average().orElse(0);
        double my = points.stream().mapToDouble(Point::value).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (Point p : points) {
            sxy += (p.seconds() - mx) * (p.value() - my);
            sxx += (p.seconds() - mx) * (p.seconds() - mx);
        }
        return sxx > 0 ? sxy / sxx : Double.NaN;
    }

    /**
     * The minimum of each run of {@code window} consecutive samples (a last, shorter run included when it holds at
     * least half a window); all samples when that leaves fewer than 3 points.
     */
    public static List<Point> lowerEnvelope(List<Point> points, int window) {
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i += window) {
            List<Point> run = points.subList(i, Math.min(points.size(), i + window));
            if (run.size() * 2 < window && !out.isEmpty()) {
                break;
            }
            out.add(run.stream().min((a, b) -> Double.compare(a.value(), b.value())).orElseThrow());
        }
        return out.size() < 3 ? List.copyOf(points) : out;
    }

    /** Slope of the lower envelope, per minute. */
    public static double growthPerMinute(List<Point> points, int window) {
        return slopePerSecond(lowerEnvelope(points, window)) * 60;
    }
}
