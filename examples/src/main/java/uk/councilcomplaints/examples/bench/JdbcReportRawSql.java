package uk.councilcomplaints.examples.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.councilcomplaints.examples.bench.JdbcReportBenchmarkSql.Statement;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.StatusBucket;

/**
 * The raw baselines of {@link JdbcReportBenchmark}: SQL written by hand over {@code report_projection} for one
 * report each, not taken from the store, its constants bound as parameters, each read by a hand-written loop.
 * Each report has a few candidate statements; the benchmark times them all and takes the fastest as "best raw".
 * A row counts as of a day's end {@code E}, known at {@code K}, when it happened before {@code E}, was recorded
 * by {@code K}, and its next event (if any) happened at or after {@code E} or was recorded after {@code K}.
 * Every row of a complaint holds the London day of its receipt, the day its first event happened. A by-service
 * statement labels each service area as the store's answer does, by the least name of its counted rows (a code
 * keeps its rows' names after a rename); a "codes only" reference, its names taken from the benchmark's own data
 * instead, is timed beside it but is no baseline, as it leaves part of the answer out.
 */
final class JdbcReportRawSql {

    private JdbcReportRawSql() {
    }

    /**
     * A candidate statement and what it is called in the output; {@code wholeAnswer} unless it leaves out the
     * service areas' names (a reference only: its reader takes them from {@link BenchmarkData#AREAS}).
     */
    record Candidate(String name, Statement statement, boolean wholeAnswer) {
        Candidate(String name, Statement statement) {
            this(name, statement, true);
        }
    }

    /** The start of a complaint's other rows, looked up by its last row {@code l}: per row, or as a join. */
    private static final String LATERAL = "CROSS JOIN LATERAL (SELECT * FROM report_projection p WHERE";
    private static final String JOIN = "JOIN report_projection p ON";

    /**
     * PostgreSQL: run before a statement, in its transaction, so that the planner joins by nested loops only (the
     * lookups by key through the primary key, as the LATERAL form forces, but in parallel workers if it likes).
     */
    static final List<String> NESTED_LOOPS = List.of("SET LOCAL enable_hashjoin = off",
            "SET LOCAL enable_mergejoin = off");

    private static final String OPEN = Stream.of(StatusBucket.values()).filter(StatusBucket::open)
            .map(b -> "'" + b.name() + "'").collect(Collectors.joining(", "));

    /** Statement text and its parameters, added in the order of their marks. */
    private static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final Map<Integer, Object> params = new TreeMap<>();

        Sql add(String sql, Object... values) {
            text.append(sql);
            for (Object v : values) {
                params.put(params.size() + 1, v instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : v);
            }
            return this;
        }

