package dev.rapport.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.bench.report.BenchResults;
import dev.rapport.bench.report.Trend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunWatchTest {

    @Test
    void heapUsedIsTheSumOfTheHeapPoolsInTheMetrics() {
        String metrics = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="Tenured Gen"} 2.097152E7
                jvm_memory_used_bytes{area="heap",id="Eden Space"} 1.048576E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
                jvm_memory_max_bytes{area="heap",id="Tenured Gen"} 6.7E7
                """;
        assertThat(RunWatch.heapUsedBytes(metrics) / (1024 * 1024)).isEqualTo(30);
        assertThat(RunWatch.heapUsedBytes("up 1\n")).isNaN();
    }

    @Test
    void aHeapIsFlatWhenItsFloorGrowsLessThanTheThreshold() {
        List<Trend.Point> flat = new ArrayList<>();
        List<Trend.Point> growing = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            flat.add(new Trend.Point(i * 5, 40 + (i % 6) * 5));
            growing.add(new Trend.Point(i * 5, 40 + i * 5 / 60.0 * 3 + (i % 6) * 5)); // 3 MB a minute
        }
        BenchResults.HeapTrend f = RunWatch.trend("gateway", flat, 1.0);
        BenchResults.HeapTrend g = RunWatch.trend("script-service", growing, 1.0);

        assertThat(f.flat()).isTrue();
        assertThat(f.samples()).isEqualTo(60);
        assertThat(f.minutes()).isCloseTo(4.92, org.assertj.core.data.Offset.offset(0.01));
        assertThat(f.minMb()).isEqualTo(40);
        assertThat(f.maxMb()).isEqualTo(65);
        assertThat(g.flat()).isFalse();
        assertThat(g.slopeMbPerMinute()).isCloseTo(3, org.assertj.core.data.Offset.offset(0.1));
        assertThat(RunWatch.trend("action-service", List.of(), 1.0).flat()).isFalse();
    }
}
