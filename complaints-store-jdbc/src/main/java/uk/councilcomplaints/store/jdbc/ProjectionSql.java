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
 * A statement over {@code report_projection}: a {@link CountQuery} as one range-filtered GROUP BY over
 * its days, or a {@link HistoryFilter} as the ids of the complaints it wants. The text depends only on the
 * query's shape (column names from a fixed map, a mark per day and per filter value); every value is a
 * bound parameter.
 */
final class ProjectionSql {

    /** Binds one parameter. */
    @FunctionalInterface
    private interface Param {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    /** The column each dimension groups by. */
    private static final Map<Dimension, String> GROUP_COLUMNS = new EnumMap<>(Map.of(
            Dimension.CLASSIFICATION, "p.classification",
            Dimension.PROCEDURE, "p.procedure_code",
            Dimension.STAGE, "p.stage",
            Dimension.SERVICE_AREA, "p.service_area_code",
            Dimension.OFFICER, "p.officer",
            Dimension.TEAM, "p.team"));

    /** Instants from this on mean "no bound" (a caller's {@code Instant.MAX}): SQL timestamps cannot hold them. */
    private static final Instant UNBOUNDED = Instant.parse("9999-01-01T00:00:00Z");

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

    /**
     * The counts of {@code query} in {@code council}, every day at once: the days' ends are a VALUES list
     * joined to the rows current at each (a range of the {@code (council_id, occurred_at)} index per day).
     */
    static ProjectionSql count(CountQuery query, String council) {
        ProjectionSql s = new ProjectionSql(List.copyOf(query.groupBy()));
        s.sql.append("SELECT d.day_index, ");
        for (Dimension d : s.groupBy) {
            s.sql.append(GROUP_COLUMNS.get(d)).append(", ");
            if (d == Dimension.SERVICE_AREA) {
                s.sql.append("MIN(p.service_area_name) AS service_area_name, ");
            }
        }
        s.sql.append("p.bucket, COUNT(*) AS n FROM (VALUES ");
        List<LocalDate> days = query.asOf();
        for (int k = 0; k < days.size(); k++) {
            int index = k;
            s.sql.append(k == 0 ? "" : ", ").append("(CAST(? AS INTEGER), CAST(? AS TIMESTAMP(6) WITH TIME ZONE))");
            s.params.add((ps, i) -> ps.setInt(i, index));
            s.params.add((ps, i) -> Values.setInstant(ps, i, LondonDays.endOf(days.get(index))));
        }
        // the row current at each day's last instant: occurred before its end, not yet followed then
        s.sql.append(") AS d (day_index, day_end) JOIN report_projection p ON p.council_id = ?"
                + " AND p.occurred_at < d.day_end");
        s.params.add((ps, i) -> ps.setString(i, council));
        s.current("p", " >= d.day_end", Optional.empty(), query.knownAt());
        if (!query.serviceAreas().isEmpty()) {
            s.in("p.service_area_code", query.serviceAreas().stream().map(ServiceArea::code).toList());
        }
        if (!query.procedures().isEmpty()) {
            s.in("p.procedure_code", query.procedures().stream().map(Enum::name).toList());
        }
        query.officer().ifPresent(o -> s.equal("p.officer", o));
        query.team().ifPresent(t -> s.equal("p.team", t));
        s.population(query.population());
        s.sql.append(" GROUP BY d.day_index, ");
        for (Dimension d : s.groupBy) {
            s.sql.append(GROUP_COLUMNS.get(d)).append(", ");
        }
        s.sql.append("p.bucket");
        return s;
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
        sql.append(" AND ").append(column).append(" IN (").append(Sql.marks(values.size())).append(')');
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
