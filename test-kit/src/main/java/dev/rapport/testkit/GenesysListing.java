package dev.rapport.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a list endpoint's answer against Genesys's entity listing, the one shape every Rapport listing has:
 * {@code entities, pageSize, pageNumber, total, pageCount, firstUri, selfUri, lastUri}, and {@code nextUri} and
 * {@code previousUri} only when such a page exists, each link the request's path and query with its page number.
 */
public final class GenesysListing {
    private GenesysListing() {
    }

    /**
     * @param body       the answer as a JSON object
     * @param path       the request's path, which every link starts with
     * @param pageNumber the page asked for
     * @param pageSize   its size
     * @param total      how many entities there are in all
     */
    public static void assertPage(Map<String, Object> body, String path, int pageNumber, int pageSize, long total) {
        long pageCount = (total + pageSize - 1) / pageSize;
        Set<String> expected = new TreeSet<>(List.of("entities", "pageSize", "pageNumber", "total", "pageCount",
                "firstUri", "selfUri", "lastUri"));
        if (pageNumber < pageCount) {
            expected.add("nextUri");
        }
        if (pageNumber > 1) {
            expected.add("previousUri");
        }
        List<String> problems = new ArrayList<>();
        if (!new TreeSet<>(body.keySet()).equals(expected)) {
            problems.add("members " + new TreeSet<>(body.keySet()) + ", expected " + expected);
        }
        expect(problems, body, "pageSize", pageSize);
        expect(problems, body, "pageNumber", pageNumber);
        expect(problems, body, "total", total);
        expect(problems, body, "pageCount", pageCount);
        int onPage = (int) Math.max(0, Math.min(pageSize, total - (long) (pageNumber - 1) * pageSize));
        if (!(body.get("entities") instanceof List<?> entities) || entities.size() != onPage) {
            problems.add("entities: " + onPage + " expected, got " + body.get("entities"));
        }
        link(problems, body, "firstUri", path, 1, pageSize);
        link(problems, body, "selfUri", path, pageNumber, pageSize);
        link(problems, body, "lastUri", path, Math.max(pageCount, 1), pageSize);
        if (expected.contains("nextUri")) {
            link(problems, body, "nextUri", path, pageNumber + 1, pageSize);
        }
        if (expected.contains("previousUri")) {
            link(problems, body, "previousUri", path, pageNumber - 1, pageSize);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Not Genesys's listing: " + String.join("; ", problems) + " in " + body);
        }
    }

    private static void expect(List<String> problems, Map<String, Object> body, String member, long value) {
        if (!(body.get(member) instanceof Number n) || n.longValue() != value) {
            problems.add(member + " " + body.get(member) + ", expected " + value);
        }
    }

    private static void link(List<String> problems, Map<String, Object> body, String member, String path, long page,
                             int pageSize) {
        String uri = String.valueOf(body.get(member));
        String query = "&" + (uri.startsWith(path + "?") ? uri.substring(path.length() + 1) : "") + "&";
        if (!query.contains("&pageNumber=" + page + "&") || !query.contains("&pageSize=" + pageSize + "&")) {
            problems.add(member + " " + uri + ", expected " + path + " with pageNumber=" + page + " and pageSize="
                    + pageSize);
        }
    }
}
