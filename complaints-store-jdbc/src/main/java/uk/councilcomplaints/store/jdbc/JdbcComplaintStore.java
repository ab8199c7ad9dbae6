package uk.councilcomplaints.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.feed.FeedEvent;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.GroupCounts;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.Page;

/**
 * A {@link ComplaintStore} in a SQL database (H2 or PostgreSQL) reached through a {@link DataSource}: one
 * connection per operation, one transaction per append, the version checked in SQL, every value in a typed
 * column. A store serves one council: every row it writes carries the council's key, and it reads no other
 * council's rows. Thread-safe; several stores (nodes) may share one database.
 *
 * <p>{@link #create(DataSource)} covers the common case; {@link #builder(DataSource)} the rest.
 */
public final class JdbcComplaintStore implements ComplaintStore {

    /** The council key of a store built without one. */
    public static final String DEFAULT_COUNCIL = "default";
    /** The settle window unless set: see {@link Builder#settleWindow(Duration)}. */
    public static final Duration DEFAULT_SETTLE_WINDOW = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(JdbcComplaintStore.class);
    private static final Pattern COUNCIL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Jdbc jdbc;
    /** Never joins: for the reference numbers, taken in a short transaction of their own. */
    private final Jdbc own;
    private final DataSource reports;
    private final Dialect dialect;
    private final String council;
    private final int fetchSize;
    private final CommitWriter writer;
    /** Its writes one at a time on an H2 file (see {@code WriteGate}). */
    private final WriteGate gate;

    private JdbcComplaintStore(Builder b, Dialect dialect, WriteGate gate) {
        this.jdbc = new Jdbc(b.dataSource, b.transactionJoin, gate);
        this.own = new Jdbc(b.dataSource, gate);
        this.gate = gate;
        this.reports = b.reportDataSource.orElse(b.dataSource);
        this.dialect = dialect;
        this.council = b.council;
        this.fetchSize = b.fetchSize;
        this.writer = new CommitWriter(jdbc, dialect, council, b.clock, b.settleWindow);
    }

    /** A store for the default council in {@code dataSource}, creating or updating its tables first. */
    public static JdbcComplaintStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** A builder for a store in {@code dataSource}. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The council whose complaints this store holds. */
    public String council() {
        return council;
    }

    /** The database dialect in use. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Writes the whole batch in one transaction with JDBC batches: every commit or, on a failure, none. A
     * failure of the database itself is named as the batch's first commit's.
     */
    @Override
    public void appendAll(List<Commit> commits) {
        List<Commit> batch = List.copyOf(commits);
        try {
            writer.write(batch);
        } catch (BatchFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BatchFailedException(0, "the batch of " + batch.size() + " commits", e);
        }
    }

    @Override
    public Optional<Complaint> load(ComplaintId id) {
        requireNonNull(id, "id");
        return jdbc.reading("load a complaint", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(ComplaintsTable.LOAD)) {
                ps.setString(1, council);
                Values.setUuid(ps, 2, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(ComplaintColumns.read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ComplaintEvent> history(ComplaintId id) {
        requireNonNull(id, "id");
        return jdbc.reading("read a history", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(EventsTable.HISTORY)) {
                ps.setString(1, council);
                Values.setUuid(ps, 2, id.value());
                List<ComplaintEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(EventColumns.readRow(rs));
                    }
                }
                return List.copyOf(events);
            }
        });
    }

