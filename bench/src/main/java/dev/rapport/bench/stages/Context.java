package dev.rapport.bench.stages;

import dev.rapport.bench.BenchOptions;
import dev.rapport.bench.client.IvrLink;
import dev.rapport.bench.client.RapportApi;
import dev.rapport.bench.client.SessionStream;
import dev.rapport.bench.report.BenchResults;
import dev.rapport.bench.system.CpuMeter;
import dev.rapport.bench.system.MemoryWatch;

/**
 * What every stage shares: options, the API client and tokens (the demo identities), the supervisor's session
 * stream, the demo table's id, the results, the memory watch, the CPU meter and the simulated IVR's link.
 */
public record Context(BenchOptions options, RapportApi api, Tokens tokens, SessionStream stream, String tableId,
                      BenchResults results, MemoryWatch memory, CpuMeter cpu, IvrLink ivr) {

    /** IVR client, admin (admin + supervisor) and agent alex, as the demo defines them. */
    public record Tokens(String ivr, String admin, String alex) {
    }

    /** The demo caller: the row the workshop flow finds, so the screen pop happens. */
    public static final String ANI = "7204276664";

    /** The wall clock (epoch ms) of a System.nanoTime instant: record timestamps are wall-clock ms. */
    public static double wallMillis(long nanos) {
        return Clocks.BASE_WALL_MS + (nanos - Clocks.BASE_NANOS) / 1e6;
    }

    private static final class Clocks {
        static final long BASE_NANOS = System.nanoTime();
        static final double BASE_WALL_MS = System.currentTimeMillis() + (System.nanoTime() - BASE_NANOS) / 1e6;
    }

    public void say(String line) {
        System.out.println(line);
    }

    /** Waits (bounded by --settle-seconds) until the stack is quiet, so one measurement's backlog is not the next's. */
    public void settle() throws InterruptedException {
        if (cpu != null && options.settleSeconds() > 0) {
            double waited = cpu.settle(0.3, options.settleSeconds());
            if (waited >= options.settleSeconds()) {
                say(String.format(java.util.Locale.ROOT, "  (the stack was still busy after %.0f s; going on)", waited));
            }
        }
    }
}
