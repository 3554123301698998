package dev.rapport.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resident memory of Rapport's processes, read from /proc: the pids ./rapport keeps in .rapport/pids/*.pid. A JVM's
 * VmRSS; PostgreSQL (child processes of the infra JVM that are not java) as the sum of their Pss, so the shared
 * buffers are counted once and not once per backend.
 */
public final class ProcessMemory {

    /** One process (or group): what it is, its pid, resident MB, how that was measured, CPU seconds used so far. */
    public record Sample(String process, long pid, double mb, String how, double cpuSeconds) {
    }

    private final Path pids;
    private final Path proc;
    private final Path postmaster;

    /** @param postmaster PostgreSQL's postmaster.pid (its first line is the server's pid) */
    public ProcessMemory(Path pids, Path proc, Path postmaster) {
        this.pids = pids;
        this.proc = proc;
        this.postmaster = postmaster;
    }

    public ProcessMemory(Path root) {
        this(root.resolve(".rapport/pids"), Path.of("/proc"), root.resolve(".rapport/data/postgres/postmaster.pid"));
    }

    /** Every process of the running system, by name (services, infra JVM, postgres), plus this JVM. */
    public Map<String, Sample> sample() throws IOException {
        Map<String, Sample> out = new LinkedHashMap<>();
        if (Files.isDirectory(pids)) {
            try (var files = Files.list(pids)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pid")).sorted().toList()) {
                    String name = f.getFileName().toString().replaceFirst("\\.pid$", "");
                    long pid = Long.parseLong(Files.readString(f).trim());
                    rssKb(pid).ifPresent(kb -> out.put(name, new Sample(name, pid, kb / 1024.0, "VmRSS", cpuSeconds(pid))));
                    if (name.equals("infra")) {
                        postgres(pid).ifPresent(s -> out.put("postgres", s));
                    }
                }
            }
        }
        long self = ProcessHandle.current().pid();
        rssKb(self).ifPresent(kb -> out.put("bench (load generator)", new Sample("bench (load generator)", self,
                kb / 1024.0, "VmRSS", cpuSeconds(self))));
        return out;
    }

    /** VmRSS in kB of a live process. */
    public Optional<Long> rssKb(long pid) {
        return statusField(pid, "VmRSS:");
    }

    private Optional<Long> statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(proc.resolve(pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Optional.of(Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not readable: no sample
        }
        return Optional.empty();
    }

    /**
     * PostgreSQL: the server (postmaster.pid; it detaches from the infra JVM that started it) and its backends, or
     * else the infra JVM's descendants named postgres; the sum of their Pss.
     */
    Optional<Sample> postgres(long infraPid) {
        List<Long> all = new ArrayList<>();
        try {
            long server = Long.parseLong(Files.readAllLines(postmaster).get(0).trim());
            if (Files.isDirectory(proc.resolve(String.valueOf(server)))) {
                all.add(server);
                descendants(server, all);
            }
        } catch (IOException | RuntimeException e) {
            // no postmaster.pid: an external database, or not started by infra
        }
        if (all.isEmpty()) {
            descendants(infraPid, all);
        }
        long pssKb = 0;
        long first = -1;
        double cpu = 0;
        for (long pid : all) {
            if (name(pid).startsWith("postgres")) {
                pssKb += pssKb(pid).or(() -> rssKb(pid)).orElse(0L);
                cpu += cpuSeconds(pid);
                first = first < 0 ? pid : first;
            }
        }
        return first < 0 ? Optional.empty()
                : Optional.of(new Sample("postgres", first, pssKb / 1024.0, all.size() + " processes, sum of Pss", cpu));
    }

    private Optional<Long> pssKb(long pid) {
        try {
            for (String line : Files.readAllLines(proc.resolve(pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Optional.of(Long.parseLong(line.substring(4).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable
        }
        return Optional.empty();
    }

    /** utime + stime of a process (all its threads), in seconds; 0 when unreadable. */
    double cpuSeconds(long pid) {
        return ProcStat.read(proc, pid).map(ProcStat::ownSeconds).orElse(0.0);
    }

    String name(long pid) {
        try {
            return Files.readString(proc.resolve(pid + "/comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    void descendants(long pid, List<Long> out) {
        ProcTree.descendants(proc, pid, out);
    }
}
