package uk.councilcomplaints.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.CountQuery.Dimension;
import uk.councilcomplaints.store.GroupCounts;
import uk.councilcomplaints.store.GroupKey;
import uk.councilcomplaints.store.HistoryFilter;

/**
 * A statement over {@code report_projection}: a {@link CountQuery} as one GROUP BY over the rows current at
 * the end of each of its days (ranges of indexes), or a {@link HistoryFilter} as the ids of the complaints it
 * wants. The text depends only on the
 * query's shape (column names from a fixed map, a mark per day and per filter value); every value is a
 * bound parameter. The table's fixed statements are {@link ProjectionTable}'s.
 */
final class ProjectionSql {

    /** Binds one parameter. */
    @FunctionalInterface
    private interface Param {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    /** The column each dimension groups by. */
    private static final Map<Dimension, String> GROUP_COLUMNS = new EnumMap<>(Map.of(
            Dimension.CLASSIFICATION, "classification",
            Dimension.PROCEDURE, "procedure_code",
            Dimension.STAGE, "stage",
            Dimension.SERVICE_AREA, "service_area_code",
            Dimension.OFFICER, "officer",
            Dimension.TEAM, "team"));

    /** Instants from this on mean "no bound" (a caller's {@code Instant.MAX}): SQL timestamps cannot hold them. */
    private static final Instant UNBOUNDED = Instant.parse("9999-01-01T00:00:00Z");

    private static final String TIMESTAMP = "CAST(? AS TIMESTAMP(6) WITH TIME ZONE)";

    /**
     * The open buckets and statuses as SQL literals, written into the text rather than bound: they never change,
     * and over a bound list a generic plan (which the JDBC driver and PostgreSQL choose for a statement a
     * connection has run five times) builds the array again for every row it filters.
     */
    private static final String OPEN_BUCKETS = literals(Stream.of(StatusBucket.values())
            .filter(StatusBucket::open));
    private static final String OPEN_STATUSES = literals(Stream.of(Status.values()).filter(Status::open));

    /**
     * PostgreSQL: a service area's label is the least of its names in code point order, as in Java
     * ({@link ServiceArea#labelOf}) and H2, whatever the database's collation; byte order is also the cheapest.
     */
    private static final String C_ORDER = " COLLATE \"C\"";

    /**
     * PostgreSQL: what a count's transaction sets before its statement, for that transaction only ({@code SET
     * LOCAL}): no hash or merge joins, so each in-flight complaint's current row is found by key, through the
     * primary key. The planner misjudges how many of a complaint's rows are current at an instant (a row's next
     * event follows its own, so the conditions are not independent, as it assumes) and, known at an instant or in
     * a generic plan, hashed a scan of the whole table instead: at 1,000,000 complaints up to twice the time. A
     * plain join rather than the {@code LATERAL ... LIMIT 1} subquery that forced the lookups before can run in
     * parallel workers (a subquery with a LIMIT cannot), beside the scan of the last rows.
     */
    private static final String PLANNER_SETTINGS = "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off";

    private final StringBuilder sql = new StringBuilder();
    private final List<Param> params = new ArrayList<>();
    private final List<Dimension> groupBy;
    private final boolean postgres;

    private ProjectionSql(List<Dimension> groupBy, boolean postgres) {
        this.groupBy = groupBy;
        this.postgres = postgres;
    }

    /**
     * The counts of {@code query} in {@code council}, every day at once, the days' ends a VALUES list joined to
     * the rows current then. On H2, every row that happened before the end is read (one range of an index). On
     * PostgreSQL, a complaint's row current at a day's end is its last row if that happened by then (a range of
     * a partial index on the last rows), else it is found by key among the complaint's rows; only the complaints
     * received by then whose last row happened later (or was recorded after {@code knownAt}) are looked up. A
     * complaint is in a cohort (open at the start of a day) by its last row, or by its row then, found by key.
     */
    static ProjectionSql count(CountQuery query, String council, Dialect dialect) {
        ProjectionSql s = new ProjectionSql(List.copyOf(query.groupBy()), dialect == Dialect.POSTGRESQL);
        if (dialect != Dialect.POSTGRESQL) {
            s.allCurrentRows(query, council);
            s.groupBy("d.day_index, ", "p.");
            return s;
        }
        s.sql.append("SELECT c.day_index, ");
        s.groupColumns("c.", "MIN(c.service_area_name" + C_ORDER + ") AS service_area_name, ");
        s.sql.append("c.bucket, SUM(c.n) AS n FROM (");
        Optional<Instant> known = bounded(query.knownAt());
        CountQuery.Population population = query.population();
        s.currentByLastRow(council, () -> s.days(query.asOf(), known), known, () -> {
            s.filters(query);
            if (!(population instanceof CountQuery.OpenAtStartOf)) {
                s.population(population, known);
            }
        }, last -> {
            if (population instanceof CountQuery.OpenAtStartOf open) {
                s.member(open, last);
            }
        });
        s.sql.append(") c");
        s.groupBy("c.day_index, ", "c.");
        return s;
    }

