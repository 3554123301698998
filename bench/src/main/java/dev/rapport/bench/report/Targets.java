package dev.rapport.bench.report;

import dev.rapport.bench.load.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets of issue "Sessions at scale", each checked against its measurement and, where it has one, its baseline
 * measured in the same run at the same rate: PASS or FAIL (SKIP when the run did not measure it), and whether the
 * load generator kept its schedule (OK or WARN: then the generator, not the system, may be the limit).
 */
public final class Targets {
    public static final String SCREEN_POP_STAGE = "1 screen pop";
    public static final String SCREEN_POP = "screen pop (session with script) on the stream";
    public static final String KAFKA_BASELINE = "baseline: raw Kafka produce → consume";
    public static final String ACTION_STAGE = "2 agent action";
    public static final String ALERT = "setVariable + click Submit → session with the alert on the stream";
    public static final String DIRECT_PUT = "baseline: the same row PUT, direct to datatable-service";

    /** The limits; {@link #DEFAULT} are the issue's. */
    public record Limits(double rate, double popOverKafkaP99, double cpuMsPerCall, double alertOverPutP99,
                         double rssMb, double generatorShare, double lateShare) {
        public static final Limits DEFAULT = new Limits(1000, 3, 2, 2, 1024, 0.40, 0.01);

        public Limits atRate(double r) {
            return new Limits(r, popOverKafkaP99, cpuMsPerCall, alertOverPutP99, rssMb, generatorShare, lateShare);
        }
    }

    private Targets() {
    }

    /** A measurement kept up with its offered rate: nothing lost or failed, and 90% of the rate completed per second. */
    public static boolean sustained(Summary s) {
        return s.clean() && s.throughput() >= 0.9 * s.offeredRate();
    }

    public static List<BenchResults.Target> evaluate(BenchResults r, Limits l) {
        List<BenchResults.Target> out = new ArrayList<>();
        String at = rate(l.rate()) + "/s";
        Optional<Summary> pop = find(r, SCREEN_POP_STAGE, SCREEN_POP, l.rate());
        Optional<Summary> kafka = find(r, SCREEN_POP_STAGE, KAFKA_BASELINE, l.rate());
        String sustainedTarget = "screen pop sustained at " + at + ", 0 lost";
        if (pop.isEmpty()) {
            out.add(skip(sustainedTarget, "not measured at " + at + " (--rates)"));
        } else {
            Summary s = pop.get();
            out.add(verdict(sustained(s), sustainedTarget, String.format(Locale.ROOT,
                    "sent %d, popped %d, lost %d, errors %d, %.0f/s completed", s.sent(), s.completed(), s.missing(),
                    s.errors(), s.throughput())));
        }
        String p99Target = String.format(Locale.ROOT, "screen pop p99 <= %sx Kafka round trip p99 at %s",
                rate(l.popOverKafkaP99()), at);
        if (pop.isEmpty() || kafka.isEmpty()) {
            out.add(skip(p99Target, "not measured at " + at));
        } else {
            out.add(ratio(p99Target, pop.get(), kafka.get(), l.popOverKafkaP99(), "Kafka"));
        }
        String cpuTarget = String.format(Locale.ROOT, "CPU per call <= %s ms (services, broker, database) at %s",
                rate(l.cpuMsPerCall()), at);
        Optional<BenchResults.CpuPerCall> cpu = r.cpu.stream()
                .filter(c -> c.stage().equals(SCREEN_POP_STAGE) && c.rate() == l.rate()).findFirst();
        if (cpu.isEmpty()) {
            out.add(skip(cpuTarget, "not measured at " + at));
        } else {
            BenchResults.CpuPerCall c = cpu.get();
            if (pop.isPresent() && !sustained(pop.get()) && pop.get().throughput() > 0) {
                // Not kept up with: the calls offered in the window were not all done in it, so the CPU is judged
                // per call completed (the cores busy over the rate completed); per call offered is a lower bound.
                double perCompleted = c.stackCores() * 1000 / pop.get().throughput();
                out.add(verdict(perCompleted <= l.cpuMsPerCall(), cpuTarget, String.format(Locale.ROOT,
                        "%.2f ms per call completed (%.2f cores busy, %.0f/s completed); not sustained, so per offered "
                                + "call (%.2f ms, %.1f CPU s for %d calls in a %.0f s window) is a lower bound; "
                                + "generator %.2f ms per call", perCompleted, c.stackCores(), pop.get().throughput(),
                        c.stackMsPerCall(), c.stackCpuSeconds(), c.calls(), c.windowSeconds(),
                        c.generatorMsPerCall())));
            } else {
                out.add(verdict(c.stackMsPerCall() <= l.cpuMsPerCall(), cpuTarget, String.format(Locale.ROOT,
                        "%.2f ms (%.1f CPU s for %d calls in a %.0f s window, %.2f cores busy); generator %.2f ms per "
                                + "call", c.stackMsPerCall(), c.stackCpuSeconds(), c.calls(), c.windowSeconds(),
                        c.stackCores(), c.generatorMsPerCall())));
            }
        }
        String alertTarget = String.format(Locale.ROOT, "Submit → alert p99 <= %sx direct row PUT p99",
                rate(l.alertOverPutP99()));
        Optional<Summary> alert = find(r, ACTION_STAGE, ALERT, Double.NaN);
        Optional<Summary> put = find(r, ACTION_STAGE, DIRECT_PUT, Double.NaN);
        if (alert.isEmpty() || put.isEmpty()) {
            out.add(skip(alertTarget, "stage 2 not measured"));
        } else {
            out.add(ratio(alertTarget, alert.get(), put.get(), l.alertOverPutP99(), "PUT"));
        }
        if (r.heap.isEmpty()) {
            out.add(skip("heap flat", "no heap samples"));
        }
        for (BenchResults.HeapTrend h : r.heap) {
            String target = "heap flat: " + h.process();
            if (h.samples() < 2) {
                out.add(skip(target, "no heap samples from its metrics endpoint (--management-urls)"));
            } else {
                out.add(verdict(h.flat(), target, String.format(Locale.ROOT,
                        "%+.2f MB/min (limit %s) over %.1f min, %d samples, used %.0f-%.0f MB", h.slopeMbPerMinute(),
                        rate(h.flatBelowMbPerMinute()), h.minutes(), h.samples(), h.minMb(), h.maxMb())));
            }
        }
        String rssTarget = String.format(Locale.ROOT, "stack RSS <= %s MiB", rate(l.rssMb()));
        if (r.stackRss == null) {
            out.add(skip(rssTarget, "not sampled"));
        } else {
            out.add(verdict(r.stackRss.peakMb() <= l.rssMb(), rssTarget, String.format(Locale.ROOT,
                    "peak %.0f MiB (first %.0f, last %.0f; %d samples; PostgreSQL as the sum of its Pss)",
                    r.stackRss.peakMb(), r.stackRss.firstMb(), r.stackRss.lastMb(), r.stackRss.samples())));
        }
        for (BenchResults.CpuPerCall c : r.cpu) {
            out.add(generator(c, l));
        }
        return out;
    }

