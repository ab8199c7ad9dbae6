package uk.councilcomplaints.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A statement's text built a clause at a time, with a binder for each of its marks in order: what a query
 * statement ({@link FindStatement}, {@link ClockStatement}) is made of. Every value is a bound parameter.
 */
final class BoundSql {

    /** Binds one parameter. */
    @FunctionalInterface
    interface Parameter {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    private final StringBuilder sql;
    private final List<Parameter> parameters = new ArrayList<>();

    BoundSql(String start) {
        sql = new StringBuilder(start);
    }

    /** Appends text with no marks. */
    BoundSql append(String text) {
        sql.append(text);
        return this;
    }

    /** Adds the binder of the next mark. */
    BoundSql bind(Parameter parameter) {
        parameters.add(parameter);
        return this;
    }

    /** Appends {@code AND condition}; the caller binds its marks. */
    BoundSql condition(String condition) {
        return append(" AND ").append(condition);
    }

    /** {@code AND column = value}. */
    void equal(String column, String value) {
        condition(column + " = ?").bind((ps, i) -> ps.setString(i, value));
    }

    /** {@code AND column IN (values)}; nothing when there are none. */
    void in(String column, Collection<String> values) {
        if (!values.isEmpty()) {
            condition(column + " IN (" + Values.marks(values.size()) + ")");
            values.forEach(value -> bind((ps, i) -> ps.setString(i, value)));
        }
    }

    /** {@code AND column IN (numbers)}; nothing when there are none. */
    void numbers(String column, Collection<Integer> values) {
        if (!values.isEmpty()) {
            condition(column + " IN (" + Values.marks(values.size()) + ")");
            values.forEach(value -> bind((ps, i) -> ps.setInt(i, value)));
        }
    }

    String sql() {
        return sql.toString();
    }

    /** Binds every parameter to {@code ps}. */
    void bindAll(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).bind(ps, i + 1);
        }
    }
}