    /**
     * The start of the counts per day and group of the rows {@code p} at the days {@code d} (H2's statement, or
     * one branch of PostgreSQL's). On PostgreSQL each branch is grouped by itself, the outer query adding up the
     * partial counts: over a table's columns the planner estimates the groups from its statistics (tens, where
     * over the UNION ALL it guessed thousands) and groups each branch's rows on the grouped columns alone, without
     * first projecting and sorting on the day's index as well. (Grouped once over both branches, as the best
     * hand-written statement is, the planner may read the branches at once; but its guess of the groups then
     * decides the plan: at 1,000,000 complaints, with {@link #PLANNER_SETTINGS} and sorts off too, a new load's
     * statistics had it read the last rows on one process, by type at 1.49 times the hand-written statement.)
     */
    private void branchCounts() {
        sql.append("SELECT d.day_index, ");
        groupColumns("p.", "MIN(p.service_area_name" + (postgres ? C_ORDER : "") + ") AS service_area_name, ");
        sql.append("p.bucket, COUNT(*) AS n FROM ");
    }

    /**
     * PostgreSQL: the counts per day and group ({@link #branchCounts}) of the rows of {@code council} current at
     * {@code d.at} as known at {@code known}, for each row of {@code d} (appended by {@code days}, with the
     * columns {@code last_day}, no complaint received after it counts, and {@code look_from}, see
     * {@link #lookFrom}), meeting the conditions {@code where} appends on {@code p} and those {@code last}
     * appends on the complaint's last row (given its alias). Two grouped SELECTs joined by UNION ALL: the last
     * rows current then; and, for each complaint received by {@code last_day} whose last row is not current then,
     * the row that is, found by key (joined through the primary key, see {@link #PLANNER_SETTINGS}). A complaint
     * has at most one row current at an instant, so no row is counted twice.
     */
    private void currentByLastRow(String council, Runnable days, Optional<Instant> known, Runnable where,
            Consumer<String> last) {
        branchCounts();
        days.run();
        sql.append(" JOIN report_projection p ON p.council_id = ? AND p.next_occurred_at IS NULL"
                + " AND p.occurred_at < d.at");
        params.add((ps, i) -> ps.setString(i, council));
        // recorded by k, so happened by k: a bound on the index's own column, which the planner weighs (without it,
        // known at an early instant, it chose the record-time index and fetched the table's pages for the filters)
        known.ifPresent(k -> instant(" AND p.occurred_at <= ? AND p.recorded_at <= ?", k, k));
        where.run();
        last.accept("p");
        groupBy("d.day_index, ", "p.");
        sql.append(" UNION ALL ");
        branchCounts();
        days.run();
        sql.append(" JOIN report_projection l ON l.council_id = ? AND l.next_occurred_at IS NULL"
                + " AND l.received_day <= d.last_day AND l.recorded_at >= d.look_from AND (l.occurred_at >= d.at");
        params.add((ps, i) -> ps.setString(i, council));
        known.ifPresent(k -> instant(" OR l.recorded_at > ?", k));
        sql.append(')');
        last.accept("l");
        sql.append(" JOIN report_projection p ON p.council_id = l.council_id"
                + " AND p.complaint_id = l.complaint_id AND p.next_occurred_at IS NOT NULL AND p.occurred_at < d.at");
        known.ifPresent(k -> instant(" AND p.recorded_at <= ?", k));
        sql.append(" AND (p.next_occurred_at >= d.at");
        known.ifPresent(k -> instant(" OR p.next_recorded_at > ?", k));
        sql.append(')');
        where.run();
        groupBy("d.day_index, ", "p.");
    }

