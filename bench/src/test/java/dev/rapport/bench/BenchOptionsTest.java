package dev.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void theDefaultsAreTheShortProfile() {
        BenchOptions o = BenchOptions.parse(new String[0], Map.of());
        assertThat(o.rates()).containsExactly(20.0, 50.0, 100.0);
        assertThat(o.stageDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.stages()).isEqualTo(BenchOptions.ALL_STAGES);
        assertThat(o.gateway().toString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(o.highestRate()).isEqualTo(100);
        assertThat(o.fresh()).isFalse();
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
}
