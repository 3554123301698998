package dev.rapport.platform.web;

import jakarta.ws.rs.core.EntityTag;

/**
 * A request's {@code If-Match} against a version number that is the resource's {@code ETag}: {@code "7"},
 * {@code W/"7"}, a bare {@code 7}, a comma-separated list of those, or {@code *}. Absent (or blank, or {@code *})
 * checks nothing, as Genesys clients send none.
 */
public record IfMatch(String header) {

    public static IfMatch of(String header) {
        return new IfMatch(header);
    }

    /** The ETag of a version, for the answer's {@code ETag} header. */
    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** True when there is nothing to check. */
    public boolean any() {
        return header == null || header.isBlank() || header.trim().equals("*");
    }

    /** True when the stored {@code version} is one the caller names (or the caller names none). */
    public boolean matches(long version) {
        if (any()) {
            return true;
        }
        String wanted = Long.toString(version);
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.replace("\"", "").trim().equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** What the caller sent, without quotes and weak markers, for messages: {@code 3} or {@code 3, 4}. */
    public String versions() {
        return header == null ? "" : header.trim().replace("W/", "").replace("\"", "");
    }
}
