package dev.rapport.bench.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.bench.load.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured; written as bench-results.json and rendered as bench-results.md. */
public final class BenchResults {

    /** The machine, and how busy it was: everything (system and bench) shared these cores. */
    public record Machine(int cores, long memoryMb, String cpu, String os, String java, double loadAverageBefore,
                          double loadAverageAfter) {
    }

    /** Time from {@code ./rapport up} to every service healthy; {@code source} says how it was obtained. */
    public record Startup(double healthySeconds, double commandSeconds, String source) {
    }

    /** One stage's measurement (a subject or a baseline). */
    public record Measurement(String stage, String what, Summary summary) {
    }

    /** A subject against its baseline at the same rate, in the same run. */
    public record Comparison(String stage, String subject, String baseline, double rate, double subjectP50,
                             double baselineP50, double subjectP99, double baselineP99) {
        @JsonProperty
        public double ratioP50() {
            return baselineP50 > 0 ? subjectP50 / baselineP50 : Double.NaN;
        }

        @JsonProperty
        public double ratioP99() {
            return baselineP99 > 0 ? subjectP99 / baselineP99 : Double.NaN;
        }

        public static Comparison of(String stage, Summary subject, Summary baseline) {
            return new Comparison(stage, subject.name(), baseline.name(), subject.offeredRate(), subject.p50(),
                    baseline.p50(), subject.p99(), baseline.p99());
        }
    }

    /** Where the time goes: one hop of a path, from record timestamps (ms resolution). */
    public record Hop(String stage, double rate, String hop, long samples, double p50, double p95) {
    }

    /**
     * Resident memory of one process, MB: before the load and the peak during the highest rate; {@code cpuCores}:
     * CPU time it used during the highest rate per second of wall time (1.0 = one core busy all along).
     */
    public record Memory(String process, long pid, double idleMb, double peakMb, double cpuCores, String how) {
    }

    /**
     * A service's used heap over the run (from its metrics endpoint): {@code slopeMbPerMinute} is the growth of its
     * lower envelope (the minima left after collections); flat when below {@code flatBelowMbPerMinute}.
     */
    public record HeapTrend(String process, int samples, double minutes, double minMb, double maxMb,
                            double slopeMbPerMinute, double flatBelowMbPerMinute, boolean flat) {
    }

    /** The stack's resident memory (every process but the generator) over the run: first, peak and last sample. */
    public record StackRss(double firstMb, double peakMb, double lastMb, int samples) {
    }

    /**
     * CPU over a measurement's steady window: the stack's (services, broker, database, their children) and the load
     * generator's, for the {@code calls} due in the window; {@code late} of {@code sent} calls fired more than 5 ms
     * behind schedule.
     */
    public record CpuPerCall(String stage, double rate, long calls, double windowSeconds, double stackCpuSeconds,
                             double generatorCpuSeconds, int cores, long sent, long late, double maxLagMs) {
        @JsonProperty
        public double stackMsPerCall() {
            return calls > 0 ? stackCpuSeconds * 1000 / calls : Double.NaN;
        }

        @JsonProperty
        public double generatorMsPerCall() {
            return calls > 0 ? generatorCpuSeconds * 1000 / calls : Double.NaN;
        }

        /** The generator's share of the machine, 0..1. */
        @JsonProperty
        public double generatorShare() {
            return windowSeconds > 0 && cores > 0 ? generatorCpuSeconds / (windowSeconds * cores) : Double.NaN;
        }

        /** The stack's busy cores on average over the window. */
        @JsonProperty
        public double stackCores() {
            return windowSeconds > 0 ? stackCpuSeconds / windowSeconds : Double.NaN;
        }
    }

    /**
     * One statement's part of a database's work over a measurement (pg_stat_statements): {@code callsPerCall} is
     * its executions per call placed, {@code share} its part of the database's statement time, 0..1.
     */
    public record StatementWork(String query, long calls, double callsPerCall, double meanMs, double totalMs,
                                double share, long rows, long sharedBlksHit, long sharedBlksRead, long walBytes) {
    }

    /**
     * One database's (one service's) work over a measurement: {@code statements} executed and {@code commits}
     * (pg_stat_database.xact_commit) for the {@code calls} placed, of which {@code popped} reached the stream; the
     * statements with the most time first.
     */
    public record DatabaseWork(String stage, double rate, String database, long calls, long popped, long statements,
                               double statementMs, long commits, long rollbacks, List<StatementWork> top) {
        @JsonProperty
        public double statementsPerCall() {
            return calls > 0 ? (double) statements / calls : Double.NaN;
        }

        @JsonProperty
        public double commitsPerCall() {
            return calls > 0 ? (double) commits / calls : Double.NaN;
        }

        @JsonProperty
        public double statementMsPerCall() {
            return calls > 0 ? statementMs / calls : Double.NaN;
        }
    }

    /** A target checked against its measurement (and its baseline, where it has one) in this run. */
    public record Target(String verdict, String target, String measured) {
    }

    public Machine machine;
    /** How many script-service processes the stack ran (RAPPORT_SCRIPT_SERVICE_INSTANCES when ./rapport started it). */
    public int scriptServiceInstances;
    /** IVR events per POST to the ingest (--ivr-batch; 1: one POST per event; 0: not recorded). */
    public int ivrBatch;
    public String startedAt;
    public String finishedAt;
    public String command;
    public Startup startup;
    public final List<Measurement> measurements = new ArrayList<>();
    public final List<Comparison> comparisons = new ArrayList<>();
    public final List<Hop> hops = new ArrayList<>();
    public final List<Memory> memory = new ArrayList<>();
    public final List<CpuPerCall> cpu = new ArrayList<>();
    public final List<HeapTrend> heap = new ArrayList<>();
    /** PostgreSQL's work per call at the highest screen-pop rate, per database; empty when it could not be read. */
    public final List<DatabaseWork> statements = new ArrayList<>();
    public StackRss stackRss;
    public final List<Target> targets = new ArrayList<>();
    public String profile;
    public final List<String> notes = new ArrayList<>();
    /** A sample interaction's timeline (GET /api/v2/interactions/{id}/timeline) per stage. */
    public final Map<String, JsonNode> timelines = new LinkedHashMap<>();

    public synchronized void add(String stage, String what, Summary summary) {
        measurements.add(new Measurement(stage, what, summary));
    }

    public synchronized void compare(String stage, Summary subject, Summary baseline) {
        comparisons.add(Comparison.of(stage, subject, baseline));
    }

    public synchronized void note(String note) {
        notes.add(note);
    }
}
