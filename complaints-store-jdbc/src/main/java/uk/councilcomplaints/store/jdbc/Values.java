package uk.councilcomplaints.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;

/**
 * How values cross into and out of SQL, in one place. Instants go through {@link #setInstant} and
 * {@link #getInstant} alone: bound as UTC {@link OffsetDateTime} to {@code TIMESTAMP WITH TIME ZONE}
 * columns, to the microsecond, so neither the JVM's nor the session's time zone can shift them.
 */
final class Values {

    private Values() {
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, utc(instant), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    /** {@code instant} as it is stored: in UTC, to the microsecond. */
    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Optional<Instant> getOptionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(getInstant(rs, column));
    }

    static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, date, Types.DATE);
        }
    }

    static LocalDate getDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static void setUuid(PreparedStatement ps, int index, UUID id) throws SQLException {
        if (id == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, id);
        }
    }

    static UUID getUuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static <E extends Enum<E>> E getEnum(ResultSet rs, String column, Class<E> type) throws SQLException {
        String name = rs.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }

    static Integer getInteger(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** {@code value}, or a clear error naming the column a row of this kind must have filled. */
    static <T> T required(T value, String column, Object kind) {
        if (value == null) {
            throw new IllegalStateException("Column " + column + " is empty in a stored " + kind + " row");
        }
        return value;
    }

    /** {@code n} parameter marks separated by commas. */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