    /**
     * PostgreSQL: "the complaint whose last row is {@code last} is a member of the cohort": its row current just
     * before the start, as known at the cohort's own instant, is open. That row is the last row itself, or, for
     * a complaint received before the start whose last row is not current then, found by key ({@code OFFSET 0}
     * keeps the planner from hashing a scan of the whole table for it instead).
     */
    private void member(CountQuery.OpenAtStartOf open, String last) {
        Optional<Instant> known = bounded(open.knownAt());
        Instant start = open.start();
        String l = last + ".";
        instant(" AND ((" + l + "occurred_at < ?", start);
        known.ifPresent(k -> instant(" AND " + l + "recorded_at <= ?", k));
        inLiterals(l + "bucket", OPEN_BUCKETS);
        sql.append(") OR (").append(l).append("received_day <= ?");
        LocalDate lastDay = lastDay(open.day().minusDays(1), known);
        params.add((ps, i) -> Values.setDate(ps, i, lastDay));
        instant(" AND (" + l + "occurred_at >= ?", start);
        known.ifPresent(k -> instant(" OR " + l + "recorded_at > ?", k));
        sql.append(") AND EXISTS (SELECT 1 FROM report_projection o WHERE o.council_id = ").append(l)
                .append("council_id AND o.complaint_id = ").append(l).append("complaint_id")
                .append(" AND o.next_occurred_at IS NOT NULL");
        instant(" AND o.occurred_at < ?", start);
        known.ifPresent(k -> instant(" AND o.recorded_at <= ?", k));
        instant(" AND (o.next_occurred_at >= ?", start);
        known.ifPresent(k -> instant(" OR o.next_recorded_at > ?", k));
        sql.append(')');
        inLiterals("o.bucket", OPEN_BUCKETS);
        sql.append(" OFFSET 0)))");
    }

    /**
     * The days of a count as {@code (VALUES ...) AS d (day_index, at, last_day, look_from)}: each day's index, its
     * end, the last day a complaint counted then can have been received ({@link #lastDay}), and
     * {@link #lookFrom}.
     */
    private void days(List<LocalDate> days, Optional<Instant> known) {
        sql.append("(VALUES ");
        for (int k = 0; k < days.size(); k++) {
            int index = k;
            Instant end = LondonDays.endOf(days.get(k));
            LocalDate lastDay = lastDay(days.get(k), known);
            Instant lookFrom = lookFrom(end, known);
            sql.append(k == 0 ? "" : ", ").append("(CAST(? AS INTEGER), ").append(TIMESTAMP)
                    .append(", CAST(? AS DATE), ").append(TIMESTAMP).append(')');
            params.add((ps, i) -> ps.setInt(i, index));
            params.add((ps, i) -> Values.setInstant(ps, i, end));
            params.add((ps, i) -> Values.setDate(ps, i, lastDay));
            params.add((ps, i) -> Values.setInstant(ps, i, lookFrom));
        }
        sql.append(") AS d (day_index, at, last_day, look_from)");
    }

    /**
     * The earliest a last row not current at {@code at} as known at {@code known} can have been recorded: such a
     * row happened at or after {@code at}, or was recorded after {@code known}, and no event is recorded before
     * it happens. The last rows recorded from then on are a range of an index.
     */
    private static Instant lookFrom(Instant at, Optional<Instant> known) {
        return known.map(k -> k.plus(1, ChronoUnit.MICROS)).filter(at::isAfter).orElse(at);
    }

    /**
     * The last London day a complaint can have been received on to have a row current at the end of
     * {@code day} as known at {@code known}: its first event happened by then, and was recorded (so happened)
     * by {@code known}.
     */
    private static LocalDate lastDay(LocalDate day, Optional<Instant> known) {
        return known.map(LondonDays::dayOf).filter(k -> k.isBefore(day)).orElse(day);
    }

    private void instant(String condition, Instant... values) {
        sql.append(condition);
        for (Instant value : values) {
            params.add((ps, i) -> Values.setInstant(ps, i, value));
        }
    }

    /** The grouped columns of {@code alias}, each followed by a comma, the service area's name after its code. */
    private void groupColumns(String alias, String serviceAreaName) {
        for (Dimension d : groupBy) {
            sql.append(alias).append(GROUP_COLUMNS.get(d)).append(", ");
            if (d == Dimension.SERVICE_AREA) {
                sql.append(serviceAreaName);
            }
        }
    }

    private void groupBy(String day, String alias) {
        sql.append(" GROUP BY ").append(day);
        for (Dimension d : groupBy) {
            sql.append(alias).append(GROUP_COLUMNS.get(d)).append(", ");
        }
        sql.append(alias).append("bucket");
    }

