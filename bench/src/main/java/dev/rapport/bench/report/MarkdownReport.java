package dev.rapport.bench.report;

import dev.rapport.bench.load.Summary;
import java.util.Locale;

/** bench-results.md: the machine, then one table per kind of result. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(BenchResults r) {
        StringBuilder md = new StringBuilder();
        md.append("# Rapport benchmark\n\n");
        if (r.machine != null) {
            BenchResults.Machine m = r.machine;
            md.append(String.format(Locale.ROOT, "Machine: %d cores (%s), %,d MB memory, %s, Java %s. **Everything shared "
                            + "these %d cores**: PostgreSQL, Kafka, the four services and the load generator. Load average "
                            + "%.2f before, %.2f after.%n", m.cores(), m.cpu(), m.memoryMb(), m.os(), m.java(), m.cores(),
                    m.loadAverageBefore(), m.loadAverageAfter()));
        }
        if (r.scriptServiceInstances > 0) {
            md.append(String.format(Locale.ROOT, "script-service instances: **%d**.%n", r.scriptServiceInstances));
        }
        if (r.ivrBatch == 1) {
            md.append("The simulated IVR posts each event on its own (`--ivr-batch 1`).\n");
        } else if (r.ivrBatch > 1) {
            md.append(String.format(Locale.ROOT, "The simulated IVR gathers its events for up to 5 ms into one POST of "
                    + "at most %d (`--ivr-batch %d`), as an IVR platform's connector does.%n", r.ivrBatch, r.ivrBatch));
        }
        md.append(String.format("Run %s to %s: `%s`%n%n", r.startedAt, r.finishedAt, r.command));
        if (r.startup != null) {
            md.append(String.format(Locale.ROOT, "Start (`./rapport up`) to all healthy: **%.0f s** (%s).%n%n",
                    r.startup.healthySeconds(), r.startup.source()));
        }
        if (!r.measurements.isEmpty()) {
            md.append("Latency in ms from each call's intended send time (open loop); throughput = completed per second.\n\n");
            md.append("| stage | measurement | rate/s | sent | ok | err | lost | p50 | p95 | p99 | max | throughput/s |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (BenchResults.Measurement m : r.measurements) {
                Summary s = m.summary();
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %d | %s | %s | %s | %s | %.1f |%n",
                        m.stage(), m.what(), num(s.offeredRate()), s.sent(), s.completed(), s.errors(), s.missing(),
                        num(s.p50()), num(s.p95()), num(s.p99()), num(s.max()), s.throughput()));
            }
            md.append('\n');
        }
        if (!r.comparisons.isEmpty()) {
            md.append("| stage | subject | baseline | rate/s | p50 subject / baseline | ratio p50 | ratio p99 |\n");
            md.append("|---|---|---|---:|---:|---:|---:|\n");
            for (BenchResults.Comparison c : r.comparisons) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s / %s | %s | %s |%n", c.stage(), c.subject(),
                        c.baseline(), num(c.rate()), num(c.subjectP50()), num(c.baselineP50()), ratio(c.ratioP50()),
                        ratio(c.ratioP99())));
            }
            md.append('\n');
        }
        if (!r.hops.isEmpty()) {
            md.append("Where the time goes, ms: per hop from the record timestamps of each interaction's first record on each "
                    + "topic (stages 1, 2); from the services' own request and execution timers in /q/metrics (means, "
                    + "stages 3, 4):\n\n");
            md.append("| stage | rate/s | hop | samples | p50 | p95 |\n|---|---:|---|---:|---:|---:|\n");
            for (BenchResults.Hop h : r.hops) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s |%n", h.stage(), num(h.rate()), h.hop(),
                        h.samples(), num(h.p50()), num(h.p95())));
            }
            md.append('\n');
        }
        if (!r.memory.isEmpty()) {
            md.append("| process | pid | RSS idle MB | RSS peak at the highest rate MB | CPU during the highest rate, cores | how |\n"
                    + "|---|---:|---:|---:|---:|---|\n");
            for (BenchResults.Memory m : r.memory) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %s | %s |%n", m.process(), m.pid(), m.idleMb(),
                        m.peakMb(), num(m.cpuCores()), m.how()));
            }
            md.append('\n');
        }
        if (!r.cpu.isEmpty()) {
            md.append("CPU over each measurement's steady window (after its first fifth), from /proc: the stack is every "
                    + "process of services, broker and database with their children; the generator is the bench's JVM. "
                    + "Late: calls fired more than 5 ms after their due time.\n\n");
            md.append("| stage | rate/s | calls | window s | stack CPU ms/call | stack cores | generator ms/call | generator % of "
                    + "machine | late / sent | max lag ms |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (BenchResults.CpuPerCall c : r.cpu) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %s | %s | %s | %.0f | %d / %d | %s |%n", c.stage(),
                        num(c.rate()), c.calls(), c.windowSeconds(), num(c.stackMsPerCall()), num(c.stackCores()),
                        num(c.generatorMsPerCall()), c.generatorShare() * 100, c.late(), c.sent(), num(c.maxLagMs())));
            }
            md.append('\n');
        }
        if (!r.statements.isEmpty()) {
            statements(md, r);
        }
        if (!r.heap.isEmpty() || r.stackRss != null) {
            md.append("Heap used per service over the run (its metrics endpoint, every 5 s); the slope is that of the lower "
                    + "envelope (the minima of 30 s runs), MB per minute:\n\n");
            md.append("| process | samples | minutes | used min MB | used max MB | slope MB/min | flat |\n"
                    + "|---|---:|---:|---:|---:|---:|---|\n");
            for (BenchResults.HeapTrend h : r.heap) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", h.process(), h.samples(),
                        num(h.minutes()), num(h.minMb()), num(h.maxMb()), num(h.slopeMbPerMinute()),
                        h.samples() < 2 ? "-" : h.flat() ? "yes" : "no"));
            }
            if (r.stackRss != null) {
                md.append(String.format(Locale.ROOT, "%nStack RSS (every process but the generator; PostgreSQL as the sum of "
                                + "its Pss): first %.0f MB, peak %.0f MB, last %.0f MB (%d samples).%n", r.stackRss.firstMb(),
                        r.stackRss.peakMb(), r.stackRss.lastMb(), r.stackRss.samples()));
            }
            md.append('\n');
        }
        if (!r.targets.isEmpty()) {
            md.append("Targets, each against its baseline in this run:\n\n| verdict | target | measured |\n|---|---|---|\n");
            for (BenchResults.Target t : r.targets) {
                md.append("| ").append(t.verdict()).append(" | ").append(t.target()).append(" | ").append(t.measured())
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (!r.notes.isEmpty()) {
            md.append("Notes:\n\n");
            r.notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    /** Per database, then its statements with the most time: what one call costs PostgreSQL. */
    private static void statements(StringBuilder md, BenchResults r) {
        md.append("PostgreSQL's work per call placed (pg_stat_statements, pg_stat_database), from just before the first call "
                + "of the highest rate until the database settled after it; one database per service:\n\n");
        md.append("| stage | rate/s | database | calls placed (popped) | statements/call | commits/call | statement ms/call |\n"
                + "|---|---:|---|---:|---:|---:|---:|\n");
        for (BenchResults.DatabaseWork w : r.statements) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d (%d) | %s | %s | %s |%n", w.stage(), num(w.rate()),
                    w.database(), w.calls(), w.popped(), num(w.statementsPerCall()), num(w.commitsPerCall()),
                    num(w.statementMsPerCall())));
        }
        md.append("\n| database | statement | calls | calls/call | mean ms | total ms | share |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");
        for (BenchResults.DatabaseWork w : r.statements) {
            for (BenchResults.StatementWork s : w.top()) {
                md.append(String.format(Locale.ROOT, "| %s | `%s` | %d | %s | %s | %s | %.0f%% |%n", w.database(),
                        s.query().replace("|", "\\|").replace("`", "'"), s.calls(), num(s.callsPerCall()),
                        num(s.meanMs()), num(s.totalMs()), s.share() * 100));
            }
        }
        md.append('\n');
    }

    /** Milliseconds and rates: 3 significant digits is what the histogram holds. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1fx", v);
    }
}
