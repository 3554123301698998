package dev.rapport.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.bench.load.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    static BenchResults sample() {
        BenchResults r = new BenchResults();
        r.machine = new BenchResults.Machine(2, 24105, "Test CPU", "Linux", "17.0.1", 3.5, 7.25);
        r.startedAt = "2026-11-27T05:00:00Z";
        r.finishedAt = "2026-11-27T05:04:00Z";
        r.command = "./rapport bench --rates 50";
        r.startup = new BenchResults.Startup(61, 75, "measured");
        Summary pop = new Summary("IVR started → SSE screen pop", 50, 500, 498, 1, 1, 120.5, 300, 450.25, 900, 130, 49.5);
        Summary kafka = new Summary("Kafka produce → consume", 50, 250, 250, 0, 0, 2.41, 5, 9.005, 12, 2.5, 50);
        r.add("1 screen pop", "screen pop", pop);
        r.add("1 screen pop", "baseline", kafka);
        r.compare("1 screen pop", pop, kafka);
        r.hops.add(new BenchResults.Hop("1 screen pop", 50, "a → b", 498, 3.5, 8));
        r.memory.add(new BenchResults.Memory("gateway", 42, 180.4, 210.6, 0.456, "VmRSS"));
        r.note("a note");
        return r;
    }

    @Test
    void theMarkdownStatesTheMachineAndThatEverythingSharedItsCores() {
        String md = MarkdownReport.render(sample());

        assertThat(md).contains("2 cores (Test CPU), 24,105 MB memory")
                .contains("**Everything shared these 2 cores**")
                .contains("Load average 3.50 before, 7.25 after")
                .contains("to all healthy: **61 s**");
    }

    @Test
    void theMarkdownHasOneRowPerMeasurementComparisonHopAndProcess() {
        String md = MarkdownReport.render(sample());

        assertThat(md).contains("| 1 screen pop | screen pop | 50.0 | 500 | 498 | 1 | 1 | 121 | 300 | 450 | 900 | 49.5 |");
        assertThat(md).contains("| 1 screen pop | baseline | 50.0 | 250 | 250 | 0 | 0 | 2.41 | 5.00 | 9.01 | 12.0 | 50.0 |");
        // 120.5 / 2.41 = 50.0, 450.25 / 9.005 = 50.0
        assertThat(md).contains("| IVR started → SSE screen pop | Kafka produce → consume | 50.0 | 121 / 2.41 | 50.0x | 50.0x |");
        assertThat(md).contains("| 1 screen pop | 50.0 | a → b | 498 | 3.50 | 8.00 |");
        assertThat(md).contains("| gateway | 42 | 180 | 211 | 0.46 | VmRSS |");
        assertThat(md).contains("- a note");
        // a table row is one line: no stray line breaks inside rows
        md.lines().filter(l -> l.startsWith("|")).forEach(l -> assertThat(l).endsWith("|"));
    }

    @Test
    void theJsonHoldsEverythingAndReadsBack(@TempDir Path dir) throws Exception {
        String md = JsonReport.write(sample(), dir);

        assertThat(Files.readString(dir.resolve("bench-results.md"))).isEqualTo(md);
        String json = Files.readString(dir.resolve("bench-results.json"));
        assertThat(json).contains("\"ratioP50\" : 50.0").contains("\"p99\" : 450.25").contains("\"cores\" : 2");
        BenchResults back = JsonReport.read(dir.resolve("bench-results.json"));
        assertThat(back.measurements).hasSize(2);
        assertThat(back.measurements.get(0).summary().p99()).isEqualTo(450.25);
        assertThat(back.comparisons.get(0).ratioP50()).isEqualTo(120.5 / 2.41);
        assertThat(back.machine.memoryMb()).isEqualTo(24105);
        assertThat(back.startup.healthySeconds()).isEqualTo(61);
        assertThat(back.notes).containsExactly("a note");
    }

    @Test
    void numbersKeepThreeSignificantDigits() {
        assertThat(MarkdownReport.num(1234.4)).isEqualTo("1234");
        assertThat(MarkdownReport.num(12.345)).isEqualTo("12.3");
        assertThat(MarkdownReport.num(0.12345)).isEqualTo("0.12");
        assertThat(MarkdownReport.num(Double.NaN)).isEqualTo("-");
        assertThat(MarkdownReport.ratio(Double.NaN)).isEqualTo("-");
    }
}