    /**
     * Every row of {@code query} current at each day's end, counted by group: one range of
     * {@code (council_id, occurred_at)} per day, the rest filtered (H2).
     */
    private void allCurrentRows(CountQuery query, String council) {
        branchCounts();
        sql.append("(VALUES ");
        Optional<Instant> known = bounded(query.knownAt());
        List<LocalDate> days = query.asOf();
        for (int k = 0; k < days.size(); k++) {
            int index = k;
            Instant end = LondonDays.endOf(days.get(k));
            sql.append(k == 0 ? "" : ", ").append("(CAST(? AS INTEGER), ").append(TIMESTAMP).append(')');
            params.add((ps, i) -> ps.setInt(i, index));
            params.add((ps, i) -> Values.setInstant(ps, i, end));
        }
        sql.append(") AS d (day_index, day_end) JOIN report_projection p ON p.council_id = ?"
                + " AND p.occurred_at < d.day_end");
        params.add((ps, i) -> ps.setString(i, council));
        current("p", " >= d.day_end", Optional.empty(), known);
        filters(query);
        population(query.population(), known);
    }

    /** The filters of {@code query} on the row {@code p}: service areas, procedures, officer, team. */
    private void filters(CountQuery query) {
        if (!query.serviceAreas().isEmpty()) {
            in("p.service_area_code", query.serviceAreas().stream().map(ServiceArea::code).toList());
        }
        if (!query.procedures().isEmpty()) {
            in("p.procedure_code", query.procedures().stream().map(Enum::name).toList());
        }
        query.officer().ifPresent(o -> equal("p.officer", o));
        query.team().ifPresent(t -> equal("p.team", t));
    }

    /** The ids of the complaints of {@code council} that {@code filter} wants, perhaps more. */
    static ProjectionSql wanted(HistoryFilter filter, String council) {
        ProjectionSql s = new ProjectionSql(List.of(), false); // groups nothing: the same text on both
        s.sql.append("SELECT p.complaint_id FROM report_projection p WHERE p.council_id = ?");
        s.params.add((ps, i) -> ps.setString(i, council));
        if (filter instanceof HistoryFilter.OpenAt open) {
            s.sql.append(" AND p.occurred_at <= ?");
            s.params.add((ps, i) -> Values.setInstant(ps, i, open.at()));
            s.current("p", " > ?", Optional.of((ps, i) -> Values.setInstant(ps, i, open.at())), open.knownAt());
            s.inLiterals("p.status", OPEN_STATUSES);
        } else {
            HistoryFilter.ActiveBetween active = (HistoryFilter.ActiveBetween) filter;
            // whole microseconds on or after from, before before: round both up
            s.sql.append(" AND p.occurred_at >= ? AND p.occurred_at < ?");
            s.params.add((ps, i) -> Values.setInstant(ps, i, ceilMicros(active.from())));
            s.params.add((ps, i) -> Values.setInstant(ps, i, ceilMicros(active.before())));
        }
        return s;
    }

    String sql() {
        return sql.toString();
    }

    /**
     * What to run in the statement's transaction before it (PostgreSQL counts: {@link #PLANNER_SETTINGS}), if
     * anything. Only for a transaction of the statement's own: {@code SET LOCAL} lasts until it ends.
     */
    Optional<String> settings() {
        return postgres ? Optional.of(PLANNER_SETTINGS) : Optional.empty();
    }

