package dev.rapport.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.bench.load.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void eachTargetIsCheckedAgainstItsBaselineAtTheSameRate() {
        BenchResults r = new BenchResults();
        r.add(Targets.SCREEN_POP_STAGE, Targets.SCREEN_POP, summary(1000, 10_000, 10_000, 0, 20, 995));
        r.add(Targets.SCREEN_POP_STAGE, Targets.KAFKA_BASELINE, summary(1000, 5000, 5000, 0, 8, 1000));
        // a slower rate with a worse ratio is not the one checked
        r.add(Targets.SCREEN_POP_STAGE, Targets.SCREEN_POP, summary(100, 1000, 1000, 0, 900, 99));
        r.add(Targets.SCREEN_POP_STAGE, Targets.KAFKA_BASELINE, summary(100, 500, 500, 0, 3, 100));
        r.add(Targets.ACTION_STAGE, Targets.ALERT, summary(10, 100, 100, 0, 73.4, 10));
        r.add(Targets.ACTION_STAGE, Targets.DIRECT_PUT, summary(10, 100, 100, 0, 14.7, 10));
        r.cpu.add(new BenchResults.CpuPerCall(Targets.SCREEN_POP_STAGE, 1000, 8000, 8, 12, 3.2, 2, 10_000, 0, 1.2));
        r.heap.add(new BenchResults.HeapTrend("gateway", 40, 3.3, 30, 70, 0.4, 1.0, true));
        r.heap.add(new BenchResults.HeapTrend("script-service", 40, 3.3, 30, 90, 6.5, 1.0, false));
        r.stackRss = new BenchResults.StackRss(1100, 1456, 1400, 40);

        List<BenchResults.Target> t = Targets.evaluate(r, Targets.Limits.DEFAULT);

        assertThat(t).extracting(BenchResults.Target::verdict).containsExactly(
                "PASS", "PASS", "PASS", "FAIL", "PASS", "FAIL", "FAIL", "OK");
        assertThat(t.get(0).target()).isEqualTo("screen pop sustained at 1000/s, 0 lost");
        assertThat(t.get(1).measured()).isEqualTo("p99 20.0 ms vs Kafka p99 8.00 ms: 2.5x");
        assertThat(t.get(2).measured()).startsWith("1.50 ms (12.0 CPU s for 8000 calls in a 8 s window, 1.50 cores busy)")
                .endsWith("generator 0.40 ms per call");
        assertThat(t.get(3).measured()).isEqualTo("p99 73.4 ms vs PUT p99 14.7 ms: 5.0x");
        assertThat(t.get(5).target()).isEqualTo("heap flat: script-service");
        assertThat(t.get(5).measured()).startsWith("+6.50 MB/min (limit 1)");
        assertThat(t.get(6).measured()).startsWith("peak 1456 MiB");
    }

    @Test
    void lostCallsFailTheRateAndMakeTheP99Undefined() {
        BenchResults r = new BenchResults();
        r.add(Targets.SCREEN_POP_STAGE, Targets.SCREEN_POP, summary(1000, 10_000, 4300, 0, 14_000, 280));
        r.add(Targets.SCREEN_POP_STAGE, Targets.KAFKA_BASELINE, summary(1000, 5000, 5000, 0, 8, 1000));
        r.cpu.add(new BenchResults.CpuPerCall(Targets.SCREEN_POP_STAGE, 1000, 8000, 8, 16, 7, 2, 10_000, 900, 48));

        List<BenchResults.Target> t = Targets.evaluate(r, Targets.Limits.DEFAULT);

        assertThat(t.get(0).verdict()).isEqualTo("FAIL");
        assertThat(t.get(0).measured()).isEqualTo("sent 10000, popped 4300, lost 5700, errors 0, 280/s completed");
        assertThat(t.get(1).verdict()).isEqualTo("FAIL");
        assertThat(t.get(1).measured()).contains("57% lost, so the p99 is beyond the drain time");
        // 16 CPU s in 8 s is 2 cores for 280 calls completed a second: 7.14 ms a call, though 2.00 per call offered
        assertThat(t.get(2).verdict()).isEqualTo("FAIL");
        assertThat(t.get(2).measured()).startsWith("7.14 ms per call completed (2.00 cores busy, 280/s completed)")
                .contains("per offered call (2.00 ms, 16.0 CPU s for 8000 calls in a 8 s window) is a lower bound");
        // the generator used 44% of the machine and fired 9% of its calls late: it may be the limit
        BenchResults.Target generator = t.get(t.size() - 1);
        assertThat(generator.verdict()).isEqualTo("WARN");
        assertThat(generator.measured()).startsWith("CPU 44% of the machine (limit 40%), 900 of 10000 calls late")
                .endsWith("the generator may be the limit here, not the system");
    }

    @Test
    void whatTheRunDidNotMeasureIsSkippedAndSaysWhy() {
        BenchResults r = new BenchResults();
        r.add(Targets.SCREEN_POP_STAGE, Targets.SCREEN_POP, summary(50, 500, 500, 0, 900, 49));

        List<BenchResults.Target> t = Targets.evaluate(r, Targets.Limits.DEFAULT);

        assertThat(t).extracting(BenchResults.Target::verdict).containsOnly("SKIP");
        assertThat(t.get(0).measured()).isEqualTo("not measured at 1000/s (--rates)");
        assertThat(Targets.evaluate(r, Targets.Limits.DEFAULT.atRate(50)).get(0).verdict()).isEqualTo("PASS");
    }

    @Test
    void theLinesLineUpVerdictTargetAndMeasurement() {
        String text = Targets.render(List.of(new BenchResults.Target("PASS", "stack RSS <= 1024 MiB", "peak 980 MiB"),
                new BenchResults.Target("FAIL", "heap flat: gateway", "+3.10 MB/min")));
        assertThat(text).isEqualTo(String.format("PASS  %-62s  peak 980 MiB%nFAIL  %-62s  +3.10 MB/min%n",
                "stack RSS <= 1024 MiB", "heap flat: gateway"));
    }

    @Test
    void theSoakRunsAtTheHighestRateSustainedBefore() {
        BenchResults r = new BenchResults();
        r.add(Targets.SCREEN_POP_STAGE, Targets.SCREEN_POP, summary(100, 1000, 1000, 0, 50, 99));
        r.add(Targets.SCREEN_POP_STAGE, Targets.SCREEN_POP, summary(500, 5000, 5000, 0, 80, 480));
        r.add(Targets.SCREEN_POP_STAGE, Targets.SCREEN_POP, summary(1000, 10_000, 9000, 0, 9000, 600));
        assertThat(Targets.highestSustained(r)).contains(500.0);
        assertThat(Targets.highestSustained(new BenchResults())).isEmpty();
    }

    static Summary summary(double rate, long sent, long ok, long errors, double p99, double throughput) {
        return new Summary("x", rate, sent, ok, errors, sent - ok - errors, p99 / 2, p99 * 0.9, p99, p99 * 1.1, p99 / 2,
                throughput);
    }
}
