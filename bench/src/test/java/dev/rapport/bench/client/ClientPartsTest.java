package dev.rapport.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.bench.report.BenchResults;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClientPartsTest {

    @Test
    void serverSentEventsAreFramedByEmptyLines() {
        List<SessionStream.Event> events = new ArrayList<>();
        SessionStream.parse(Stream.of(": heartbeat", "", "event: session", "id: abc-1:3", "data: {\"a\":1}", "",
                "id:x:1", "data:line1", "data: line2", "", "data: {}"), events::add);

        assertThat(events).hasSize(2);
        assertThat(events.get(0).id()).isEqualTo("abc-1:3");
        assertThat(events.get(0).interactionId()).isEqualTo("abc-1");
        assertThat(events.get(0).data()).isEqualTo("{\"a\":1}");
        assertThat(events.get(1).data()).isEqualTo("line1\nline2");
        assertThat(events.get(1).interactionId()).isEqualTo("x");
        assertThat(events.get(0).receivedNanos()).isLessThanOrEqualTo(events.get(1).receivedNanos());
    }

    @Test
    void hopsAreDifferencesOfConsecutivePointsWherebothWereSeen() {
        List<double[]> timelines = List.of(
                new double[] {1000.4, 1002, 1010, 1030, 1031, 1033.5},
                new double[] {2000, 2004, 2012, -1, 2050, 2052},
                new double[] {3000, 2999, 3010, 3020, 3021, 3022});
        List<BenchResults.Hop> hops = HopTable.hops("s", 10, List.of("p0", "p1", "p2", "p3", "p4", "p5"), timelines);

        assertThat(hops).hasSize(5);
        assertThat(hops.get(0).hop()).isEqualTo("p0 → p1");
        assertThat(hops.get(0).samples()).isEqualTo(3);
        // 1.6, 4 and 0 (a record timestamp 1 ms before the send, ms rounding) → median 1.6
        assertThat(hops.get(0).p50()).isBetween(1.59, 1.61);
        assertThat(hops.get(2).samples()).isEqualTo(2); // the missing point of the second timeline
        assertThat(hops.get(2).p95()).isBetween(19.9, 20.1);
    }

    @Test
    void aHopWithoutSamplesHasNoPercentiles() {
        List<BenchResults.Hop> hops = HopTable.hops("s", 1, List.of("a", "b"), List.of(new double[] {1, -1}));
        assertThat(hops.get(0).samples()).isZero();
        assertThat(hops.get(0).p50()).isNaN();
    }

    @Test
    void aServiceTimerIsSummedOverTheMatchingSeries() {
        ServerTimer timer = new ServerTimer(null, java.net.URI.create("http://127.0.0.1:1"), "http_server_requests_seconds",
                "uri=\"/rows/{rowId}\"", "status=\"200\"");
        String before = """
                # TYPE http_server_requests_seconds summary
                http_server_requests_seconds_count{method="GET",status="200",uri="/rows/{rowId}"} 10.0
                http_server_requests_seconds_sum{method="GET",status="200",uri="/rows/{rowId}"} 0.05
                http_server_requests_seconds_count{method="GET",status="404",uri="/rows/{rowId}"} 3.0
                http_server_requests_seconds_max{method="GET",status="200",uri="/rows/{rowId}"} 0.02
                """;
        String after = before.replace("} 10.0", "} 110.0").replace("} 0.05", "} 0.45");
        ServerTimer.Reading a = timer.parse(before);
        ServerTimer.Reading b = timer.parse(after);
        assertThat(a.count()).isEqualTo(10);
        // 100 more calls took 0.4 s more: 4 ms each
        assertThat(b.meanMsSince(a)).isCloseTo(4.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(a.meanMsSince(a)).isNaN();
    }
}
