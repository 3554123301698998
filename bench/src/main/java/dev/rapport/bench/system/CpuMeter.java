package dev.rapport.bench.system;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of the whole stack (services, broker, database: {@link StackProcesses}) and, apart, of the load generator
 * (this JVM), read from /proc at the edges of a window of wall time.
 */
public final class CpuMeter {
    private final StackProcesses stack;
    private final Path proc;
    private final int cores;

    public CpuMeter(StackProcesses stack, Path proc, int cores) {
        this.stack = stack;
        this.proc = proc;
        this.cores = cores;
    }

    public CpuMeter(Path root) {
        this(new StackProcesses(root), Path.of("/proc"), Runtime.getRuntime().availableProcessors());
    }

    /** CPU seconds used so far by the stack and by the generator, at {@code nanos} (System.nanoTime). */
    public record Reading(long nanos, double stackSeconds, double generatorSeconds) {
    }

    /** What a window of wall time cost; {@code cores} is the machine's. */
    public record Window(double wallSeconds, double stackSeconds, double generatorSeconds, int cores) {
        public static Window between(Reading a, Reading b, int cores) {
            return new Window((b.nanos() - a.nanos()) / 1e9, b.stackSeconds() - a.stackSeconds(),
                    b.generatorSeconds() - a.generatorSeconds(), cores);
        }

        /** Cores the stack kept busy on average (2.0 = both cores of a 2-core machine all along). */
        public double stackCores() {
            return wallSeconds > 0 ? stackSeconds / wallSeconds : Double.NaN;
        }

        /** The generator's share of the whole machine, 0..1. */
        public double generatorShare() {
            return wallSeconds > 0 && cores > 0 ? generatorSeconds / (wallSeconds * cores) : Double.NaN;
        }
    }

    public int cores() {
        return cores;
    }

    public Reading read() {
        long now = System.nanoTime();
        return new Reading(now, stack.cpuSeconds(), ProcStat.selfSeconds(proc));
    }

    /**
     * Reads at {@code fromNanos} and at {@code toNanos} (System.nanoTime) on a thread of its own, so that the load
     * generator's schedule is not disturbed by the /proc scan.
     */
    public CompletableFuture<Window> between(long fromNanos, long toNanos) {
        CompletableFuture<Window> out = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                sleepUntil(fromNanos);
                Reading a = read();
                sleepUntil(toNanos);
                out.complete(Window.between(a, read(), cores));
            } catch (InterruptedException e) {
                out.completeExceptionally(e);
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        }, "bench-cpu");
        t.setDaemon(true);
        t.start();
        return out;
    }

    /**
     * Waits until the stack is quiet (below {@code cores} busy over a second) or {@code maxSeconds} passed, so that
     * the backlog of one measurement is not charged to the next; answers the seconds waited.
     */
    public double settle(double quietCores, int maxSeconds) throws InterruptedException {
        long start = System.nanoTime();
        Reading before = read();
        for (int i = 0; i < maxSeconds; i++) {
            TimeUnit.SECONDS.sleep(1);
            Reading now = read();
            double busy = Window.between(before, now, cores).stackCores();
            before = now;
            if (busy < quietCores) {
                break;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