        Statement statement() {
            return new Statement(text.toString(), params);
        }
    }

    /**
     * Counts grouped by {@code columns} (comma-separated, of the projection, without the bucket) as of the end of
     * {@code day}, known at {@code knownAt} if given: "last rows, then lookups" (a join, or a LATERAL subquery with
     * LIMIT 1, which the planner runs once per outer row; only where {@code lateral}, as H2 has no LATERAL) and
     * "two ranges"; and, where {@code lateral}, the join planned with {@link #NESTED_LOOPS}. Where {@code labelled}
     * (by service area), each also takes the least name of each service area's counted rows ({@link Label}),
     * and, where {@code lateral}, the join planned with nested loops without the names is added as a reference.
     */
    static List<Candidate> grouped(String council, String columns, boolean labelled, LocalDate day,
            Optional<Instant> knownAt, boolean lateral) {
        Instant end = LondonDays.endOf(day);
        Label label = labelled ? new Label(lateral) : Label.NONE;
        List<Candidate> candidates = new ArrayList<>();
        Statement join = lastRowsThenLookups(council, columns, label, end, day, knownAt, false);
        candidates.add(new Candidate("last rows, then lookups (join)", join));
        if (lateral) {
            candidates.add(new Candidate("last rows, then lookups (lateral)", lastRowsThenLookups(council, columns,
                    label, end, day, knownAt, true)));
            candidates.add(new Candidate("last rows, then lookups (join, nested loops)", nestedLoops(join)));
            if (labelled) {
                candidates.add(new Candidate("last rows, then lookups (join, nested loops), codes only",
                        nestedLoops(lastRowsThenLookups(council, columns, Label.NONE, end, day, knownAt, false)),
                        false));
            }
        }
        candidates.add(new Candidate("two ranges", twoRanges(council, columns, label, end, knownAt)));
        return candidates;
    }

    /**
     * The least name of each service area's counted rows, as a by-service answer labels it ({@code
     * ServiceArea.labelOf}): {@code MIN} in code point order ({@code COLLATE "C"} on PostgreSQL; H2 compares so
     * already). {@link #NONE} leaves the names out.
     */
    private record Label(boolean used, String collate) {
        static final Label NONE = new Label(false, "");

        Label(boolean postgres) {
            this(true, postgres ? " COLLATE \"C\"" : "");
        }

        /** The name column of {@code alias} (with its dot, or empty), after a comma, if used. */
        String column(String alias) {
            return used ? ", " + alias + "service_area_name" : "";
        }

        /** The least name of {@code alias}'s rows in a group, after a comma, if used. */
        String least(String alias) {
            return used ? ", MIN(" + alias + "service_area_name" + collate + ") AS service_area_name" : "";
        }
    }

    /**
     * The last rows that happened (and were known) by {@code end}, counted straight from the partial index of last
     * rows; then the complaints received by then whose last row did not: each one's row current at {@code end},
     * looked up by key.
     */
    private static Statement lastRowsThenLookups(String council, String columns, Label label, Instant end,
            LocalDate day, Optional<Instant> knownAt, boolean lateral) {
        String p = prefixed("p.", columns);
        LocalDate lastReceived = knownAt.map(LondonDays::dayOf).filter(k -> k.isBefore(day)).orElse(day);
        Sql sql = new Sql().add("SELECT " + columns + label.least("") + ", bucket, COUNT(*) AS n FROM (SELECT "
                + columns + label.column("") + ", bucket FROM report_projection WHERE council_id = ?"
                + " AND next_occurred_at IS NULL AND occurred_at < ?", council, end);
        knownAt.ifPresent(k -> sql.add(" AND recorded_at <= ?", k));
        sql.add(" UNION ALL SELECT " + p + label.column("p.") + ", p.bucket FROM report_projection l "
                + (lateral ? LATERAL : JOIN)
                + " p.council_id = l.council_id AND p.complaint_id = l.complaint_id");
        lookedUp(sql, end, knownAt, lateral);
        sql.add(" WHERE l.council_id = ? AND l.next_occurred_at IS NULL AND l.received_day <= ?", council,
                lastReceived);
        notCurrent(sql, "l", end, knownAt);
        return sql.add(") r GROUP BY " + columns + ", bucket").statement();
    }

    /** The conditions on {@code p}, the row of a complaint current at {@code end}, other than its last row. */
    private static void lookedUp(Sql sql, Instant end, Optional<Instant> knownAt, boolean lateral) {
        if (knownAt.isPresent()) {
            Instant k = knownAt.get();
            sql.add(" AND p.occurred_at < ? AND p.recorded_at <= ?"
                    + " AND (p.next_occurred_at >= ? OR p.next_recorded_at > ?)", end, k, end, k);
        } else {
            sql.add(" AND p.occurred_at < ? AND p.next_occurred_at >= ?", end, end);
        }
        if (lateral) {
            sql.add(" LIMIT 1) p");
        }
    }

    /**
     * "The last row {@code alias} is not current at {@code at}": it happened then or later, or was not yet known;
     * either way it was recorded from {@code at} or from just after {@code knownAt} on, whichever is earlier (a
     * range of the index of last rows by record time).
     */
    private static void notCurrent(Sql sql, String alias, Instant at, Optional<Instant> knownAt) {
        Instant from = knownAt.map(k -> k.plusNanos(1_000)).filter(at::isAfter).orElse(at);
        sql.add(" AND " + alias + ".recorded_at >= ?", from);
        if (knownAt.isPresent()) {
            sql.add(" AND (" + alias + ".occurred_at >= ? OR " + alias + ".recorded_at > ?)", at, knownAt.get());
        } else {
            sql.add(" AND " + alias + ".occurred_at >= ?", at);
        }
    }

    /**
     * The last rows that happened (and were known) by {@code end}, and the rows followed by an event that does not
     * count then: two ranges of the table, the second filtered on the row's own times.
     */
    private static Statement twoRanges(String council, String columns, Label label, Instant end,
            Optional<Instant> knownAt) {
        Sql sql = new Sql().add("SELECT " + columns + label.least("") + ", bucket, COUNT(*) AS n FROM (SELECT "
                + columns + label.column("") + ", bucket FROM report_projection WHERE council_id = ?"
                + " AND next_occurred_at IS NULL AND occurred_at < ?", council, end);
        knownAt.ifPresent(k -> sql.add(" AND recorded_at <= ?", k));
        sql.add(" UNION ALL SELECT " + columns + label.column("") + ", bucket FROM report_projection"
                + " WHERE council_id = ? AND occurred_at < ?", council, end);
        if (knownAt.isPresent()) {
            sql.add(" AND recorded_at <= ? AND (next_occurred_at >= ? OR next_recorded_at > ?)", knownAt.get(), end,
                    knownAt.get());
        } else {
            sql.add(" AND next_occurred_at >= ?", end);
        }
        return sql.add(") r GROUP BY " + columns + ", bucket").statement();
    }

    /**
     * By service as of the end of {@code day}, of the complaints open at the start of {@code cohortDay} (both known
     * at {@code knownAt} if given): "last rows, membership by last row" (its lookups a join unless {@code lateral})
     * and "current rows, cohort by EXISTS"; and, where {@code lateral}, the first as a join planned with
     * {@link #NESTED_LOOPS}, and that join without the service areas' names as a reference. Each labels a service
     * area as {@link #grouped} does.
     */
    static List<Candidate> cohortByService(String council, LocalDate cohortDay, LocalDate day,
            Optional<Instant> knownAt, boolean lateral) {
        Label label = new Label(lateral);
        List<Candidate> candidates = new ArrayList<>(List.of(new Candidate("last rows, membership by last row",
                membershipByLastRow(council, label, cohortDay, day, knownAt, lateral)),
                new Candidate("current rows, cohort by EXISTS", currentRowsCohortByExists(council, label, cohortDay,
                        day, knownAt))));
        if (lateral) { // the first candidate's lookups are LATERAL there: the join is built apart
            candidates.add(new Candidate("last rows, membership by last row (join, nested loops)", nestedLoops(
                    membershipByLastRow(council, label, cohortDay, day, knownAt, false))));
            candidates.add(new Candidate("last rows, membership by last row (join, nested loops), codes only",
                    nestedLoops(membershipByLastRow(council, Label.NONE, cohortDay, day, knownAt, false)), false));
        }
        return candidates;
    }

    /** {@code statement} run after {@link #NESTED_LOOPS} in its transaction. */
    private static Statement nestedLoops(Statement statement) {
        return new Statement(statement.sql(), statement.params(), NESTED_LOOPS);
    }

    /**
     * The rows current at {@code end} as "last rows, then lookups (lateral)" finds them, each kept when its
     * complaint's last row says it is a member: that row was current before the start and open, or it came later
     * and the complaint's row current before the start, looked up by key, was open.
     */
    private static Statement membershipByLastRow(String council, Label label, LocalDate cohortDay, LocalDate day,
            Optional<Instant> knownAt, boolean lateral) {
        Instant end = LondonDays.endOf(day);
        LocalDate lastReceived = knownAt.map(LondonDays::dayOf).filter(k -> k.isBefore(day)).orElse(day);
        Sql sql = new Sql().add("SELECT service_area_code" + label.least("") + ", bucket, COUNT(*) AS n FROM (SELECT"
                + " l.service_area_code" + label.column("l.") + ", l.bucket FROM report_projection l"
                + " WHERE l.council_id = ? AND l.next_occurred_at IS NULL AND l.occurred_at < ?", council, end);
        knownAt.ifPresent(k -> sql.add(" AND l.recorded_at <= ?", k));
        member(sql, cohortDay, knownAt);
        sql.add(" UNION ALL SELECT p.service_area_code" + label.column("p.") + ", p.bucket FROM report_projection l "
                + (lateral ? LATERAL : JOIN)
                + " p.council_id = l.council_id AND p.complaint_id = l.complaint_id");
        lookedUp(sql, end, knownAt, lateral);
        sql.add(" WHERE l.council_id = ? AND l.next_occurred_at IS NULL AND l.received_day <= ?", council,
                lastReceived);
        notCurrent(sql, "l", end, knownAt);
        member(sql, cohortDay, knownAt);
        return sql.add(") r GROUP BY service_area_code, bucket").statement();
    }

    /** "The complaint whose last row is {@code l} was open at the start of {@code cohortDay}". */
    private static void member(Sql sql, LocalDate cohortDay, Optional<Instant> knownAt) {
        Instant start = LondonDays.startOf(cohortDay);
        sql.add(" AND ((l.occurred_at < ?", start);
        knownAt.ifPresent(k -> sql.add(" AND l.recorded_at <= ?", k));
        sql.add(" AND l.bucket IN (" + OPEN + ")) OR (l.received_day < ?", cohortDay);
        notCurrent(sql, "l", start, knownAt);
        sql.add(" AND EXISTS (SELECT 1 FROM report_projection o WHERE o.council_id = l.council_id"
                + " AND o.complaint_id = l.complaint_id AND o.occurred_at < ? AND o.bucket IN (" + OPEN + ")", start);
        knownAt.ifPresent(k -> sql.add(" AND o.recorded_at <= ?"
                + " AND (o.next_occurred_at >= ? OR o.next_recorded_at > ?)", k, start, k));
        if (knownAt.isEmpty()) {
            sql.add(" AND o.next_occurred_at >= ?", start);
        }
        // OFFSET 0: looked up per complaint, never a hashed scan of the whole table
        sql.add(" OFFSET 0)))");
    }

    /** Every row current at {@code end}, kept when the complaint's row current before the start was open. */
    private static Statement currentRowsCohortByExists(String council, Label label, LocalDate cohortDay,
            LocalDate day, Optional<Instant> knownAt) {
        Instant start = LondonDays.startOf(cohortDay);
        Instant end = LondonDays.endOf(day);
        Sql sql = new Sql().add("SELECT p.service_area_code" + label.least("p.") + ", p.bucket, COUNT(*) AS n"
                + " FROM report_projection p WHERE p.council_id = ? AND p.occurred_at < ?", council, end);
        current(sql, end, knownAt);
        sql.add(" AND EXISTS (SELECT 1 FROM report_projection o WHERE o.council_id = p.council_id"
                + " AND o.complaint_id = p.complaint_id AND o.occurred_at < ? AND o.bucket IN (" + OPEN + ")", start);
        knownAt.ifPresent(k -> sql.add(" AND o.recorded_at <= ?", k));
        sql.add(" AND (o.next_occurred_at IS NULL OR o.next_occurred_at >= ?", start);
        knownAt.ifPresent(k -> sql.add(" OR o.next_recorded_at > ?", k));
        return sql.add(")) GROUP BY p.service_area_code, p.bucket").statement();
    }

    /** The rest of "p is current at {@code end}, known at {@code knownAt}", after its occurred_at. */
    private static void current(Sql sql, Instant end, Optional<Instant> knownAt) {
        knownAt.ifPresent(k -> sql.add(" AND p.recorded_at <= ?", k));
        sql.add(" AND (p.next_occurred_at IS NULL OR p.next_occurred_at >= ?", end);
        knownAt.ifPresent(k -> sql.add(" OR p.next_recorded_at > ?", k));
        sql.add(")");
    }

    private static String prefixed(String alias, String columns) {
        return Stream.of(columns.split(",")).map(c -> alias + c.strip()).collect(Collectors.joining(", "));
    }
}
