package dev.rapport.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * HAProxy itself reads docker/haproxy/haproxy.cfg (`haproxy -c`), so a typo fails the build rather than the first
 * `docker compose up`. CI installs Debian's haproxy (.ci/run); a machine without it skips, CI never does.
 */
class LoadBalancerConfigTest {

    @Test
    void haproxyAcceptsTheConfiguration() throws Exception {
        Path config = projectRoot().resolve("docker/haproxy/haproxy.cfg");
        assertThat(config).isRegularFile();
        boolean installed = installed();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("haproxy is not installed, and CI must check the load balancer's configuration: "
                    + ".ci/run installs it (apt-get install haproxy)");
        }
        Assumptions.assumeTrue(installed, "haproxy is not installed here (apt-get install haproxy): the check of "
                + config + " is skipped");

        ComposeFileTest.ProcessResult result = ComposeFileTest.run(List.of("haproxy", "-c", "-f", config.toString()));
        assertThat(result.exitCode()).as("haproxy -c -f " + config + " said:\n" + result.output()).isZero();
    }

    @Test
    void aBrokenConfigurationIsRefused() throws Exception {
        Assumptions.assumeTrue(installed(), "haproxy is not installed here");
        // The check above can fail: the same configuration with a wrong keyword is refused.
        Path config = projectRoot().resolve("docker/haproxy/haproxy.cfg");
        Path broken = Files.createTempFile("haproxy", ".cfg");
        try {
            Files.writeString(broken, Files.readString(config).replace("balance leastconn", "balance fewestconn"));
            assertThat(ComposeFileTest.run(List.of("haproxy", "-c", "-f", broken.toString())).exitCode()).isNotZero();
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    private static boolean installed() throws InterruptedException {
        try {
            return ComposeFileTest.run(List.of("haproxy", "-v")).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a folder above the working directory holds docker-compose.yml").isNotNull();
        return dir;
    }
}