    /** Binds every parameter from index {@code first} on (where the statement is part of a larger one). */
    void bind(PreparedStatement ps, int first) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            params.get(i).bind(ps, first + i);
        }
    }

    /** The groups a count of {@code days} read in {@code rs}. */
    GroupCounts readCounts(ResultSet rs, List<LocalDate> days) throws SQLException {
        GroupCounts.Builder counts = GroupCounts.builder();
        while (rs.next()) {
            StatusBucket bucket = Values.required(Values.getEnum(rs, "bucket", StatusBucket.class), "bucket",
                    "report_projection");
            counts.add(days.get(rs.getInt("day_index")), key(rs), bucket, rs.getLong("n"));
        }
        return counts.build();
    }

    private GroupKey key(ResultSet rs) throws SQLException {
        return new GroupKey(
                groupBy.contains(Dimension.CLASSIFICATION)
                        ? Optional.of(Values.getEnum(rs, "classification", Classification.class)) : Optional.empty(),
                groupBy.contains(Dimension.PROCEDURE)
                        ? Optional.of(Values.getEnum(rs, "procedure_code", Procedure.class)) : Optional.empty(),
                groupBy.contains(Dimension.STAGE) ? Optional.of(Stage.of(rs.getInt("stage"))) : Optional.empty(),
                groupBy.contains(Dimension.SERVICE_AREA) ? Optional.of(new ServiceArea(
                        rs.getString("service_area_code"), rs.getString("service_area_name"))) : Optional.empty(),
                groupBy.contains(Dimension.OFFICER) ? Optional.ofNullable(rs.getString("officer")) : Optional.empty(),
                groupBy.contains(Dimension.TEAM) ? Optional.ofNullable(rs.getString("team")) : Optional.empty());
    }

    /**
     * The rest of "{@code alias} is current": recorded by {@code knownAt} (if bounded) and not yet followed:
     * its next event's time passes {@code followed} (a comparison, with the parameter {@code at} if any).
     */
    private void current(String alias, String followed, Optional<Param> at, Optional<Instant> knownAt) {
        Optional<Instant> known = bounded(knownAt);
        if (known.isPresent()) {
            sql.append(" AND ").append(alias).append(".recorded_at <= ?");
            params.add((ps, i) -> Values.setInstant(ps, i, known.get()));
        }
        sql.append(" AND (").append(alias).append(".next_occurred_at IS NULL OR ").append(alias)
                .append(".next_occurred_at").append(followed);
        at.ifPresent(params::add);
        if (known.isPresent()) {
            sql.append(" OR ").append(alias).append(".next_recorded_at > ?");
            params.add((ps, i) -> Values.setInstant(ps, i, known.get()));
        }
        sql.append(')');
    }

    /**
     * Which complaints count, decided on their rows as known at the population's own instant; the rows counted
     * are known at {@code rowsKnown}. Every row of a complaint holds its day of receipt; the receipt's record
     * is looked up only when the rows' instant does not already imply it (records are in version order).
     */
    private void population(CountQuery.Population population, Optional<Instant> rowsKnown) {
        Optional<Instant> known = bounded(population.knownAt());
        if (population instanceof CountQuery.OpenAtStartOf open) {
            Instant start = open.start();
            sql.append(" AND EXISTS (SELECT 1 FROM report_projection o WHERE o.council_id = p.council_id"
                    + " AND o.complaint_id = p.complaint_id AND o.occurred_at < ?");
            params.add((ps, i) -> Values.setInstant(ps, i, start));
            current("o", " >= ?", Optional.of((ps, i) -> Values.setInstant(ps, i, start)), known);
            inLiterals("o.bucket", OPEN_BUCKETS);
            sql.append(')');
            return;
        }
        if (population instanceof CountQuery.ReceivedBetween received) {
            sql.append(" AND p.received_day >= ? AND p.received_day <= ?");
            params.add((ps, i) -> Values.setDate(ps, i, received.from()));
            params.add((ps, i) -> Values.setDate(ps, i, received.to()));
        }
        boolean implied = known.isPresent() && rowsKnown.isPresent() && !known.get().isBefore(rowsKnown.get());
        if (known.isPresent() && !implied) {
            sql.append(" AND EXISTS (SELECT 1 FROM report_projection f WHERE f.council_id = p.council_id"
                    + " AND f.complaint_id = p.complaint_id AND f.version = 1 AND f.recorded_at <= ?)");
            params.add((ps, i) -> Values.setInstant(ps, i, known.get()));
        }
    }

    private void inLiterals(String column, String literals) {
        sql.append(" AND ").append(column).append(" IN (").append(literals).append(')');
    }

    /** Enum constants' names as a list of SQL string literals (names are Java identifiers: nothing to escape). */
    private static String literals(Stream<? extends Enum<?>> constants) {
        return constants.map(c -> "'" + c.name() + "'").collect(Collectors.joining(", "));
    }

    private void in(String column, Collection<String> values) {
        sql.append(" AND ").append(column).append(" IN (").append(Values.marks(values.size())).append(')');
        for (String v : values) {
            params.add((ps, i) -> ps.setString(i, v));
        }
    }

    private void equal(String column, String value) {
        sql.append(" AND ").append(column).append(" = ?");
        params.add((ps, i) -> ps.setString(i, value));
    }

    private static Optional<Instant> bounded(Optional<Instant> knownAt) {
        return knownAt.filter(k -> k.isBefore(UNBOUNDED));
    }

    private static Instant ceilMicros(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.MICROS);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
