package dev.rapport.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTest {

    @Test
    void theSlopeOfAStraightLineIsItsGradient() {
        List<Trend.Point> line = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            line.add(new Trend.Point(t * 5, 40 + 0.5 * t * 5));
        }
        assertThat(Trend.slopePerSecond(line)).isCloseTo(0.5, offset(1e-9));
        assertThat(Trend.slopePerSecond(List.of(new Trend.Point(0, 1)))).isNaN();
    }

    @Test
    void aSawtoothThatCollectsBackToTheSameFloorIsFlat() {
        // allocation raises the heap 30 MB over 6 samples, then a collection brings it back to 40 MB: 5 minutes of it
        List<Trend.Point> heap = sawtooth(60, 0);
        assertThat(Trend.growthPerMinute(heap, 6)).isCloseTo(0, offset(0.01));
        // the raw samples' slope depends on where the run stops in the sawtooth; the envelope's does not
        assertThat(Trend.growthPerMinute(heap.subList(0, 58), 6)).isCloseTo(0, offset(0.01));
    }

    @Test
    void aFloorThatRisesIsGrowth() {
        // the floor rises 2 MB a minute under the same sawtooth
        assertThat(Trend.growthPerMinute(sawtooth(60, 2), 6)).isCloseTo(2, offset(0.05));
    }

    @Test
    void fewSamplesAreFittedAsTheyAre() {
        List<Trend.Point> few = List.of(new Trend.Point(0, 50), new Trend.Point(60, 53));
        assertThat(Trend.lowerEnvelope(few, 6)).isEqualTo(few);
        assertThat(Trend.growthPerMinute(few, 6)).isCloseTo(3, offset(1e-9));
    }

    /** Samples every 5 s: a 6-sample sawtooth of 30 MB over a floor of 40 MB rising {@code floorPerMinute}. */
    static List<Trend.Point> sawtooth(int samples, double floorPerMinute) {
        List<Trend.Point> out = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            double t = i * 5.0;
            out.add(new Trend.Point(t, 40 + floorPerMinute * t / 60 + (i % 6) * 5));
        }
        return out;
    }
}
