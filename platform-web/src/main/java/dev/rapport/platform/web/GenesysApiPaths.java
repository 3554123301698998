package dev.rapport.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every operation of Genesys Cloud's data-table, data-action, script and conversation APIs with what Rapport does
 * with it, and Rapport's own operations under the same prefixes ({@value #RESOURCE}). The gateway answers 501 from
 * it, the compatibility page is generated from it, and each service's tests check it against what it serves.
 */
public final class GenesysApiPaths {
    public static final String RESOURCE = "/dev/rapport/platform/web/genesys-api-paths.tsv";
    /** Longer paths are not looked up: no listed path comes near it. */
    static final int MAX_PATH_LENGTH = 2048;

    /** The APIs, each served by one service under one prefix. */
    public enum Api {
        DATA_TABLES("Data tables", "Architect API", "datatable-service", "/api/v2/flows/datatables"),
        DATA_ACTIONS("Data actions", "Integrations API", "action-service", "/api/v2/integrations/actions"),
        SCRIPTS("Scripts", "Scripts API", "script-service", "/api/v2/scripts"),
        CONVERSATIONS("Conversations", "Conversations API", "script-service", "/api/v2/conversations");

        public final String title;
        public final String genesysApi;
        public final String service;
        public final String prefix;

        Api(String title, String genesysApi, String service, String prefix) {
            this.title = title;
            this.genesysApi = genesysApi;
            this.service = service;
            this.prefix = prefix;
        }

        public boolean covers(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    public enum Status {
        /** Genesys's operation, served as Genesys documents it. */
        SERVED("served"),
        /** Genesys's operation, served with the differences the note names. */
        DIFFERS("differs"),
        /** Genesys's operation that Rapport does not serve: the gateway answers 501. */
        NOT_IMPLEMENTED("501"),
        /** Rapport's own operation, not Genesys's. */
        RAPPORT("rapport");

        public final String token;

        Status(String token) {
            this.token = token;
        }

        public boolean served() {
            return this != NOT_IMPLEMENTED;
        }

        static Status of(String token) {
            return Arrays.stream(values()).filter(s -> s.token.equals(token)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown status '" + token + "'"));
        }
    }

    /** One operation: {@code operation} is the Genesys SDK's name for it (null for Rapport's own). */
    public record Entry(String method, String path, Status status, String operation, String note, Api api) {
        /** The path's segments; a {@code {name}} placeholder matches any one segment. */
        List<String> segments() {
            return List.of(path.substring(1).split("/", -1));
        }

        /** METHOD and the path with its placeholders unnamed: what two spellings of one operation share. */
        public String shape() {
            return method + " " + unnamed(path);
        }

        boolean matches(String method, List<String> requested) {
            List<String> mine = segments();
            if (!this.method.equals(method) || mine.size() != requested.size()) {
                return false;
            }
            for (int i = 0; i < mine.size(); i++) {
                if (!placeholder(mine.get(i)) && !mine.get(i).equals(requested.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Of two templates matching one path, the one with a literal segment where the other has a placeholder. */
    private static final Comparator<Entry> MORE_SPECIFIC_FIRST = (a, b) -> {
        List<String> x = a.segments();
        List<String> y = b.segments();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            boolean px = placeholder(x.get(i));
            boolean py = placeholder(y.get(i));
            if (px != py) {
                return px ? 1 : -1;
            }
        }
        return 0;
    };

    private static final GenesysApiPaths LISTED = read();

    private final List<Entry> entries;

    private GenesysApiPaths(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The list kept in {@value #RESOURCE}. */
    public static GenesysApiPaths listed() {
        return LISTED;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The API whose prefix the path is under, if any. */
    public static Optional<Api> apiOf(String path) {
        return Arrays.stream(Api.values()).filter(api -> api.covers(path)).findFirst();
    }

    /**
     * The listed operation a request is for: the most specific template matching its method and raw path (without
     * query), as JAX-RS would choose; empty when none matches or the path is longer than any listed one could be.
     */
    public Optional<Entry> match(String method, String path) {
        if (method == null || path == null || path.length() > MAX_PATH_LENGTH || !path.startsWith("/")) {
            return Optional.empty();
        }
        String upper = method.toUpperCase(Locale.ROOT);
        List<String> requested = List.of(path.substring(1).split("/", -1));
        return entries.stream().filter(e -> e.matches(upper, requested)).min(MORE_SPECIFIC_FIRST);
    }

    /**
     * What the list claims about one service against the operations it really has ("METHOD /path", e.g. from its
     * OpenAPI document; others than the API's are ignored): a served operation it lacks, or one it has that is not
     * listed or listed as not implemented.
     *
     * @return the problems, one sentence each; empty when the list is right
     */
    public List<String> problemsOf(Api api, Collection<String> operations) {
        Set<String> actual = new TreeSet<>();
        for (String operation : operations) {
            String[] parts = operation.split(" ", 2);
            if (parts.length == 2 && api.covers(parts[1])) {
                actual.add(parts[0].toUpperCase(Locale.ROOT) + " " + unnamed(parts[1]));
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Entry e : entries) {
            if (e.api() != api) {
                continue;
            }
            listed.add(e.shape());
            if (e.status().served() && !actual.contains(e.shape())) {
                problems.add(e.method() + " " + e.path() + " is listed as " + e.status().token + " but "
                        + api.service + " does not serve it");
            } else if (!e.status().served() && actual.contains(e.shape())) {
                problems.add(e.method() + " " + e.path() + " is listed as 501 but " + api.service + " serves it");
            }
        }
        actual.stream().filter(shape -> !listed.contains(shape)).forEach(shape -> problems.add(shape
                + " is served by " + api.service + " but not listed in " + RESOURCE + " (add it, as rapport if it"
                + " is not Genesys's)"));
        return problems;
    }

    static GenesysApiPaths parse(String text) {
        List<Entry> entries = new ArrayList<>();
        Set<String> shapes = new HashSet<>();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length < 4 || cells.length > 5) {
                throw new IllegalArgumentException(RESOURCE + " line " + n + ": expected METHOD, path, status, "
                        + "operation and an optional note, tab-separated");
            }
            String path = cells[1].strip();
            Api api = apiOf(path).orElse(null);
            if (api == null) {
                throw new IllegalArgumentException(RESOURCE + " line " + n + ": " + path + " is under no API's prefix");
            }
            String operation = cells[3].strip().equals("-") ? null : cells[3].strip();
            Entry entry = new Entry(cells[0].strip(), path, Status.of(cells[2].strip()), operation,
                    cells.length == 5 ? cells[4].strip() : "", api);
            if ((entry.status() == Status.RAPPORT) != (operation == null)) {
                throw new IllegalArgumentException(RESOURCE + " line " + n + ": Rapport's own paths, and only they,"
                        + " have no Genesys operation (-)");
            }
            if (!shapes.add(entry.shape())) {
                throw new IllegalArgumentException(RESOURCE + " line " + n + ": " + entry.shape() + " is listed twice");
            }
            entries.add(entry);
        }
        return new GenesysApiPaths(entries);
    }

    private static GenesysApiPaths read() {
        try (InputStream in = GenesysApiPaths.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean placeholder(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String unnamed(String path) {
        return path.replaceAll("\\{[^}/]*}", "{}");
    }
}
