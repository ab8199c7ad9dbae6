package uk.councilcomplaints.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.Cursor;

/**
 * A {@link ComplaintQuery} as one SELECT: every filter a condition with bound parameters, the whitelisted
 * sort column then the id (both reversed when descending), the cursor as a row-value comparison on those two,
 * and one row more than the page to tell whether there is a next page. It starts from
 * {@link ComplaintsTable#SELECT}; subject access's sub-select is {@link ComplainantsTable#withKey}.
 */
final class FindStatement {

    private final BoundSql sql = new BoundSql(ComplaintsTable.SELECT);

    /**
     * The complaints of {@code council}, joined with a list of the wanted references if there are any (which
     * H2 looks up in the reference index one by one, where it would test an IN list on every row).
     */
    private FindStatement(String council, Set<String> references) {
        if (!references.isEmpty()) {
            sql.append(" JOIN (VALUES ").append(String.join(", ", Collections.nCopies(references.size(), "(?)")))
                    .append(") wanted (wanted_reference) ON reference = wanted_reference");
            references.forEach(reference -> sql.bind((ps, i) -> ps.setString(i, reference)));
        }
        sql.append(" WHERE council_id = ?").bind((ps, i) -> ps.setString(i, council));
    }

    static FindStatement of(Dialect dialect, String council, ComplaintQuery q) {
        FindStatement f = new FindStatement(council, q.references());
        f.sql.in("status", names(q.statuses()));
        if (!q.buckets().isEmpty()) {
            List<String> inBuckets = Arrays.stream(Status.values()).filter(s -> q.buckets().contains(s.bucket()))
                    .map(Status::name).toList();
            if (inBuckets.isEmpty()) {
                f.sql.condition("1 = 0");
            }
            f.sql.in("status", inBuckets);
        }
        f.sql.in("classification", names(q.classifications()));
        f.sql.in("procedure_code", names(q.procedures()));
        f.sql.numbers("stage", q.stages().stream().map(Stage::number).toList());
        f.sql.in("service_area_code", q.serviceAreas().stream().map(a -> a.code()).toList());
        q.officer().ifPresent(v -> f.sql.equal("officer", v));
        q.team().ifPresent(v -> f.sql.equal("team", v));
        q.lastEventBefore().ifPresent(v -> {
            f.sql.condition("last_occurred_at < ?");
            f.sql.bind((ps, i) -> Values.setInstant(ps, i, v));
        });
        q.personalDataErased().ifPresent(v -> {
            f.sql.condition("personal_data_erased = ?");
            f.sql.bind((ps, i) -> ps.setBoolean(i, v));
        });
        q.subject().ifPresent(subject -> {
            f.sql.condition("id IN (" + ComplainantsTable.withKey(subject.key()) + ")");
            f.sql.bind((ps, i) -> ps.setString(i, council));
            f.sql.bind((ps, i) -> ps.setString(i, subject.keyValue()));
        });
        q.receivedFrom().ifPresent(v -> {
            f.sql.condition("received_at >= ?");
            f.sql.bind((ps, i) -> Values.setInstant(ps, i, v));
        });
        q.receivedBefore().ifPresent(v -> {
            f.sql.condition("received_at < ?");
            f.sql.bind((ps, i) -> Values.setInstant(ps, i, v));
        });
        String column = switch (q.sort()) {
            case RECEIVED_AT -> "received_at";
            case REFERENCE -> dialect.referenceOrder();
            case LAST_ACTIVITY -> "last_occurred_at";
        };
        q.after().ifPresent(cursor -> {
            f.sql.condition("(" + column + ", id) " + (q.descending() ? "<" : ">") + " (?, ?)");
            f.sql.bind(sortValue(dialect, q, cursor));
            f.sql.bind((ps, i) -> Values.setUuid(ps, i, cursor.id().value()));
        });
        String direction = q.descending() ? " DESC" : " ASC";
        f.sql.append(" ORDER BY ").append(column).append(direction).append(", id").append(direction).append(" LIMIT ?");
        f.sql.bind((ps, i) -> ps.setInt(i, q.limit() + 1));
        return f;
    }

    private static BoundSql.Parameter sortValue(Dialect dialect, ComplaintQuery q, Cursor cursor) {
        return switch (q.sort()) {
            case RECEIVED_AT -> (ps, i) -> Values.setInstant(ps, i, cursor.receivedAt());
            case REFERENCE -> (ps, i) -> dialect.bindReferenceOrder(ps, i, cursor.reference());
            case LAST_ACTIVITY -> (ps, i) -> Values.setInstant(ps, i, cursor.lastActivity());
        };
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toList());
    }

    String sql() {
        return sql.sql();
    }

    void bind(PreparedStatement ps) throws SQLException {
        sql.bindAll(ps);
    }
}
