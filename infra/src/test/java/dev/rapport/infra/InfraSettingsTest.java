package dev.rapport.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfraSettingsTest {

    @Test
    void defaultsAreTheProjectsPortsAndFolders() {
        InfraSettings s = InfraSettings.parse(new String[0], Map.of());
        assertThat(s.jdbcBase()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/");
        assertThat(s.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(s.controllerPort()).isEqualTo(19093);
        assertThat(s.dataDir()).isEqualTo(Path.of(".rapport/data"));
        assertThat(s.logsDir()).isEqualTo(Path.of(".rapport/data/logs"));
        assertThat(s.postgresBinariesDir()).isEqualTo(Path.of(".rapport/pg-binaries"));
        assertThat(s.dbUser()).isEqualTo("rapport");
        assertThat(s.partitions()).isEqualTo(12);
        assertThat(s.postgres() && s.kafka()).isTrue();
    }

    @Test
    void optionsAndEnvironmentOverrideTheDefaults() {
        InfraSettings s = InfraSettings.parse(new String[] {"--data", "/d", "--logs", "/l", "--pg-port", "5433",
                "--kafka-port", "9092", "--controller-port", "9093", "--no-postgres"},
                Map.of("DB_USER", "app", "DB_PASSWORD", "pw", "RAPPORT_KAFKA_PARTITIONS", "3"));
        assertThat(s.dataDir()).isEqualTo(Path.of("/d"));
        assertThat(s.logsDir()).isEqualTo(Path.of("/l"));
        assertThat(s.postgresPort()).isEqualTo(5433);
        assertThat(s.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(s.controllerPort()).isEqualTo(9093);
        assertThat(s.postgres()).isFalse();
        assertThat(s.dbUser()).isEqualTo("app");
        assertThat(s.dbPassword()).isEqualTo("pw");
        assertThat(s.partitions()).isEqualTo(3);
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> InfraSettings.parse(new String[] {"--pg-port"}, Map.of())).hasMessage("--pg-port needs a value");
        assertThatThrownBy(() -> InfraSettings.parse(new String[] {"--pg-port", "x"}, Map.of())).hasMessage("--pg-port needs a number: x");
        assertThatThrownBy(() -> InfraSettings.parse(new String[] {"--kafka-port", "70000"}, Map.of()))
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> InfraSettings.parse(new String[] {"--what"}, Map.of())).hasMessage("unknown option --what");
        assertThatThrownBy(() -> InfraSettings.parse(new String[] {"--no-postgres", "--no-kafka"}, Map.of()))
                .hasMessageContaining("nothing to start");
    }
}
