package dev.rapport.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The descendants of a process, from {@code /proc/<pid>/task/<tid>/children} (children hang off the thread that forked them). */
final class ProcTree {

    private ProcTree() {
    }

    static void descendants(Path proc, long pid, List<Long> out) {
        Path tasks = proc.resolve(pid + "/task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        try (var list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                Path children = task.resolve("children");
                if (!Files.exists(children)) {
                    continue;
                }
                for (String child : Files.readString(children).trim().split("\\s+")) {
                    if (!child.isEmpty()) {
                        long c = Long.parseLong(child);
                        if (!out.contains(c)) {
                            out.add(c);
                            descendants(proc, c, out);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a process went away while we looked
        }
    }
}
