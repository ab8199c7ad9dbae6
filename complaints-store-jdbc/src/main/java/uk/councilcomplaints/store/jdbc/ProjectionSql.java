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

    private static final List<String> OPEN_BUCKETS = Stream.of(StatusBucket.values()).filter(StatusBucket::open)
            .map(Enum::name).toList();
    private static final List<String> OPEN_STATUSES = Stream.of(Status.values()).filter(Status::open)
            .map(Enum::name).toList();

    private final StringBuilder sql = new StringBuilder();
    private final List<Param> params = new ArrayList<>();
    private final List<Dimension> groupBy;

    private ProjectionSql(List<Dimension> groupBy) {
        this.groupBy = groupBy;
    }

    /** Which of the rows current at a day's end a part of a count reads. */
    private enum Rows {
        /** Every row current then: one range of {@code (council_id, occurred_at)}. */
        ALL,
        /** The last rows of their complaints: a range of a partial index on {@code occurred_at}. */
        LAST,
        /** The rows followed by an event that does not count then: a range of {@code next_recorded_at}. */
        FOLLOWED
    }

    /**
     * The counts of {@code query} in {@code council}, every day at once, the days' ends a VALUES list joined to
     * the rows current then. On H2, every row that happened before the end is read (one range of an index). On
     * PostgreSQL, the rows current are read as two ranges of index: the last rows of their complaints that
     * happened before the end, and the rows followed by an event that does not count yet (it happened after the
     * end, or was recorded after {@code knownAt}); the rows whose next event happened and was known by then,
     * most of the table, are never read.
     */
    static ProjectionSql count(CountQuery query, String council, Dialect dialect) {
        ProjectionSql s = new ProjectionSql(List.copyOf(query.groupBy()));
        if (dialect != Dialect.POSTGRESQL) {
            s.currentRows(query, council, Rows.ALL);
            s.groupBy("d.day_index, ", "p.");
            return s;
        }
        s.sql.append("SELECT c.day_index, ");
        s.groupColumns("c.", "MIN(c.service_area_name) AS service_area_name, ");
        s.sql.append("c.bucket, COUNT(*) AS n FROM (");
        s.currentRows(query, council, Rows.LAST);
        s.sql.append(" UNION ALL ");
        s.currentRows(query, council, Rows.FOLLOWED);
        s.sql.append(") c");
        s.groupBy("c.day_index, ", "c.");
        return s;
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
     * The {@code rows} of {@code query} current at each day's end. An event is never recorded before it
     * happens, so an event that does not count at the end was recorded on or after the earlier of the end and
     * the first microsecond after {@code knownAt}: the {@link Rows#FOLLOWED} rows are a range of
     * {@code next_recorded_at}.
     */
    private void currentRows(CountQuery query, String council, Rows rows) {
        // every row current (ALL) is counted here; the other kinds are counted by the caller
        sql.append("SELECT d.day_index, ");
        groupColumns("p.", rows == Rows.ALL ? "MIN(p.service_area_name) AS service_area_name, " : "p.service_area_name, ");
        sql.append(rows == Rows.ALL ? "p.bucket, COUNT(*) AS n FROM (VALUES " : "p.bucket FROM (VALUES ");
        Optional<Instant> known = bounded(query.knownAt());
        List<LocalDate> days = query.asOf();
        for (int k = 0; k < days.size(); k++) {
            int index = k;
            Instant end = LondonDays.endOf(days.get(k));
            sql.append(k == 0 ? "" : ", ").append("(CAST(? AS INTEGER), ").append(TIMESTAMP);
            params.add((ps, i) -> ps.setInt(i, index));
            params.add((ps, i) -> Values.setInstant(ps, i, end));
            if (rows == Rows.FOLLOWED) {
                Instant from = known.map(at -> at.plus(1, ChronoUnit.MICROS)).filter(end::isAfter).orElse(end);
                sql.append(", ").append(TIMESTAMP);
                params.add((ps, i) -> Values.setInstant(ps, i, from));
            }
            sql.append(')');
        }
        sql.append(rows == Rows.FOLLOWED ? ") AS d (day_index, day_end, next_recorded_from)"
                : ") AS d (day_index, day_end)").append(" JOIN report_projection p ON p.council_id = ?");
        params.add((ps, i) -> ps.setString(i, council));
        switch (rows) {
            case ALL -> {
                sql.append(" AND p.occurred_at < d.day_end");
                current("p", " >= d.day_end", Optional.empty(), known);
            }
            case LAST -> sql.append(" AND p.next_occurred_at IS NULL AND p.occurred_at < d.day_end");
            case FOLLOWED -> {
                sql.append(" AND p.next_recorded_at >= d.next_recorded_from AND p.occurred_at < d.day_end"
                        + " AND (p.next_occurred_at >= d.day_end");
                if (known.isPresent()) {
                    sql.append(" OR p.next_recorded_at > ?");
                    params.add((ps, i) -> Values.setInstant(ps, i, known.get()));
                }
                sql.append(')');
            }
        }
        if (rows != Rows.ALL && known.isPresent()) {
            sql.append(" AND p.recorded_at <= ?");
            params.add((ps, i) -> Values.setInstant(ps, i, known.get()));
        }
        if (!query.serviceAreas().isEmpty()) {
            in("p.service_area_code", query.serviceAreas().stream().map(ServiceArea::code).toList());
        }
        if (!query.procedures().isEmpty()) {
            in("p.procedure_code", query.procedures().stream().map(Enum::name).toList());
        }
        query.officer().ifPresent(o -> equal("p.officer", o));
        query.team().ifPresent(t -> equal("p.team", t));
        population(query.population());
    }

    /** The ids of the complaints of {@code council} that {@code filter} wants, perhaps more. */
    static ProjectionSql wanted(HistoryFilter filter, String council) {
        ProjectionSql s = new ProjectionSql(List.of());
        s.sql.append("SELECT p.complaint_id FROM report_projection p WHERE p.council_id = ?");
        s.params.add((ps, i) -> ps.setString(i, council));
        if (filter instanceof HistoryFilter.OpenAt open) {
            s.sql.append(" AND p.occurred_at <= ?");
            s.params.add((ps, i) -> Values.setInstant(ps, i, open.at()));
            s.current("p", " > ?", Optional.of((ps, i) -> Values.setInstant(ps, i, open.at())), open.knownAt());
            s.in("p.status", OPEN_STATUSES);
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

    /** Which complaints count, decided on their rows as known at the population's own instant. */
    private void population(CountQuery.Population population) {
        Optional<Instant> known = bounded(population.knownAt());
        if (population instanceof CountQuery.OpenAtStartOf open) {
            Instant start = open.start();
            sql.append(" AND EXISTS (SELECT 1 FROM report_projection o WHERE o.council_id = p.council_id"
                    + " AND o.complaint_id = p.complaint_id AND o.occurred_at < ?");
            params.add((ps, i) -> Values.setInstant(ps, i, start));
            current("o", " >= ?", Optional.of((ps, i) -> Values.setInstant(ps, i, start)), known);
            in("o.bucket", OPEN_BUCKETS);
            sql.append(')');
            return;
        }
        CountQuery.ReceivedBetween received = population instanceof CountQuery.ReceivedBetween r ? r : null;
        if (received == null && known.isEmpty()) {
            return;
        }
        sql.append(" AND EXISTS (SELECT 1 FROM report_projection f WHERE f.council_id = p.council_id"
                + " AND f.complaint_id = p.complaint_id AND f.version = 1");
        if (received != null) {
            sql.append(" AND f.received_day >= ? AND f.received_day <= ?");
            params.add((ps, i) -> Values.setDate(ps, i, received.from()));
            params.add((ps, i) -> Values.setDate(ps, i, received.to()));
        }
        if (known.isPresent()) {
            sql.append(" AND f.recorded_at <= ?");
            params.add((ps, i) -> Values.setInstant(ps, i, known.get()));
        }
        sql.append(')');
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
