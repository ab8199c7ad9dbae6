package uk.councilcomplaints.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.DueClock;
import uk.councilcomplaints.store.ClockGroup;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;

/**
 * A {@link ClockQuery} as one SELECT on {@code running_clocks}: the running (or paused) rows of the council, each
 * filter a condition with bound parameters, the cursor as a row-value comparison on the sort columns (due or
 * paused instant, complaint, stage, kind), ordered by them after the columns held equal (council, and officer,
 * team or kind) as the indexes are, one row more than the page; or, for a query that counts, one GROUP BY of the
 * group's column. Answers as {@link ClockPage#answer} does.
 */
final class ClockStatement {

    /**
     * Before every instant a clock can have: the lower bound of a first page, which H2 needs to start its index
     * range after the rows whose sort instant is NULL (it cannot read {@code IS NOT NULL} as a range).
     */
    private static final Instant FLOOR = Instant.parse("0001-01-01T00:00:00Z");

    /** The council's lowest or highest basis (a format of the aggregate's name). */
    private static final String BASIS_BOUND = "SELECT %s(basis) FROM running_clocks WHERE council_id = ?";

    private final BoundSql sql = new BoundSql("");
    private final ClockQuery query;

    private ClockStatement(ClockQuery query) {
        this.query = query;
    }

    static ClockStatement of(String council, ClockQuery q) {
        ClockStatement s = new ClockStatement(q);
        String instant = q.pausedClocks() ? "paused_since" : "due";
        s.sql.append(q.countBy().map(g -> "SELECT " + column(g) + ", COUNT(*) FROM running_clocks")
                .orElse(RunningClocksTable.SELECT));
        s.sql.append(" WHERE council_id = ? AND ").append(instant).append(" IS NOT NULL");
        s.sql.bind((ps, i) -> ps.setString(i, council));
        q.dueBefore().ifPresent(v -> {
            s.sql.condition("due < ?");
            s.sql.bind((ps, i) -> Values.setInstant(ps, i, v));
        });
        q.atRiskBy().ifPresent(v -> {
            s.sql.condition("at_risk_from <= ?");
            s.sql.bind((ps, i) -> Values.setInstant(ps, i, v));
        });
        q.officer().ifPresent(v -> s.sql.equal("officer", v));
        q.team().ifPresent(v -> s.sql.equal("team", v));
        s.sql.in("service_area_code", q.serviceAreas().stream().map(a -> a.code()).toList());
        s.sql.in("procedure_code", q.procedures().stream().map(Enum::name).toList());
        s.sql.numbers("stage", q.stages().stream().map(Stage::number).toList());
        s.sql.numbers("kind", q.kinds().stream().map(ClockKind::ordinal).toList());
        s.sql.in("status", q.statuses().stream().map(Enum::name).toList());
        q.basisOtherThan().ifPresent(v -> {
            // the row's basis differs, and so does the council's lowest or highest: those two, read from the ends
            // of running_clocks_by_basis, are evaluated once, so when every row has this basis nothing is scanned
            s.sql.condition("basis <> ? AND ((" + BASIS_BOUND.formatted("MIN") + ") <> ? OR ("
                    + BASIS_BOUND.formatted("MAX") + ") <> ?)");
            s.sql.bind((ps, i) -> ps.setLong(i, v));
            s.sql.bind((ps, i) -> ps.setString(i, council)).bind((ps, i) -> ps.setLong(i, v));
            s.sql.bind((ps, i) -> ps.setString(i, council)).bind((ps, i) -> ps.setLong(i, v));
        });
        if (q.after().isEmpty()) {
            s.sql.condition(instant + " >= ?");
            s.sql.bind((ps, i) -> Values.setInstant(ps, i, FLOOR));
        }
        if (q.countBy().isPresent()) {
            s.sql.append(" GROUP BY ").append(column(q.countBy().get()));
            return s;
        }
        String order = instant + ", complaint_id, stage, kind";
        q.after().filter(c -> c.at().getNano() % 1000 != 0).ifPresent(cursor -> {
            // a cursor between two microseconds (made by hand): every row from the next one on is after it
            s.sql.condition(instant + " >= ?");
            s.sql.bind((ps, i) -> Values.setInstant(ps, i, DueClock.ceilMicros(cursor.at())));
        });
        q.after().filter(c -> c.at().getNano() % 1000 == 0).ifPresent(cursor -> {
            s.sql.condition("(" + order + ") > (?, ?, ?, ?)");
            s.sql.bind((ps, i) -> Values.setInstant(ps, i, cursor.at()));
            s.sql.bind((ps, i) -> Values.setUuid(ps, i, cursor.id().value()));
            s.sql.bind((ps, i) -> ps.setInt(i, cursor.stage().number()));
            s.sql.bind((ps, i) -> ps.setInt(i, cursor.kind().ordinal()));
        });
        // led by the columns held equal, so that H2 too reads the index in order and stops at the page's end
        String held = "council_id, " + (q.pausedClocks() ? "" : held(q));
        s.sql.append(" ORDER BY ").append(held).append(order).append(" LIMIT ?");
        s.sql.bind((ps, i) -> ps.setInt(i, q.limit() + 1));
        return s;
    }

    /**
     * The column a running clock query holds equal that leads an index of the due order (officer, else team,
     * else one kind), followed by a comma; or nothing.
     */
    private static String held(ClockQuery q) {
        if (q.officer().isPresent()) {
            return "officer, ";
        }
        if (q.team().isPresent()) {
            return "team, ";
        }
        return q.kinds().size() == 1 ? "kind, " : "";
    }

    /** The column a group's key is read from. */
    private static String column(ClockGroup group) {
        return switch (group) {
            // ClockGroup.SERVICE_AREA keys a clock by its area's code
            case SERVICE_AREA -> "service_area_code";
            case OFFICER -> "officer";
            case TEAM -> "team";
            case PROCEDURE -> "procedure_code";
            case STAGE -> "stage";
            case KIND -> "kind";
            case STATUS -> "status";
        };
    }

    /** The group's key in the first column of the current row, as {@link ClockGroup#keyOf} gives it. */
    private static String key(ClockGroup group, ResultSet rs) throws SQLException {
        return switch (group) {
            case STAGE -> Stage.of(rs.getInt(1)).name();
            case KIND -> ClockColumns.kind(rs.getInt(1)).name();
            case OFFICER, TEAM -> {
                String value = rs.getString(1);
                yield value == null ? ClockGroup.NONE : value;
            }
            default -> rs.getString(1);
        };
    }

    String sql() {
        return sql.sql();
    }

    /** Binds the parameters, runs the statement and reads its answer. */
    ClockPage answer(PreparedStatement ps) throws SQLException {
        sql.bindAll(ps);
        try (ResultSet rs = ps.executeQuery()) {
            if (query.countBy().isPresent()) {
                Map<String, Long> counts = new TreeMap<>();
                while (rs.next()) {
                    counts.merge(key(query.countBy().get(), rs), rs.getLong(2), Long::sum);
                }
                return ClockPage.counts(counts);
            }
            List<DueClock> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(ClockColumns.read(rs));
            }
            return ClockPage.of(rows, query.limit());
        }
    }
}
