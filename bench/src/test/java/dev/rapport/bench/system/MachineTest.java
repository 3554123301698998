package dev.rapport.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineTest {
    @Test
    void countsTheInstancesOfAServiceFromThePidFilesOfRapport(@TempDir Path root) throws Exception {
        Path pids = Files.createDirectories(root.resolve(".rapport/pids"));
        for (String name : new String[] {"script-service.pid", "script-service-2.pid", "gateway.pid", "infra.pid"}) {
            Files.writeString(pids.resolve(name), "123");
        }
        assertThat(Machine.instancesOf(root, "script-service")).isEqualTo(2);
        assertThat(Machine.instancesOf(root, "gateway")).isEqualTo(1);
        assertThat(Machine.instancesOf(root.resolve("nowhere"), "gateway")).isZero();
    }
}
