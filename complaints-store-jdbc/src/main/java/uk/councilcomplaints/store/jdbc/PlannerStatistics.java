package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps PostgreSQL from planning a bulk load's statements as if its tables were empty. A table analysed only
 * while empty (or never) is taken to hold almost nothing, so each foreign-key check of the rows that follow
 * scans the referenced table whole: a first import of 20,000 rows into a new database slowed to under 200 rows a
 * second. A large batch therefore analyses each such table inside its transaction, once its own rows are in
 * (ANALYZE counts them), and from then on the planner scales the statistics with the table's size. H2 needs
 * none of this.
 */
final class PlannerStatistics {

    /**
     * A batch with at least this many commits is a bulk load on PostgreSQL: it looks at the statistics and sends
     * its inserts by COPY ({@link Inserts}). Fewer never look: a wrong plan costs them little.
     */
    static final int BULK_COMMITS = 100;

    /** The tables that other tables' foreign keys, the append's updates and the reports look rows up in. */
    static final List<String> TABLES = List.of("complaints", "complaint_events", "report_projection");

    private static final String EMPTY_IN_STATISTICS = "SELECT relname FROM pg_class"
            + " WHERE oid IN (to_regclass(?), to_regclass(?), to_regclass(?)) AND reltuples <= 0";

    private final Set<String> stale;

    private PlannerStatistics(Set<String> stale) {
        this.stale = stale;
    }

    /** What the statistics of this batch's tables say; nothing to do unless on PostgreSQL and the batch is large. */
    static PlannerStatistics look(Connection connection, Dialect dialect, int commits) throws SQLException {
        if (!bulk(dialect, commits)) {
            return new PlannerStatistics(new HashSet<>());
        }
        Set<String> stale = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(EMPTY_IN_STATISTICS)) {
            for (int i = 0; i < TABLES.size(); i++) {
                ps.setString(i + 1, TABLES.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stale.add(rs.getString(1));
                }
            }
        }
        return new PlannerStatistics(stale);
    }

    /** Whether a batch of {@code commits} into {@code dialect} is a bulk load on PostgreSQL. */
    static boolean bulk(Dialect dialect, int commits) {
        return dialect == Dialect.POSTGRESQL && commits >= BULK_COMMITS;
    }

    /**
     * Analyses {@code table} if its statistics said it was empty, now that this batch has written to it. Without
     * the right to analyse it PostgreSQL warns and goes on.
     */
    void filled(Connection connection, String table) throws SQLException {
        if (!stale.remove(table)) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("ANALYZE " + table);
        }
    }
}
