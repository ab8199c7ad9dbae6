package uk.councilcomplaints.store.jdbc;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * An {@code INSERT}'s batch that PostgreSQL receives as one {@code COPY ... FROM STDIN}: the rows are written
 * straight into COPY's text format. COPY skips the planning and the per-statement work of each multi-row insert;
 * the rows, their constraints, indexes and foreign-key checks are the same. Only this class names the PostgreSQL
 * driver.
 */
final class CopyBatch extends RowWriter {

    private static final Pattern INSERT = Pattern.compile("INSERT INTO (\\w+) \\(([\\w, ]+)\\) VALUES \\([?, ]+\\)");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");
    private static final String NULL = "\\N";
    /** The length of a timestamp written by hand: {@code 2022-01-14 10:00:00.000000+00:00}. */
    private static final int STAMP = 32;

    private final CopyManager copy;
    private final String copySql;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private final char[] stamp = new char[STAMP];
    private int rows;

    private CopyBatch(CopyManager copy, String insertSql, String sql, int columns) {
        super(insertSql, columns);
        this.copy = copy;
        this.copySql = sql;
    }

    /** Whether {@code connection} is PostgreSQL's, so that COPY can be sent through it. */
    static boolean possible(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /**
     * A batch for {@code insertSql}, which must be {@code INSERT INTO table (columns) VALUES (?, ...)} with one
     * mark a column, sent through {@code connection}, which must be PostgreSQL's.
     */
    static CopyBatch prepare(Connection connection, String insertSql) throws SQLException {
        Matcher m = INSERT.matcher(insertSql);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a plain INSERT of one row of marks: " + insertSql);
        }
        int columns = m.group(2).split(",").length;
        int marks = marks(insertSql);
        if (columns != marks) {
            throw new IllegalArgumentException(columns + " columns but " + marks + " marks: " + insertSql);
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        return new CopyBatch(copy, insertSql, "COPY " + m.group(1) + " (" + m.group(2) + ") FROM STDIN", columns);
    }

    @Override
    void setNull(int sqlType) throws SQLException {
        next().append(NULL);
    }

    @Override
    void setString(String value) throws SQLException {
        StringBuilder out = next();
        if (value == null) {
            out.append(NULL);
        } else {
            escape(value, out);
        }
    }

    @Override
    void setInt(int value) throws SQLException {
        next().append(value);
    }

    @Override
    void setLong(long value) throws SQLException {
        next().append(value);
    }

    @Override
    void setBoolean(boolean value) throws SQLException {
        next().append(value ? 't' : 'f');
    }

    @Override
    void setInstant(Instant value) throws SQLException {
        StringBuilder out = next();
        if (value == null) {
            out.append(NULL);
            return;
        }
        OffsetDateTime t = Values.utc(value);
        if (timestamp(t, stamp)) {
            out.append(stamp);
        } else {
            TIMESTAMP.formatTo(t, out);
        }
    }

    @Override
    void setDate(LocalDate value) throws SQLException {
        StringBuilder out = next();
        out.append(value == null ? NULL : value.toString());
    }

    @Override
    void setUuid(UUID value) throws SQLException {
        StringBuilder out = next();
        out.append(value == null ? NULL : value.toString());
    }

    /** The text, after the tab that separates this value from the one before it in the row. */
    private StringBuilder next() throws SQLException {
        if (column() > 1) {
            text.append('\t');
        }
        return text;
    }

    @Override
    void addRow() {
        text.append('\n');
        rows++;
    }

    @Override
    int[] send() throws SQLException {
        if (rows == 0) {
            return new int[0];
        }
        try {
            long copied = copy.copyIn(copySql, new StringReader(text.toString()));
            if (copied != rows) {
                throw new SQLException("COPY wrote " + copied + " rows of " + rows + ": " + copySql);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("Could not send the rows of " + copySql, "08006", e);
        }
        int[] counts = new int[rows];
        Arrays.fill(counts, 1);
        text.setLength(0);
        rows = 0;
        return counts;
    }

    @Override
    void release() {
        text.setLength(0);
        rows = 0;
    }

    /** {@code t} (in UTC) as COPY reads it: {@code 2022-01-14 10:00:00.000000+00:00}. */
    static String timestamp(OffsetDateTime t) {
        char[] c = new char[STAMP];
        return timestamp(t, c) ? new String(c) : TIMESTAMP.format(t);
    }

    /**
     * Writes {@code t} (in UTC) into {@code c} by hand and returns true, for years 1000 to 9999; else false, for
     * the formatter. A large batch has a few timestamps a row, and {@link DateTimeFormatter} took a third of the
     * time spent building the text.
     */
    private static boolean timestamp(OffsetDateTime t, char[] c) {
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            return false;
        }
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1000, 6);
        "+00:00".getChars(0, 6, c, 26);
        return true;
    }

    private static void digits(char[] c, int at, int value, int width) {
        int v = value;
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    /** {@code s} onto {@code out}, with backslash, tab, newline and carriage return escaped as COPY reads them. */
    private static void escape(String s, StringBuilder out) {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            String escaped = switch (s.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                out.append(s, from, i).append(escaped);
                from = i + 1;
            }
        }
        out.append(s, from, s.length());
    }
}
