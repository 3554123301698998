package dev.rapport.infra.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of the project's documentation leads somewhere: README.md, each module's README and
 * everything under docs/. A renamed file or heading breaks the build here rather than a reader's click.
 */
class DocLinksTest {

    @Test
    void everyRelativeLinkOfTheDocumentationResolves() throws IOException {
        Path root = projectRoot();
        List<Path> docs = documentation(root);
        assertThat(docs).as("the root README, the module READMEs and docs/")
                .contains(root.resolve("README.md"), root.resolve("docs/architecture.md"),
                        root.resolve("action-service/README.md"));
        DocLinks links = new DocLinks(root);
        List<DocLinks.Broken> broken = docs.stream().flatMap(doc -> links.brokenIn(doc).stream()).toList();
        assertThat(broken).as("broken references in the documentation").isEmpty();
    }

    @Test
    void aMissingFileAMissingHeadingAndAPathNotInTheRepositoryAreReported(@TempDir Path root)
            throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.createDirectories(root.resolve("service/src"));
        Files.writeString(root.resolve("docs/guide.md"), "# The guide\n\n## Running it, alone\n");
        Path readme = Files.writeString(root.resolve("service/README.md"), String.join("\n",
                "# service",
                "Fine: [guide](../docs/guide.md), [alone](../docs/guide.md#running-it-alone), [top](#service),",
                "[web](https://example.org/x.md), `service/src/`, `src/`, `service/target/x.jar`, `HTTP/JSON`.",
                "Broken: [gone](../docs/gone.md), [heading](../docs/guide.md#not-there), `service/src/Nope.java`,",
                "`shared/docs/`.",
                "```",
                "[inside code](nowhere.md)",
                "```"));

        List<DocLinks.Broken> broken = new DocLinks(root).brokenIn(readme);

        assertThat(broken).extracting(DocLinks.Broken::line, DocLinks.Broken::reference).containsExactly(
                tuple(4, "../docs/gone.md"),
                tuple(4, "../docs/guide.md#not-there"),
                tuple(4, "service/src/Nope.java"),
                tuple(5, "shared/docs/"));
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(DocLinks.anchor("HTTP conventions and errors")).isEqualTo("http-conventions-and-errors");
        assertThat(DocLinks.anchor("Run alone (`./mvnw`): 2 ways")).isEqualTo("run-alone-mvnw-2-ways");
    }

    /** The root README, every README.md of a module (any depth, build output and node_modules left out), docs/. */
    private static List<Path> documentation(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> {
                        Path rel = root.relativize(p);
                        for (Path part : rel) {
                            String name = part.toString();
                            if (name.equals("node_modules") || name.equals("target") || name.startsWith(".")) {
                                return false;
                            }
                        }
                        return rel.getFileName().toString().equals("README.md") || rel.startsWith("docs");
                    })
                    .sorted()
                    .toList();
        }
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a folder above " + Path.of("").toAbsolutePath() + " holds docker-compose.yml").isNotNull();
        return dir;
    }
}
