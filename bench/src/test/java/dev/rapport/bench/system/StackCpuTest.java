package dev.rapport.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackCpuTest {

    @Test
    void statTimesAreReadAfterTheCommandNameWhateverItHolds() {
        // fields 14-17: utime 1500, stime 250, cutime 30, cstime 20 ticks (100 a second)
        ProcStat s = ProcStat.parse(7, "7 (java (x) y) S 3 7 7 0 -1 4194560 1 0 0 0 1500 250 30 20 20 0 40 0");
        assertThat(s.parent()).isEqualTo(3);
        assertThat(s.ownSeconds()).isEqualTo(17.5);
        assertThat(s.reapedChildrenSeconds()).isEqualTo(0.5);
        assertThat(s.totalSeconds()).isEqualTo(18.0);
    }

    @Test
    void theStackIsThePidFilesThePostmasterTheirDescendantsAndWhatNamesTheStateFolder(@TempDir Path dir) throws Exception {
        Path pids = Files.createDirectories(dir.resolve(".rapport/pids"));
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Path postmaster = dir.resolve("postmaster.pid");
        String state = dir.resolve(".rapport").toString();
        Files.writeString(pids.resolve("gateway.pid"), "100\n");
        Files.writeString(pids.resolve("infra.pid"), "200\n");
        Files.writeString(pids.resolve("gone.pid"), "999\n"); // no such process any more: not counted
        Files.writeString(postmaster, "300\n" + state + "/data/postgres\n");
        process(proc, 100, 1000, 0, "java\0-jar\0gateway/target/quarkus-app/quarkus-run.jar\0", "");
        process(proc, 200, 2000, 0, "java\0-cp\0infra/target/infra.jar\0", "");
        // the postmaster, which has reaped backends worth 3 s, and a live backend
        process(proc, 300, 100, 300, "postgres\0-D\0" + state + "/data/postgres\0", "301");
        process(proc, 301, 50, 0, "postgres: rapport datatable\0", "");
        // a helper started elsewhere that names the state folder, and a stranger
        process(proc, 400, 10, 0, "pg_ctl\0-D\0" + state + "/data/postgres\0", "");
        process(proc, 500, 99_999, 0, "java\0-jar\0someone-elses.jar\0", "");

        StackProcesses stack = new StackProcesses(pids, proc, postmaster, state);

        assertThat(stack.pids()).containsExactlyInAnyOrder(100L, 200L, 300L, 301L, 400L);
        // ticks: 1000 + 2000 + (100 + 300 reaped) + 50 + 10 = 3460 → 34.6 s
        assertThat(stack.cpuSeconds()).isCloseTo(34.6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theGeneratorIsNeverPartOfTheStack(@TempDir Path dir) throws Exception {
        Path pids = Files.createDirectories(dir.resolve("pids"));
        Path proc = Files.createDirectories(dir.resolve("proc"));
        long self = ProcessHandle.current().pid();
        Files.writeString(pids.resolve("bench.pid"), self + "\n");
        process(proc, self, 500, 0, "java\0" + dir.resolve(".rapport") + "/x\0", "");

        StackProcesses stack = new StackProcesses(pids, proc, dir.resolve("none"), dir.resolve(".rapport").toString());

        assertThat(stack.pids()).isEmpty();
        assertThat(ProcStat.selfSeconds(proc)).isEqualTo(5.0);
    }

    @Test
    void aWindowGivesCoresAndTheGeneratorsShareOfTheMachine() {
        CpuMeter.Window w = CpuMeter.Window.between(new CpuMeter.Reading(0, 10, 1), new CpuMeter.Reading(4_000_000_000L, 16, 2.6), 2);
        assertThat(w.wallSeconds()).isEqualTo(4);
        assertThat(w.stackCores()).isEqualTo(1.5);
        assertThat(w.generatorShare()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** A fake /proc entry: stat with {@code utime} ticks (stime 0) and {@code reaped} cutime ticks, a cmdline, children. */
    private static void process(Path proc, long pid, long utime, long reaped, String cmdline, String children)
            throws Exception {
        Path dir = Files.createDirectories(proc.resolve(String.valueOf(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (x) S 1 " + pid + " " + pid + " 0 -1 0 0 0 0 0 " + utime + " 0 "
                + reaped + " 0 20 0 1 0");
        Files.writeString(dir.resolve("cmdline"), cmdline);
        Files.writeString(Files.createDirectories(dir.resolve("task/" + pid)).resolve("children"), children);
    }
}
