package dev.rapport.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.bench.report.BenchResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemTest {

    @Test
    void theStartTimeIsWhatRapportUpPrinted() {
        String out = "rapport: gateway ready on http://localhost:8080 (58 s)\n\nrapport: all healthy in 61 s\nrapport: loading";
        assertThat(SystemControl.healthySeconds(out)).isEqualTo(61);
        assertThat(SystemControl.healthySeconds("nothing")).isNaN();
        BenchResults.Startup s = SystemControl.startupFromLog(out + "\nbench: ./rapport up --detach took 75512 ms\n");
        assertThat(s.healthySeconds()).isEqualTo(61);
        assertThat(s.commandSeconds()).isEqualTo(75.512);
    }

    @Test
    void memoryIsReadFromProcForEachPidFile(@TempDir Path dir) throws Exception {
        Path pids = Files.createDirectories(dir.resolve("pids"));
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Files.writeString(pids.resolve("gateway.pid"), "100\n");
        Files.writeString(pids.resolve("infra.pid"), "200\n");
        Files.writeString(pids.resolve("gone.pid"), "999\n");
        process(proc, 100, "java", "Name:\tjava\nVmRSS:\t  204800 kB\n", null);
        // pid (comm) state ppid ... field 14 utime, 15 stime in ticks: 1500 + 250 ticks = 17.5 s
        Files.writeString(proc.resolve("100/stat"), "100 (java main) S 1 100 100 0 -1 4194560 1 0 0 0 1500 250 0 0 20 0\n");
        process(proc, 200, "java", "Name:\tjava\nVmRSS:\t  102400 kB\n", null);
        Files.writeString(Files.createDirectories(proc.resolve("200/task/200")).resolve("children"), "300 ");
        process(proc, 300, "postgres", "VmRSS:\t 50000 kB\n", "Rss: 50000 kB\nPss:   20480 kB\n");
        Files.writeString(Files.createDirectories(proc.resolve("300/task/300")).resolve("children"), "301");
        process(proc, 301, "postgres", "VmRSS:\t 40000 kB\n", "Pss:   10240 kB\n");

        Map<String, ProcessMemory.Sample> s = new ProcessMemory(pids, proc, dir.resolve("none")).sample();

        assertThat(s.get("gateway").mb()).isEqualTo(200);
        assertThat(s.get("gateway").cpuSeconds()).isEqualTo(17.5);
        assertThat(s.get("infra").cpuSeconds()).isZero();
        assertThat(s.get("infra").mb()).isEqualTo(100);
        // PostgreSQL: Pss summed over its processes (shared buffers counted once), not RSS
        assertThat(s.get("postgres").mb()).isEqualTo(30);
        assertThat(s.get("postgres").how()).contains("Pss");
        assertThat(s).doesNotContainKey("gone");
    }

    @Test
    void descendantsAreFoundThroughEveryThread(@TempDir Path proc) throws Exception {
        Files.writeString(Files.createDirectories(proc.resolve("1/task/1")).resolve("children"), "");
        Files.writeString(Files.createDirectories(proc.resolve("1/task/7")).resolve("children"), "2 3");
        Files.createDirectories(proc.resolve("2/task/2"));
        Files.writeString(Files.createDirectories(proc.resolve("3/task/3")).resolve("children"), "4");
        List<Long> out = new ArrayList<>();
        new ProcessMemory(proc, proc, proc.resolve("none")).descendants(1, out);
        assertThat(out).containsExactlyInAnyOrder(2L, 3L, 4L);
    }

    private static void process(Path proc, long pid, String name, String status, String smaps) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(String.valueOf(pid)));
        Files.writeString(dir.resolve("comm"), name + "\n");
        Files.writeString(dir.resolve("status"), status);
        if (smaps != null) {
            Files.writeString(dir.resolve("smaps_rollup"), smaps);
        }
    }
}
