package dev.rapport.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CPU times in {@code /proc/<pid>/stat}, in seconds: the process's own (all its threads, {@code utime + stime})
 * and those of its children it has waited for ({@code cutime + cstime}: exited PostgreSQL backends, for example).
 */
public record ProcStat(long pid, long parent, double ownSeconds, double reapedChildrenSeconds) {

    /** Clock ticks per second of these times (USER_HZ, 100 on Linux). */
    static final double TICKS = 100.0;

    /** Own time plus that of the children it reaped: what the process and its finished descendants have cost. */
    public double totalSeconds() {
        return ownSeconds + reapedChildrenSeconds;
    }

    /** Reads {@code proc/<pid>/stat}; empty when the process is gone or the file is unreadable. */
    public static Optional<ProcStat> read(Path proc, long pid) {
        try {
            return Optional.of(parse(pid, Files.readString(proc.resolve(pid + "/stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** This JVM's own CPU seconds (the load generator's cost). */
    public static double selfSeconds(Path proc) {
        return read(proc, ProcessHandle.current().pid()).map(ProcStat::ownSeconds).orElse(Double.NaN);
    }

    static ProcStat parse(long pid, String stat) {
        // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
        // f[0] is field 3 (state), f[1] field 4 (ppid), f[11..14] fields 14-17 (utime, stime, cutime, cstime).
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return new ProcStat(pid, Long.parseLong(f[1]), (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS,
                (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS);
    }
}
