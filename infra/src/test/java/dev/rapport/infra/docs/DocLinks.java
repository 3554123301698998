package dev.rapport.infra.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The references of one Markdown file that lead nowhere: a relative link {@code [text](path#anchor)} whose file is
 * missing or whose heading is not in the linked Markdown file, and a path in backticks (segments with a slash, ending
 * in an extension or a slash) that no file or folder of the repository ends with. Fenced code is not read; links
 * with a scheme ({@code https:}, {@code mailto:}) are not followed; build output ({@code target/}, {@code dist/}),
 * hidden folders and paths elided with {@code ...} are not checked.
 */
final class DocLinks {
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\s]+)`");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /** A path in backticks that names a file or folder: segments with a slash, ending in an extension or a slash. */
    private static final Pattern REPOSITORY_PATH =
            Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*/([A-Za-z0-9_.-]+\\.[a-z]{1,5})?");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    private final Path root;
    private List<String> repositoryPaths;

    DocLinks(Path root) {
        this.root = root;
    }

    /** One broken reference: file, line (from 1), the reference as written and what is wrong with it. */
    record Broken(Path file, int line, String reference, String problem) {
        @Override
        public String toString() {
            return file + ":" + line + " " + reference + " (" + problem + ")";
        }
    }

    List<Broken> brokenIn(Path doc) {
        List<Broken> broken = new ArrayList<>();
        List<String> lines = read(doc);
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                String problem = problemOfLink(doc, link.group(1));
                if (problem != null) {
                    broken.add(new Broken(root.relativize(doc), i + 1, link.group(1), problem));
                }
            }
            Matcher span = CODE_SPAN.matcher(line);
            while (span.find()) {
                String problem = problemOfRepositoryPath(span.group(1));
                if (problem != null) {
                    broken.add(new Broken(root.relativize(doc), i + 1, span.group(1), problem));
                }
            }
        }
        return broken;
    }

    private String problemOfLink(Path doc, String target) {
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? "" : target.substring(hash + 1);
        Path file = path.isEmpty() ? doc : doc.getParent().resolve(path).normalize();
        if (!Files.exists(file)) {
            return "no such file: " + root.relativize(file);
        }
        if (!anchor.isEmpty() && file.toString().endsWith(".md") && !headingAnchors(file).contains(anchor)) {
            return "no heading #" + anchor + " in " + root.relativize(file);
        }
        return null;
    }

    private String problemOfRepositoryPath(String span) {
        if (!REPOSITORY_PATH.matcher(span).matches() || span.contains("...") || span.startsWith(".")
                || span.startsWith("target/") || span.contains("/target/") || span.startsWith("dist/")) {
            return null;
        }
        String path = span.endsWith("/") ? span.substring(0, span.length() - 1) : span;
        return repositoryPaths().stream().anyMatch(p -> p.equals(path) || p.endsWith("/" + path))
                ? null : "no such file or folder in the repository";
    }

    /** Every file and folder of the repository, relative and with '/', build output and dependencies left out. */
    private List<String> repositoryPaths() {
        if (repositoryPaths == null) {
            try (Stream<Path> walk = Files.walk(root)) {
                repositoryPaths = walk.filter(p -> !p.equals(root))
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> Stream.of(p.split("/")).noneMatch(DocLinks::notOfTheRepository))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return repositoryPaths;
    }

    private static boolean notOfTheRepository(String name) {
        return name.startsWith(".") || name.equals("target") || name.equals("node_modules") || name.equals("dist");
    }

    /** GitHub's anchors: the heading in lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> headingAnchors(Path markdown) {
        Set<String> anchors = new HashSet<>();
        boolean fenced = false;
        for (String line : read(markdown)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    anchors.add(anchor(heading.group(1)));
                }
            }
        }
        return anchors;
    }

    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
