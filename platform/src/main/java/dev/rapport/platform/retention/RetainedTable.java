package dev.rapport.platform.retention;

import java.time.Duration;
import java.util.regex.Pattern;

/** A table whose rows are deleted once the timestamp in {@code column} is older than {@code keep}. */
public record RetainedTable(String table, String column, Duration keep) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public RetainedTable {
        // the names go into SQL text: accept plain lower-case identifiers only
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("rapport.retention.tables: '" + table + "." + column
                    + "' must be lower-case letters, digits and underscores");
        }
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("rapport.retention.tables." + table + ".keep must be positive");
        }
    }
}