    /** Whether the generator kept up in one measurement: WARN when it used too much of the machine or fired late. */
    static BenchResults.Target generator(BenchResults.CpuPerCall c, Limits l) {
        boolean busy = c.generatorShare() > l.generatorShare();
        boolean late = c.sent() > 0 && (double) c.late() / c.sent() > l.lateShare();
        String what = "load generator kept the schedule: " + c.stage() + " at " + rate(c.rate()) + "/s";
        return new BenchResults.Target(busy || late ? "WARN" : "OK", what, String.format(Locale.ROOT,
                "CPU %.0f%% of the machine (limit %.0f%%), %d of %d calls late (> 5 ms, limit %.0f%%), max lag %.1f ms%s",
                c.generatorShare() * 100, l.generatorShare() * 100, c.late(), c.sent(), l.lateShare() * 100,
                c.maxLagMs(), busy || late ? ": the generator may be the limit here, not the system" : ""));
    }

    private static BenchResults.Target ratio(String target, Summary subject, Summary baseline, double limit, String base) {
        double lostShare = subject.sent() == 0 ? 0 : (double) (subject.missing() + subject.errors()) / subject.sent();
        double ratio = subject.ratioP99(baseline);
        String measured = String.format(Locale.ROOT, "p99 %s ms vs %s p99 %s ms: %s", MarkdownReport.num(subject.p99()),
                base, MarkdownReport.num(baseline.p99()), MarkdownReport.ratio(ratio));
        if (lostShare > 0.01) {
            // more than 1% never arrived: the true p99 is beyond the drain time, whatever the arrived ones say
            return verdict(false, target, measured + String.format(Locale.ROOT, " of those that arrived; %.0f%% lost, "
                    + "so the p99 is beyond the drain time", lostShare * 100));
        }
        return verdict(baseline.completed() > 0 && ratio <= limit, target, measured);
    }

    private static Optional<Summary> find(BenchResults r, String stage, String what, double rate) {
        return r.measurements.stream().filter(m -> m.stage().equals(stage) && m.what().equals(what)
                && (Double.isNaN(rate) || m.summary().offeredRate() == rate)).map(BenchResults.Measurement::summary).findFirst();
    }

    /** The highest screen-pop rate {@code r} sustained (see {@link #sustained}), or empty. */
    public static Optional<Double> highestSustained(BenchResults r) {
        return r.measurements.stream().filter(m -> m.stage().equals(SCREEN_POP_STAGE) && m.what().equals(SCREEN_POP)
                && sustained(m.summary())).map(m -> m.summary().offeredRate()).max(Double::compare);
    }

    private static BenchResults.Target verdict(boolean pass, String target, String measured) {
        return new BenchResults.Target(pass ? "PASS" : "FAIL", target, measured);
    }

    private static BenchResults.Target skip(String target, String why) {
        return new BenchResults.Target("SKIP", target, why);
    }

    /** The lines printed at the end of a run and put in bench-results.md. */
    public static String render(List<BenchResults.Target> targets) {
        StringBuilder out = new StringBuilder();
        for (BenchResults.Target t : targets) {
            out.append(String.format(Locale.ROOT, "%-4s  %-62s  %s%n", t.verdict(), t.target(), t.measured()));
        }
        return out.toString();
    }

    private static String rate(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