    @Override
    public Page<Complaint> find(ComplaintQuery query) {
        requireNonNull(query, "query");
        FindStatement find = FindStatement.of(dialect, council, query);
        List<Complaint> found = jdbc.reading("find complaints", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(find.sql())) {
                find.bind(ps);
                List<Complaint> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(ComplaintColumns.read(rs));
                    }
                }
                return rows;
            }
        });
        return Page.of(found, query.limit());
    }

    /**
     * The histories {@code filter} wants, chosen by their rows in the report projection (perhaps a few more),
     * from the report data source when one was given (a replica may lag: see {@link Builder#reportDataSource}).
     * The stream holds a connection until it is closed.
     */
    @Override
    public Stream<ComplaintHistory> histories(HistoryFilter filter) {
        requireNonNull(filter, "filter");
        if (filter instanceof HistoryFilter.All) {
            return HistoryStream.open(reports, council, fetchSize);
        }
        ProjectionSql wanted = ProjectionSql.wanted(filter, council);
        return HistoryStream.open(reports, EventsTable.historiesOf(wanted.sql()), ps -> {
            ps.setString(1, council);
            wanted.bind(ps, 2);
        }, fetchSize);
    }

    /**
     * The counts of {@code query} from the report projection, on the report data source: one GROUP BY over
     * the rows current at the end of each day.
     */
    @Override
    public GroupCounts count(CountQuery query) {
        requireNonNull(query, "query");
        ProjectionSql count = ProjectionSql.count(query, council, dialect);
        // a transaction of its own (never a caller's), so the count's planner settings end with it
        return new Jdbc(reports, WriteGate.NONE).reading("count for a report", connection -> {
            Optional<String> settings = count.settings();
            if (settings.isPresent()) {
                try (Statement s = connection.createStatement()) {
                    s.execute(settings.get());
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(count.sql())) {
                count.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    return count.readCounts(rs, query.asOf());
                }
            }
        });
    }

    /**
     * Builds the report projection's rows from the events for every complaint of this council that lacks
     * them, and the subject access keys of any personal data stored without them; returns how many projection
     * rows it wrote. {@link ComplaintsSchema#migrate} does both when it creates the projection (version 2) and
     * the keys (version 4); after a Flyway migration to either, call it once per council. Safe while other nodes
     * append: it locks the complaints it rebuilds first, so an append to one of them waits for it to commit
     * (or it for the append), and reads their events only then.
     *
     * <p>It does not compute the work queues' clock rows ({@code running_clocks}): those need the SLA policy and
     * working-day calendar, which the store does not know. After schema version 5, or to recompute them, call
     * the facade's {@code queues().rebuildClocks()}.
     */
    public int rebuildProjection() {
        return jdbc.inTransaction("rebuild the report projection", connection -> {
            DataProtectionSql.fillSubjectKeys(connection);
            return ProjectionRows.rebuild(connection, Optional.of(council));
        });
    }

    /**
     * Maintenance after a large bulk import, for whoever runs it (the store never does on its own): on PostgreSQL
     * {@code VACUUM (ANALYZE)} of the store's tables that an import fills, so that the pages it wrote are marked
     * all-visible (until then the report counts' index-only scans read the table too) and the planner's statistics
     * count its rows; on H2 {@code ANALYZE}. Every council's rows, on a connection of its own in autocommit mode:
     * {@code VACUUM} cannot run inside a transaction, so this never joins one. Needs the right to vacuum the tables
     * (their owner's); takes as long as reading them. A {@code VACUUM} beside another open transaction may leave
     * pages that transaction could still need unmarked: run it again when {@code pg_class.relallvisible} stays
     * below {@code relpages}.
     */
    public void vacuumAnalyze() {
        String sql = dialect == Dialect.POSTGRESQL
                ? "VACUUM (ANALYZE) complaints, complaint_events, report_projection, running_clocks, event_feed"
                : "ANALYZE";
        try {
            gate.through(() -> {
                try (Connection connection = own.dataSource().getConnection()) {
                    boolean autoCommit = connection.getAutoCommit();
                    connection.setAutoCommit(true);
                    try (Statement statement = connection.createStatement()) {
                        return statement.execute(sql);
                    } finally {
                        connection.setAutoCommit(autoCommit);
                    }
                }
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("Could not vacuum and analyse the tables", e);
        }
    }

    @Override
    public Optional<PersonalData> personalData(ComplaintId id) {
        requireNonNull(id, "id");
        return jdbc.reading("read personal data", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(ComplainantsTable.SELECT)) {
                ps.setString(1, council);
                Values.setUuid(ps, 2, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Complainant complainant = new Complainant(rs.getString("complainant_name"),
                            Optional.ofNullable(rs.getString("email")), Optional.ofNullable(rs.getString("phone")),
                            Optional.ofNullable(rs.getString("address")));
                    return Optional.of(new PersonalData(complainant, rs.getString("summary")));
                }
            }
        });
    }

    /**
     * A number from this council's sequence for {@code year}, taken in its own transaction (never a joined one, so
     * that the sequence's row is locked only briefly); gaps are possible.
     */
    @Override
    public long nextReferenceNumber(int year) {
        for (int attempt = 1; ; attempt++) {
            try {
                return own.inTransaction("take a reference number", connection -> {
                    try (PreparedStatement ps = connection.prepareStatement(dialect.nextReferenceNumber())) {
                        ps.setString(1, council);
                        ps.setInt(2, year);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                });
            } catch (JdbcStoreException e) {
                // two first numbers of a year at once: one insert wins, the other sees its row next time
                if (attempt == 3 || !(e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql))) {
                    throw e;
                }
            }
        }
    }

    /**
     * The event feed: one SELECT along {@code event_feed}'s key, each event joined by its key. Positions are taken
     * in commit order (see {@code V8__event_feed.sql}), so what a read sees after a position never gains an event
     * below the last one it returned.
     */
    @Override
    public List<FeedEvent> eventsAfter(long position, int limit) {
        return jdbc.reading("read the event feed",
                connection -> FeedTable.after(connection, council, position, limit));
    }

    /**
     * The work queues' rows {@code query} wants, from {@code running_clocks} on the store's own data source (each
     * commit replaces them with its complaint's clocks): one SELECT, in {@link ClockQuery#ORDER} along an index,
     * or one GROUP BY when it counts.
     */
    @Override
    public ClockPage clocks(ClockQuery query) {
        requireNonNull(query, "query");
        ClockStatement statement = ClockStatement.of(council, query);
        return jdbc.reading("read the work queues", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
                return statement.answer(ps);
            }
        });
    }

    /**
     * What is wrong with this council's stored rows, one line each, in reference order: a complaint whose version is
     * not its number of events, whose events lack their report rows, or whose personal data is missing but was
     * not erased; and rows left without their complaint; or one line saying that rows are locked by a transaction
     * that never ended. Empty on a sound database: the store's transactions never
     * leave any, but an H2 file killed after H2 saved a large transaction part-way can (see the documentation on
     * reliability). Reads every complaint: a maintenance call, not one for each request.
     */
    public List<String> incompleteComplaints() {
        return jdbc.reading("check the stored rows", connection -> ConsistencyCheck.run(connection, council));
    }

    /**
     * The newest of the store's schema scripts applied in its database, by {@link ComplaintsSchema#migrate} or by
     * Flyway, read now (so it also shows the database answers); empty when none is. Compare
     * {@link ComplaintsSchema#latestVersion()}.
     */
    public Optional<String> schemaVersion() {
        return jdbc.reading("read the schema version", ComplaintsSchema::appliedVersion);
    }

    @Override
    public String toString() {
        return "JdbcComplaintStore[" + dialect + ", council " + council + "]";
    }

    /** Builds a {@link JdbcComplaintStore}; validates each option as it is set. */
    public static final class Builder {
        private final DataSource dataSource;
        private Optional<Dialect> dialect = Optional.empty();
        private SchemaMode schema = SchemaMode.MIGRATE;
        private String council = DEFAULT_COUNCIL;
        private Optional<DataSource> reportDataSource = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Optional<Duration> settleWindow = Optional.of(DEFAULT_SETTLE_WINDOW);
        private int fetchSize = 500;
        private TransactionJoin transactionJoin = TransactionJoin.NONE;

        private Builder(DataSource dataSource) {
            this.dataSource = requireNonNull(dataSource, "dataSource");
        }

        /** The database's dialect; detected from the driver's metadata unless set. */
        public Builder dialect(Dialect value) {
            dialect = Optional.of(requireNonNull(value, "dialect"));
            return this;
        }

        /**
         * What {@link #build()} does about the tables: {@link SchemaMode#MIGRATE} unless set. The default suits an
         * embedded H2 file owned by one process: the store brings its own tables up to date when it starts. On a
         * shared database (PostgreSQL), migrate once as a deployment step, with Flyway
         * ({@link ComplaintsSchema#flywayLocations}) or {@link ComplaintsSchema#migrate}, and build the stores with
         * {@link SchemaMode#VALIDATE}, so that starting an application never changes the schema (nor waits for a
         * long backfill) behind the DBA's back.
         */
        public Builder schema(SchemaMode value) {
            schema = requireNonNull(value, "schema");
            return this;
        }

        /**
         * The council whose complaints the store holds: 1 to 64 letters, digits, '.', '_' or '-', starting
         * with a letter or digit; {@value JdbcComplaintStore#DEFAULT_COUNCIL} unless set.
         */
        public Builder council(String value) {
            checkArgument(value != null && COUNCIL.matcher(value).matches(),
                    "council must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit: %s",
                    value);
            council = value;
            return this;
        }

        /**
         * Where {@link JdbcComplaintStore#histories(HistoryFilter)}, and so reports and SLA lists, read from: a PostgreSQL
         * read replica, say. A replica lags its primary, so a report "as known at K" read there is exact only
         * once the replica has replayed every commit up to K plus the settle window.
         */
        public Builder reportDataSource(DataSource value) {
            reportDataSource = Optional.of(requireNonNull(value, "reportDataSource"));
            return this;
        }

        /**
         * The clock the settle window is measured with: the one that stamps the events (the facade's), the
         * system UTC clock unless set. An importer replaying old moments on a settable clock gives it here.
         */
        public Builder clock(Clock value) {
            clock = requireNonNull(value, "clock");
            return this;
        }

        /**
         * The longest an append may take from its events' recorded time to its commit, measured on
         * {@link #clock}; a later commit is refused with {@link CommitTooLateException} and stores nothing.
         * Every event is then visible to every node within the window of its recorded time, so a report as
         * known at K can no longer change once the clocks of the nodes writing have passed K plus the window.
         * {@link #DEFAULT_SETTLE_WINDOW} unless set.
         */
        public Builder settleWindow(Duration value) {
            checkArgument(value != null && value.compareTo(Duration.ZERO) > 0,
                    "settleWindow must be positive: %s", value);
            settleWindow = Optional.of(value);
            return this;
        }

        /**
         * No settle window: any recorded time is accepted whenever it commits. For copying stored histories
         * and for tests; "known at" is then exact only while one writer stamps and commits in order.
         */
        public Builder noSettleWindow() {
            settleWindow = Optional.empty();
            return this;
        }

        /** Rows fetched at a time while streaming histories: 500 unless set. */
        public Builder fetchSize(int value) {
            checkArgument(value >= 1 && value <= 100_000, "fetchSize must be 1 to 100000: %s", value);
            fetchSize = value;
            return this;
        }

        /**
         * Where to find a transaction the application already has open on this data source, for the store to
         * join: {@link TransactionJoin#NONE} unless set. When {@code value} finds one, these run on its
         * connection, each inside a savepoint: {@link JdbcComplaintStore#load load},
         * {@link JdbcComplaintStore#history history}, {@link JdbcComplaintStore#find find},
         * {@link JdbcComplaintStore#personalData personalData}, {@link JdbcComplaintStore#clocks clocks},
         * {@link JdbcComplaintStore#rebuildProjection rebuildProjection} and every append (batches too, COPY
         * included). A write becomes visible when, and only if, the application commits; a refused one (a version
         * conflict, say) is rolled back to its savepoint and leaves the application's transaction as it was, even
         * if the application catches the exception. The store never commits, rolls back or closes the joined
         * connection.
         *
         * <p>These keep connections of their own, outside any joined transaction:
         * {@link JdbcComplaintStore#nextReferenceNumber nextReferenceNumber} (a short transaction, so that the
         * sequence is not locked until the application commits; a rolled-back application transaction leaves a
         * gap), {@link JdbcComplaintStore#count count} and {@link JdbcComplaintStore#histories histories} (on the
         * report data source; the stream holds its connection until closed), and the schema's migrate or
         * validate in {@link #build()}. A pool must therefore have a connection to spare beside the joined one.
         *
         * <p>The settle window is checked when the store writes, not when the application commits: an application
         * transaction still open longer than the window after writing weakens "as known at" reports.
         */
        public Builder transactionJoin(TransactionJoin value) {
            transactionJoin = requireNonNull(value, "transactionJoin");
            return this;
        }

        /** The store, its tables migrated or validated as {@link #schema} says. */
        public JdbcComplaintStore build() {
            Dialect d = dialect.orElseGet(() -> ComplaintsSchema.detect(dataSource));
            WriteGate gate = WriteGate.of(dataSource, d);
            switch (schema) {
                case MIGRATE -> ComplaintsSchema.migrate(dataSource, d, gate);
                case VALIDATE -> ComplaintsSchema.validate(dataSource, d);
                case NONE -> {
                }
            }
            if (LOG.isInfoEnabled()) {
                LOG.info("JDBC complaint store for council {} on {} (dialect {}, schema {}{})", council,
                        product(), d, schema, reportDataSource.isPresent() ? ", reports from a second data source" : "");
            }
            return new JdbcComplaintStore(this, d, gate);
        }

        private String product() {
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData md = connection.getMetaData();
                return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
            } catch (SQLException e) {
                throw new JdbcStoreException("Could not read the database's metadata", e);
            }
        }
    }
}
