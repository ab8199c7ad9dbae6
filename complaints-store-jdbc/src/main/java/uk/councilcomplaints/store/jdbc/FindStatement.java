package uk.councilcomplaints.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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

    /** Binds one parameter. */
    @FunctionalInterface
    private interface Parameter {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    private final StringBuilder sql = new StringBuilder(ComplaintsTable.SELECT);
    private final List<Parameter> parameters = new ArrayList<>();

    /**
     * The complaints of {@code council}, joined with a list of the wanted references if there are any (which
     * H2 looks up in the reference index one by one, where it would test an IN list on every row).
     */
    private FindStatement(String council, Set<String> references) {
        if (!references.isEmpty()) {
            sql.append(" JOIN (VALUES ").append(String.join(", ", Collections.nCopies(references.size(), "(?)")))
                    .append(") wanted (wanted_reference) ON reference = wanted_reference");
            for (String reference : references) {
                parameters.add((ps, i) -> ps.setString(i, reference));
            }
        }
        sql.append(" WHERE council_id = ?");
        parameters.add((ps, i) -> ps.setString(i, council));
    }

    static FindStatement of(Dialect dialect, String council, ComplaintQuery q) {
        FindStatement f = new FindStatement(council, q.references());
        f.in("status", names(q.statuses()));
        if (!q.buckets().isEmpty()) {
            List<String> inBuckets = Arrays.stream(Status.values()).filter(s -> q.buckets().contains(s.bucket()))
                    .map(Status::name).toList();
            if (inBuckets.isEmpty()) {
                f.condition("1 = 0");
            }
            f.in("status", inBuckets);
        }
        f.in("classification", names(q.classifications()));
        f.in("procedure_code", names(q.procedures()));
        if (!q.stages().isEmpty()) {
            f.condition("stage IN (" + Values.marks(q.stages().size()) + ")");
            for (Stage stage : q.stages()) {
                f.parameters.add((ps, i) -> ps.setInt(i, stage.number()));
            }
        }
        f.in("service_area_code", q.serviceAreas().stream().map(a -> a.code()).toList());
        q.officer().ifPresent(v -> f.equal("officer", v));
        q.team().ifPresent(v -> f.equal("team", v));
        q.lastEventBefore().ifPresent(v -> {
            f.condition("last_occurred_at < ?");
            f.parameters.add((ps, i) -> Values.setInstant(ps, i, v));
        });
        q.personalDataErased().ifPresent(v -> {
            f.condition("personal_data_erased = ?");
            f.parameters.add((ps, i) -> ps.setBoolean(i, v));
        });
        q.subject().ifPresent(subject -> {
            f.condition("id IN (" + ComplainantsTable.withKey(subject.key()) + ")");
            f.parameters.add((ps, i) -> ps.setString(i, council));
            f.parameters.add((ps, i) -> ps.setString(i, subject.keyValue()));
        });
        q.receivedFrom().ifPresent(v -> {
            f.condition("received_at >= ?");
            f.parameters.add((ps, i) -> Values.setInstant(ps, i, v));
        });
        q.receivedBefore().ifPresent(v -> {
            f.condition("received_at < ?");
            f.parameters.add((ps, i) -> Values.setInstant(ps, i, v));
        });
        String column = switch (q.sort()) {
            case RECEIVED_AT -> "received_at";
            case REFERENCE -> dialect.referenceOrder();
            case LAST_ACTIVITY -> "last_occurred_at";
        };
        q.after().ifPresent(cursor -> {
            f.condition("(" + column + ", id) " + (q.descending() ? "<" : ">") + " (?, ?)");
            f.parameters.add(sortValue(dialect, q, cursor));
            f.parameters.add((ps, i) -> Values.setUuid(ps, i, cursor.id().value()));
        });
        String direction = q.descending() ? " DESC" : " ASC";
        f.sql.append(" ORDER BY ").append(column).append(direction).append(", id").append(direction).append(" LIMIT ?");
        f.parameters.add((ps, i) -> ps.setInt(i, q.limit() + 1));
        return f;
    }

    private static Parameter sortValue(Dialect dialect, ComplaintQuery q, Cursor cursor) {
        return switch (q.sort()) {
            case RECEIVED_AT -> (ps, i) -> Values.setInstant(ps, i, cursor.receivedAt());
            case REFERENCE -> (ps, i) -> dialect.bindReferenceOrder(ps, i, cursor.reference());
            case LAST_ACTIVITY -> (ps, i) -> Values.setInstant(ps, i, cursor.lastActivity());
        };
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toList());
    }

    private void condition(String condition) {
        sql.append(" AND ").append(condition);
    }

    private void equal(String column, String value) {
        condition(column + " = ?");
        parameters.add((ps, i) -> ps.setString(i, value));
    }

    private void in(String column, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        condition(column + " IN (" + Values.marks(values.size()) + ")");
        for (String value : values) {
            parameters.add((ps, i) -> ps.setString(i, value));
        }
    }

    String sql() {
        return sql.toString();
    }

    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).bind(ps, i + 1);
        }
    }
}
