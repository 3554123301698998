package dev.rapport.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreFromTheDueTimeInMilliseconds() {
        Latencies l = new Latencies("x");
        long base = 1_000_000_000L;
        for (int i = 1; i <= 100; i++) {
            // call i due at base + i ms, done i ms later: latencies 1..100 ms
            long due = base + i * 1_000_000L;
            l.record(due, due + i * 1_000_000L);
        }
        Summary s = l.summarize(100, 50);

        assertThat(s.completed()).isEqualTo(100);
        assertThat(s.p50()).isCloseTo(50, within(0.1));
        assertThat(s.p95()).isCloseTo(95, within(0.1));
        assertThat(s.p99()).isCloseTo(99, within(0.1));
        assertThat(s.max()).isCloseTo(100, within(0.1));
        assertThat(s.mean()).isCloseTo(50.5, within(0.1));
        // 100 completions between the first due time (base+1ms) and the last completion (base+200ms)
        assertThat(s.throughput()).isCloseTo(100 / 0.199, within(0.5));
        assertThat(s.clean()).isTrue();
    }

    @Test
    void errorsAndCallsThatNeverCompletedAreCountedApart() {
        Latencies l = new Latencies("x");
        l.record(0, 2_000_000);
        l.error();
        Summary s = l.summarize(5, 10);

        assertThat(s.completed()).isEqualTo(1);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.missing()).isEqualTo(3);
        assertThat(s.clean()).isFalse();
    }

    @Test
    void nothingCompletedGivesZeroes() {
        Summary s = new Latencies("x").summarize(3, 10);
        assertThat(s.completed()).isZero();
        assertThat(s.throughput()).isZero();
        assertThat(s.missing()).isEqualTo(3);
    }

    @Test
    void ratiosCompareWithABaseline() {
        Summary a = new Summary("a", 10, 1, 1, 0, 0, 20, 30, 40, 50, 20, 10);
        Summary b = new Summary("b", 10, 1, 1, 0, 0, 2, 3, 8, 9, 2, 10);
        assertThat(a.ratioP50(b)).isEqualTo(10);
        assertThat(a.ratioP99(b)).isEqualTo(5);
        assertThat(a.ratioP50(new Summary("z", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))).isNaN();
    }

    @Test
    void aStalledServerShowsInTheLatenciesOfTheCallsQueuedBehindIt() throws Exception {
        // One worker that takes 20 ms per call, offered 100 calls/s: the queue grows, and because latency counts from
        // the due time (not from when the worker got to it), the later calls show the wait.
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Summary s = Measure.run("queued", new OpenLoop.Plan(100, 20), Duration.ofSeconds(5),
                    i -> CompletableFuture.runAsync(() -> sleep(20), worker));
            assertThat(s.completed()).isEqualTo(20);
            // the last call is due at 190 ms and done after 20 x 20 ms = 400 ms: about 210 ms late, never less
            assertThat(s.max()).isGreaterThan(180);
            assertThat(s.throughput()).isLessThan(60);
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void recordingFromManyThreadsLosesNothing() throws Exception {
        Latencies l = new Latencies("x");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    l.record(0, 1_000_000);
                }
                done.countDown();
            });
        }
        done.await();
        pool.shutdown();
        assertThat(l.summarize(40_000, 1).completed()).isEqualTo(40_000);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
