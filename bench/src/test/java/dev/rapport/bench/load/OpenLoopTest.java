package dev.rapport.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

    /** Virtual time: sleeping jumps to the due time; a call can "take" time to model a slow generator. */
    static final class FakeClock implements OpenLoop.Clock {
        long now = 1_000_000;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long nanoTime) {
            now = Math.max(now, nanoTime);
        }
    }

    @Test
    void callsAreDueAtFixedIntervalsFromTheStartWithoutDrift() throws Exception {
        FakeClock clock = new FakeClock();
        List<Long> dues = new ArrayList<>();
        OpenLoop.Fired fired = OpenLoop.run(new OpenLoop.Plan(3, 301), clock, (i, due) -> dues.add(due));

        assertThat(fired.count()).isEqualTo(301);
        assertThat(dues.get(0)).isEqualTo(1_000_000);
        assertThat(dues.get(1) - dues.get(0)).isEqualTo(333_333_333);
        // 300 intervals of 1/3 s are exactly 100 s: computed from i, not summed, so no rounding accumulates
        assertThat(dues.get(300) - dues.get(0)).isEqualTo(100_000_000_000L);
        assertThat(fired.maxLagNanos()).isZero();
    }

    @Test
    void aSlowCallDoesNotPushLaterDueTimes() throws Exception {
        FakeClock clock = new FakeClock();
        List<Long> dues = new ArrayList<>();
        OpenLoop.run(new OpenLoop.Plan(100, 5), clock, (i, due) -> {
            dues.add(due);
            if (i == 1) {
                clock.now += 35_000_000; // the generator stalls 35 ms: calls 2 and 3 fire late, keeping their due times
            }
        });

        assertThat(dues).containsExactly(1_000_000L, 11_000_000L, 21_000_000L, 31_000_000L, 41_000_000L);
    }

    @Test
    void theLagOfTheGeneratorIsReported() throws Exception {
        FakeClock clock = new FakeClock();
        OpenLoop.Fired fired = OpenLoop.run(new OpenLoop.Plan(100, 3), clock, (i, due) -> clock.now += 25_000_000);

        // call 1 due at +10 ms fires at +25 ms, call 2 due at +20 ms fires at +50 ms
        assertThat(fired.maxLagNanos()).isEqualTo(30_000_000);
        assertThat(fired.late()).isEqualTo(2);
    }

    @Test
    void callsMoreThanFiveMillisecondsBehindTheirDueTimeCountAsLate() throws Exception {
        FakeClock clock = new FakeClock();
        // at 1,000/s each call takes the generator 1.2 ms: the lag grows by 0.2 ms a call and passes 5 ms after call 25
        OpenLoop.Fired fired = OpenLoop.run(new OpenLoop.Plan(1000, 100), clock, (i, due) -> clock.now += 1_200_000);

        assertThat(fired.late()).isEqualTo(100 - 26);
        assertThat(fired.lateShare()).isEqualTo(0.74);
        assertThat(OpenLoop.run(new OpenLoop.Plan(1000, 100), new FakeClock(), (i, due) -> { }).late()).isZero();
    }

    @Test
    void aPlanIsBoundedByItsDurationAndCap() {
        assertThat(OpenLoop.Plan.of(50, Duration.ofSeconds(10), 100_000).count()).isEqualTo(500);
        assertThat(OpenLoop.Plan.of(1000, Duration.ofSeconds(10), 2000).count()).isEqualTo(2000);
        assertThat(OpenLoop.Plan.of(2.5, Duration.ofSeconds(2), 100).count()).isEqualTo(5);
        assertThat(new OpenLoop.Plan(4, 8).duration()).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> new OpenLoop.Plan(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRealClockKeepsTheRate() throws Exception {
        List<Long> fired = new ArrayList<>();
        long t0 = System.nanoTime();
        OpenLoop.run(new OpenLoop.Plan(200, 41), (i, due) -> fired.add(System.nanoTime()));
        double seconds = (System.nanoTime() - t0) / 1e9;

        // 40 intervals of 5 ms: at least 200 ms (never early); the generous upper bound tolerates a busy machine
        assertThat(seconds).isBetween(0.199, 2.0);
        assertThat(fired).hasSize(41);
    }
}
