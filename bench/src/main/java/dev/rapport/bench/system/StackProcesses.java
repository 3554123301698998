package dev.rapport.bench.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every process of the running stack, found in /proc: the pids ./rapport keeps in {@code .rapport/pids} (the services
 * and the infra JVM, which runs the Kafka broker), PostgreSQL's server ({@code postmaster.pid}: it detaches from the
 * infra JVM), all their descendants, and any other process whose command line names the stack's {@code .rapport}
 * folder. The load generator (this JVM) is never part of it.
 */
public final class StackProcesses {
    private final Path pids;
    private final Path proc;
    private final Path postmaster;
    private final String stateFolder;

    /** @param stateFolder the absolute path of the stack's .rapport folder, looked for in command lines */
    public StackProcesses(Path pids, Path proc, Path postmaster, String stateFolder) {
        this.pids = pids;
        this.proc = proc;
        this.postmaster = postmaster;
        this.stateFolder = stateFolder;
    }

    public StackProcesses(Path root) {
        this(root.resolve(".rapport/pids"), Path.of("/proc"), root.resolve(".rapport/data/postgres/postmaster.pid"),
                root.resolve(".rapport").toAbsolutePath().normalize().toString());
    }

    /** The pids of the stack now, each once. */
    public Set<Long> pids() {
        Set<Long> roots = new LinkedHashSet<>();
        if (Files.isDirectory(pids)) {
            try (var files = Files.list(pids)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pid")).sorted().toList()) {
                    firstNumber(f).ifPresent(roots::add);
                }
            } catch (IOException e) {
                // the launcher's folder went away: what the scan below finds is all we have
            }
        }
        firstNumber(postmaster).ifPresent(roots::add);
        roots.addAll(namingTheStateFolder());
        long self = ProcessHandle.current().pid();
        Set<Long> all = new LinkedHashSet<>();
        for (long pid : roots) {
            if (pid != self && Files.isDirectory(proc.resolve(String.valueOf(pid)))) {
                all.add(pid);
                List<Long> below = new ArrayList<>();
                ProcTree.descendants(proc, pid, below);
                all.addAll(below);
            }
        }
        all.remove(self);
        return all;
    }

    /**
     * CPU seconds the stack has used so far: for each live process its own time and that of the children it reaped,
     * so a backend that exited between two readings still counts (in its parent's reaped time).
     */
    public double cpuSeconds() {
        double sum = 0;
        for (long pid : pids()) {
            sum += ProcStat.read(proc, pid).map(ProcStat::totalSeconds).orElse(0.0);
        }
        return sum;
    }

    private List<Long> namingTheStateFolder() {
        List<Long> out = new ArrayList<>();
        try (var entries = Files.list(proc)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    // arguments are NUL-separated
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmdline.contains(stateFolder + "/") || cmdline.contains(stateFolder + "\0")) {
                        out.add(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone, or not ours to read
                }
            }
        } catch (IOException e) {
            // no /proc
        }
        return out;
    }

    private static java.util.Optional<Long> firstNumber(Path file) {
        try {
            return java.util.Optional.of(Long.parseLong(Files.readAllLines(file).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
