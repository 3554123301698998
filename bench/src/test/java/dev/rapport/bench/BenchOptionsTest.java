package dev.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void theDefaultProfileReaches1000CallsASecond() {
        BenchOptions o = BenchOptions.parse(new String[0], Map.of());
        assertThat(o.profile()).isEqualTo("default");
        assertThat(o.rates()).containsExactly(100.0, 500.0, 1000.0);
        assertThat(o.stageDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.stages()).isEqualTo(BenchOptions.ALL_STAGES);
        assertThat(o.gateway().toString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(o.highestRate()).isEqualTo(1000);
        assertThat(o.targetRate()).isEqualTo(1000);
        assertThat(o.maxRequests()).isEqualTo(20_000);
        assertThat(o.fresh()).isFalse();
    }

    @Test
    void profilesSetTheDefaultsAndOptionsStillWin() {
        BenchOptions quick = BenchOptions.parse(new String[] {"--profile", "quick"}, Map.of());
        assertThat(quick.rates()).containsExactly(100.0, 1000.0);
        assertThat(quick.stageDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(quick.stages()).containsExactlyInAnyOrder("screenpop", "action");

        BenchOptions soak = BenchOptions.parse(new String[] {"--rates", "300,600", "--profile", "soak"}, Map.of());
        assertThat(soak.rates()).containsExactly(600.0);
        assertThat(soak.stageDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(soak.stages()).containsExactly("screenpop");
        assertThat(soak.maxRequests()).isEqualTo(360_001); // the whole 10 minutes, not the 20,000 default cap

        assertThat(BenchOptions.parse(new String[] {"--profile", "quick", "--seconds", "8"}, Map.of()).stageDuration())
                .isEqualTo(Duration.ofSeconds(8));
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--profile", "long"}, Map.of()))
                .hasMessageContaining("unknown profile");
    }

    @Test
    void theSoakTakesTheHighestRateThePreviousRunSustained(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        dev.rapport.bench.report.BenchResults previous = new dev.rapport.bench.report.BenchResults();
        previous.add(dev.rapport.bench.report.Targets.SCREEN_POP_STAGE, dev.rapport.bench.report.Targets.SCREEN_POP,
                new dev.rapport.bench.load.Summary("x", 500, 5000, 5000, 0, 0, 10, 20, 30, 40, 12, 498));
        dev.rapport.bench.report.JsonReport.write(previous, dir);

        BenchOptions soak = BenchOptions.parse(new String[] {"--profile", "soak", "--out", dir.toString()}, Map.of());
        assertThat(soak.rates()).containsExactly(500.0);
        BenchOptions first = BenchOptions.parse(new String[] {"--profile", "soak", "--out", dir.resolve("none").toString()},
                Map.of());
        assertThat(first.rates()).containsExactly(1000.0);
    }

    @Test
    void healthAndMetricsHaveABaseUrlPerServiceThatCanMove() {
        BenchOptions o = BenchOptions.parse(new String[0], Map.of());
        assertThat(o.managementOf("script-service").toString()).isEqualTo("http://127.0.0.1:9082");
        assertThat(o.management()).hasSize(4);

        BenchOptions moved = BenchOptions.parse(new String[] {"--management-urls",
                "gateway=http://127.0.0.1:9080, action-service=http://127.0.0.1:9083"}, Map.of());
        assertThat(moved.managementOf("gateway").toString()).isEqualTo("http://127.0.0.1:9080");
        assertThat(moved.managementOf("action-service").toString()).isEqualTo("http://127.0.0.1:9083");
        assertThat(moved.managementOf("datatable-service").toString()).isEqualTo("http://127.0.0.1:9081");
        assertThat(BenchOptions.parse(new String[0], Map.of("RAPPORT_MANAGEMENT_URLS", "script-service=http://127.0.0.1:9082"))
                .managementOf("script-service").toString()).isEqualTo("http://127.0.0.1:9082");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--management-urls", "billing=http://127.0.0.1:1"}, Map.of()))
                .hasMessageContaining("service=url");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--management-urls", "gateway=http://10.1.1.1:9080"}, Map.of()))
                .hasMessageContaining("loopback");
    }

    @Test
    void ratesStagesAndBoundsAreOptions() {
        BenchOptions o = BenchOptions.parse(new String[] {"--rates", "50, 200,500,1000", "--seconds", "5",
                "--stages", "screenpop", "--fresh", "--max-requests", "3000"}, Map.of());
        assertThat(o.rates()).containsExactly(50.0, 200.0, 500.0, 1000.0);
        assertThat(o.stageDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.stages()).containsExactly("screenpop");
        assertThat(o.fresh()).isTrue();
        assertThat(o.maxRequests()).isEqualTo(3000);
    }

    @Test
    void onlyLoopbackTargetsAndKnownStagesAreAccepted() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[0], Map.of("RAPPORT_GATEWAY_URL", "http://example.com:8080")))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--stages", "everything"}, Map.of()))
                .hasMessageContaining("unknown stage");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rates", "0"}, Map.of()))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--seconds"}, Map.of()))
                .hasMessageContaining("needs a value");
    }

    @Test
    void theDesignerStageRunsOnlyWhenAskedForAndItsPageMustBeLoopback() {
        assertThat(BenchOptions.parse(new String[0], Map.of()).stages()).doesNotContain("designer");
        BenchOptions o = BenchOptions.parse(new String[] {"--stages", "designer", "--designer-components", "120",
                "--ui-url", "http://127.0.0.1:5173"}, Map.of());
        assertThat(o.stages()).containsExactly("designer");
        assertThat(o.designerComponents()).isEqualTo(120);
        assertThat(o.ui().toString()).isEqualTo("http://127.0.0.1:5173");
        assertThat(BenchOptions.parse(new String[0], Map.of()).ui()).isEqualTo(o.gateway());
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--ui-url", "http://10.0.0.2:5173"}, Map.of()))
                .hasMessageContaining("loopback");
    }

    @Test
    void routingIsOptInWithItsAgentsAndRate() {
        BenchOptions defaults = BenchOptions.parse(new String[0], Map.of());
        assertThat(defaults.stages()).doesNotContain("routing");
        assertThat(defaults.routingAgents()).isEqualTo(4);
        assertThat(defaults.routingRate()).isEqualTo(20.0);

        BenchOptions o = BenchOptions.parse(new String[] {"--stages", "routing", "--routing-agents", "8",
                "--routing-rate", "50"}, Map.of());
        assertThat(o.stages()).containsExactly("routing");
        assertThat(o.routingAgents()).isEqualTo(8);
        assertThat(o.routingRate()).isEqualTo(50.0);

        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--routing-agents", "9"}, Map.of()))
                .hasMessageContaining("at most 8");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--routing-agents", "0"}, Map.of()))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--routing-rate", "0"}, Map.of()))
                .hasMessageContaining("--routing-rate");
    }
}
