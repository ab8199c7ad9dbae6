package uk.councilcomplaints.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over another that records every SQL string prepared or executed through it and can fail
 * at a chosen step. A step is one call that reaches the database: {@code execute}, {@code executeQuery},
 * {@code executeUpdate}, {@code executeBatch} (on a {@link Statement} or {@link PreparedStatement}) or
 * {@link Connection#commit()}; steps are counted from {@link #failAt} across every connection. A failure is
 * either a statement the database refuses ({@link Fault#STATEMENT_FAILS}: not run, the connection stays usable)
 * or a dropped connection ({@link Fault#CONNECTION_DROPS}: the step runs or not as said, then the connection is
 * gone: the server rolls back what was not committed, and every later call on it throws SQLState 08006, as
 * PostgreSQL's driver does).
 */
final class FaultyDataSource implements DataSource {

    /** What goes wrong at the chosen step. */
    enum Fault {
        /** The step is refused (SQLState XX000) before it runs; the transaction stays open for a rollback. */
        STATEMENT_FAILS,
        /** The connection is lost before the step reaches the server. */
        CONNECTION_DROPS,
        /** The step runs (a commit commits), then the connection is lost before the answer comes back. */
        CONNECTION_DROPS_AFTER
    }

    /** The SQLState PostgreSQL's driver gives a connection lost mid-way. */
    static final String CONNECTION_FAILURE = "08006";
    /** What a commit step is recorded as. */
    static final String COMMIT = "COMMIT";

    private final DataSource delegate;
    private final java.util.Set<String> recorded = new java.util.LinkedHashSet<>();
    private int steps;
    private int failAt = -1;
    private Fault fault = Fault.STATEMENT_FAILS;
    private Predicate<String> matching = sql -> true;
    private Optional<String> failedStep = Optional.empty();

    FaultyDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** Every distinct SQL string prepared or executed (and {@value #COMMIT}) since the last {@link #clear}, in first use order. */
    synchronized List<String> recorded() {
        return List.copyOf(recorded);
    }

    /** The steps taken since {@link #failAt} or {@link #clear}. */
    synchronized int steps() {
        return steps;
    }

    /** The step that failed, if one did. */
    synchronized Optional<String> failedStep() {
        return failedStep;
    }

    /** Forgets what was recorded, counts steps from zero, fails nowhere. */
    synchronized void clear() {
        recorded.clear();
        steps = 0;
        failAt = -1;
        failedStep = Optional.empty();
        matching = sql -> true;
    }

    /** Fails the {@code n}th step from now (1 is the next one). */
    synchronized void failAt(int n, Fault how) {
        failAt(n, how, sql -> true);
    }

    /** Fails the {@code n}th step from now whose SQL matches ({@value #COMMIT} for a commit). */
    synchronized void failAt(int n, Fault how, Predicate<String> which) {
        steps = 0;
        failAt = n;
        fault = how;
        matching = which;
        failedStep = Optional.empty();
    }

    private synchronized void record(String sql) {
        recorded.add(sql);
    }

    /** Counts a step; the fault to inject there, if it is the chosen one. */
    private synchronized Optional<Fault> step(String sql) {
        if (!matching.test(sql)) {
            return Optional.empty();
        }
        steps++;
        if (steps == failAt) {
            failedStep = Optional.of(sql);
            return Optional.of(fault);
        }
        return Optional.empty();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    private Connection wrap(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                new ConnectionHandler(real));
    }

    /** One connection: dropped once a fault drops it. */
    private final class ConnectionHandler implements InvocationHandler {
        private final Connection real;
        private boolean dropped;

        ConnectionHandler(Connection real) {
            this.real = real;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close")) {
                real.close();
                return null;
            }
            if (name.equals("isClosed")) {
                return dropped || real.isClosed();
            }
            checkOpen();
            if (name.equals("commit")) {
                record(COMMIT);
                around(COMMIT, () -> real.commit());
                return null;
            }
            Object result = call(real, method, args);
            if (name.equals("prepareStatement") || name.equals("prepareCall")) {
                String sql = (String) args[0];
                record(sql);
                return statement(result, method.getReturnType(), Optional.of(sql));
            }
            if (name.equals("createStatement")) {
                return statement(result, Statement.class, Optional.empty());
            }
            return result;
        }

        private Object statement(Object real, Class<?> type, Optional<String> prepared) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                    new StatementHandler(this, real, prepared));
        }

        void checkOpen() throws SQLException {
            if (dropped) {
                throw new SQLException("An I/O error occurred while sending to the backend (injected: connection lost)",
                        CONNECTION_FAILURE);
            }
        }

        /** Runs a step, failing it if it is the chosen one. */
        void around(String sql, Step step) throws SQLException {
            Optional<Fault> injected = step(sql);
            if (injected.isEmpty()) {
                step.run();
                return;
            }
            switch (injected.get()) {
                case STATEMENT_FAILS -> throw new SQLException("injected failure of: " + sql, "XX000");
                case CONNECTION_DROPS -> drop();
                case CONNECTION_DROPS_AFTER -> {
                    step.run();
                    drop();
                }
            }
        }

        /** The server rolls back what the lost session had not committed; the client sees an I/O error. */
        private void drop() throws SQLException {
            dropped = true;
            try {
                if (!real.getAutoCommit()) {
                    real.rollback();
                }
            } finally {
                real.close();
            }
            checkOpen();
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws SQLException;
    }

    /** A statement of a connection: records direct SQL, counts executions as steps. */
    private final class StatementHandler implements InvocationHandler {
        private final ConnectionHandler connection;
        private final Object real;
        private final Optional<String> prepared;
        private final List<String> batch = new ArrayList<>();

        StatementHandler(ConnectionHandler connection, Object real, Optional<String> prepared) {
            this.connection = connection;
            this.real = real;
            this.prepared = prepared;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close") || name.equals("isClosed")) {
                return call(real, method, args);
            }
            connection.checkOpen();
            boolean direct = args != null && args.length > 0 && args[0] instanceof String;
            if (name.equals("addBatch") && direct) {
                record((String) args[0]);
                batch.add((String) args[0]);
            }
            if (name.startsWith("execute")) {
                String sql = direct ? (String) args[0]
                        : prepared.orElseGet(() -> String.join(";\n", batch));
                if (direct) {
                    record(sql);
                }
                Object[] result = new Object[1];
                connection.around(sql, () -> result[0] = call(real, method, args));
                if (name.equals("executeBatch")) {
                    batch.clear();
                }
                return result[0];
            }
            return call(real, method, args);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws SQLException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
