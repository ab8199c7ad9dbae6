package uk.councilcomplaints.store.jdbc;

import java.io.StringReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * An {@code INSERT}'s batch that PostgreSQL receives as one {@code COPY ... FROM STDIN}: a
 * {@link PreparedStatement} whose {@code set} calls and {@code addBatch} write rows of COPY's text format, so the
 * column binders that fill inserts fill it unchanged. COPY skips the planning and the per-statement work of
 * each multi-row insert; the rows, their constraints, indexes and foreign-key checks are the same. Only the
 * calls the binders make are supported; any other refuses. Only this class names the PostgreSQL driver.
 */
final class CopyBatch implements InvocationHandler {

    private static final Pattern INSERT = Pattern.compile("INSERT INTO (\\w+) \\(([\\w, ]+)\\) VALUES \\([?, ]+\\)");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");
    private static final String NULL = "\\N";

    private final CopyManager copy;
    private final String sql;
    private final String[] row;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;
    private boolean closed;

    private CopyBatch(CopyManager copy, String sql, int columns) {
        this.copy = copy;
        this.sql = sql;
        this.row = new String[columns];
    }

    /** Whether {@code connection} is PostgreSQL's, so that COPY can be sent through it. */
    static boolean possible(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /**
     * A batch for {@code insertSql}, which must be {@code INSERT INTO table (columns) VALUES (?, ...)} with one
     * mark a column, sent through {@code connection}, which must be PostgreSQL's.
     */
    static PreparedStatement prepare(Connection connection, String insertSql) throws SQLException {
        Matcher m = INSERT.matcher(insertSql);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a plain INSERT of one row of marks: " + insertSql);
        }
        int columns = m.group(2).split(",").length;
        int marks = (int) m.group(0).chars().filter(c -> c == '?').count();
        if (columns != marks) {
            throw new IllegalArgumentException(columns + " columns but " + marks + " marks: " + insertSql);
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String sql = "COPY " + m.group(1) + " (" + m.group(2) + ") FROM STDIN";
        return (PreparedStatement) Proxy.newProxyInstance(CopyBatch.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new CopyBatch(copy, sql, columns));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws SQLException {
        String name = method.getName();
        if (name.equals("close")) {
            closed = true;
            return null;
        }
        if (name.equals("isClosed")) {
            return closed;
        }
        if (closed) {
            throw new SQLException("The COPY batch is closed");
        }
        switch (name) {
            case "setString", "setLong", "setInt", "setShort", "setBoolean", "setObject" -> set(args);
            case "setNull" -> set((Integer) args[0], null);
            case "addBatch" -> {
                if (args != null) {
                    throw unsupported(method);
                }
                addBatch();
            }
            case "clearBatch" -> {
                text.setLength(0);
                rows = 0;
                Arrays.fill(row, null);
            }
            case "executeBatch" -> {
                return executeBatch();
            }
            case "toString" -> {
                return sql;
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == args[0];
            }
            default -> throw unsupported(method);
        }
        return null;
    }

    private void set(Object[] args) throws SQLException {
        set((Integer) args[0], args[1] == null ? null : text(args[1]));
    }

    private void set(int index, String value) throws SQLException {
        if (index < 1 || index > row.length) {
            throw new SQLException("Parameter " + index + " is out of range 1 to " + row.length + " of " + sql);
        }
        row[index - 1] = value == null ? NULL : value;
    }

    private void addBatch() throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                throw new SQLException("No value set for parameter " + (i + 1) + " of " + sql);
            }
            if (i > 0) {
                text.append('\t');
            }
            text.append(row[i]);
        }
        text.append('\n');
        rows++;
        Arrays.fill(row, null);
    }

    private int[] executeBatch() throws SQLException {
        if (rows == 0) {
            return new int[0];
        }
        try {
            long copied = copy.copyIn(sql, new StringReader(text.toString()));
            if (copied != rows) {
                throw new SQLException("COPY wrote " + copied + " rows of " + rows + ": " + sql);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("Could not send the rows of " + sql, "08006", e);
        }
        int[] counts = new int[rows];
        Arrays.fill(counts, 1);
        text.setLength(0);
        rows = 0;
        return counts;
    }

    /** A value in COPY's text format: the types {@link Values} binds, and nothing else. */
    private static String text(Object value) throws SQLException {
        if (value instanceof String s) {
            return escape(s);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return value.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (value instanceof OffsetDateTime t) {
            return timestamp(t.withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof LocalDate || value instanceof UUID) {
            return value.toString();
        }
        throw new SQLFeatureNotSupportedException("COPY does not take a " + value.getClass().getName());
    }

    /**
     * {@code t} (in UTC) as {@code 2022-01-14 10:00:00.000000+00:00}, written by hand for years 1000 to 9999: a
     * large batch has a few timestamps a row, and {@link DateTimeFormatter} took a third of the time spent
     * building the text.
     */
    static String timestamp(OffsetDateTime t) {
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            return TIMESTAMP.format(t);
        }
        char[] c = new char[32];
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
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        int v = value;
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    /** Backslash, tab, newline and carriage return escaped, as COPY's text format reads them. */
    private static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escaped = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private static SQLFeatureNotSupportedException unsupported(Method method) {
        return new SQLFeatureNotSupportedException("A COPY batch does not support " + method.getName());
    }
}
