package dev.rapport.script.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.RapportInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The session batch's statements that run in every batch reach their rows by an index, whatever the size of the
 * table: a scan there (of the table, or of an index whose first column is another) costs more the more calls are
 * open. The planner is told to avoid sequential scans, so the plan shows the index it would use.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "sessionlock"))
class SessionQueryPlansTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEndedInteractionStopsWatchingItsRowsThroughAnIndex() throws Exception {
        assertThat(indexesUsed("DELETE FROM session_row WHERE interaction_id = ANY('{a,b}'::varchar[])"))
                .anySatisfy(columns -> assertThat(columns).startsWith("interaction_id"));
    }

    @Test
    void aRowChangeFindsItsWatchersThroughAnIndex() throws Exception {
        assertThat(indexesUsed("SELECT interaction_id FROM session_row WHERE table_id = 't' AND row_key = 'k'"))
                .anySatisfy(columns -> assertThat(columns).startsWith("table_id, row_key"));
    }

    /**
     * The columns of each index the statement's plan uses, as its definition lists them (e.g. "table_id, row_key,
     * interaction_id"); "(no index: the plan)" when it uses none. PostgreSQL 18 can skip-scan an index on a column
     * that is not its first, which reads every distinct value of the columns before it: only an index that starts
     * with the searched column reaches the rows directly.
     */
    private java.util.List<String> indexesUsed(String statement) throws Exception {
        String plan = plan(statement);
        java.util.regex.Matcher using = java.util.regex.Pattern.compile("(?: using | Bitmap Index Scan on )(\\w+)").matcher(plan);
        java.util.List<String> columns = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT indexdef FROM pg_indexes WHERE indexname = ?")) {
            while (using.find()) {
                ps.setString(1, using.group(1));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        String def = rs.getString(1);
                        columns.add(def.substring(def.indexOf('(') + 1, def.lastIndexOf(')')));
                    }
                }
            }
        }
        return columns.isEmpty() ? java.util.List.of("(no index: " + plan.strip() + ")") : columns;
    }

    private String plan(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("SET LOCAL enable_seqscan = off");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("EXPLAIN " + statement)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                c.rollback();
            }
        }
    }
}
