package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.sla.DueClock;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.store.ProjectionRow;
import uk.councilcomplaints.store.SubjectKeys;
import uk.councilcomplaints.store.VersionConflictException;

/**
 * Writes commits, one or a batch, in one transaction: each complaint's row checked against its expected
 * version in SQL and set to its last state, every event, the report projection's rows, the personal-data
 * changes, each complaint's clock rows replaced by its last commit's, and the settle-window check last. A commit of
 * clocks only ({@link Commit#hasEvents()} false) locks its complaint's row to check the version and changes
 * nothing but the clock rows. A failure names the commit by its index and leaves nothing written.
 */
final class CommitWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CommitWriter.class);
    /**
     * A duplicate key whose owner has gone by the time we look (rolled back), or a deadlock with another
     * transaction (not one of ours: those lock in one order), is tried again this often.
     */
    private static final int ATTEMPTS = 3;

    /** A duplicate key met while inserting complaints: the transaction is rolled back, then we look which. */
    private static final class DuplicateKey extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateKey(SQLException cause) {
            super(cause);
        }
    }

    /** The first and last commit of one complaint in the batch, and its first with events (-1 if none has). */
    private static final class Span {
        final int first;
        int last;
        int firstWithEvents = -1;

        Span(int first) {
            this.first = first;
            this.last = first;
        }
    }

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final String council;
    private final Clock clock;
    private final Optional<Duration> settleWindow;

    CommitWriter(Jdbc jdbc, Dialect dialect, String council, Clock clock, Optional<Duration> settleWindow) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.council = council;
        this.clock = clock;
        this.settleWindow = settleWindow;
    }

    /**
     * Writes every commit or none.
     *
     * @throws BatchFailedException naming the failed commit, with nothing stored
     */
    void write(List<Commit> commits) {
        if (commits.isEmpty()) {
            return;
        }
        checkChain(commits);
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.inTransaction("append", connection -> {
                    writeIn(connection, commits);
                    return null;
                });
                return;
            } catch (JdbcStoreException e) {
                if (!Jdbc.isDeadlock(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("chosen as a deadlock's victim; appending again", e);
            } catch (DuplicateKey e) {
                Optional<BatchFailedException> clash = jdbc.reading("find a clashing key",
                        connection -> clash(connection, commits));
                if (clash.isPresent()) {
                    throw clash.get();
                }
                if (attempt == ATTEMPTS) {
                    throw new JdbcStoreException("Could not append", (SQLException) e.getCause());
                }
                LOG.debug("a duplicate key's owner rolled back; appending again", e.getCause());
            }
        }
    }

    /** Commits on one complaint must follow each other; new references must differ within the batch. */
    private static void checkChain(List<Commit> commits) {
        Map<ComplaintId, Long> versions = new HashMap<>();
        Set<String> references = new HashSet<>();
        for (int i = 0; i < commits.size(); i++) {
            Commit c = commits.get(i);
            Long last = versions.get(c.id());
            if (last != null && last != c.expectedVersion()) {
                throw failed(commits, i, new VersionConflictException(c.id(), c.expectedVersion(), last));
            }
            if (c.creates() && !references.add(c.state().reference())) {
                throw failed(commits, i, new DuplicateReferenceException(c.state().reference()));
            }
            versions.put(c.id(), c.newVersion());
        }
    }

    private void writeIn(Connection connection, List<Commit> commits) throws SQLException {
        Map<ComplaintId, Span> spans = new LinkedHashMap<>();
        for (int i = 0; i < commits.size(); i++) {
            int index = i;
            Span span = spans.computeIfAbsent(commits.get(i).id(), id -> new Span(index));
            span.last = i;
            if (span.firstWithEvents < 0 && commits.get(i).hasEvents()) {
                span.firstWithEvents = i;
            }
        }
        PlannerStatistics statistics = PlannerStatistics.look(connection, dialect, commits.size());
        Inserts inserts = Inserts.forBatch(connection, dialect, commits.size());
        writeStates(connection, inserts, commits, spans);
        statistics.filled(connection, "complaints");
        writeEvents(connection, inserts, commits, statistics);
        writeProjection(connection, inserts, commits, spans);
        statistics.filled(connection, "report_projection");
        writePersonalData(connection, inserts, commits, spans);
        writeClocks(connection, inserts, commits, spans);
        DataProtectionSql.eraseReasons(connection, council, commits);
        writeFeed(connection, commits);
        checkSettled(commits);
    }

    /**
     * Gives the batch's events the next positions of the council's feed, in the batch's order. Last, so that the
     * counter's row, locked from here until the transaction ends, is held as briefly as can be.
     */
    private void writeFeed(Connection connection, List<Commit> commits) throws SQLException {
        int events = commits.stream().mapToInt(c -> c.events().size()).sum();
        if (events == 0) {
            return;
        }
        long last;
        try (PreparedStatement take = connection.prepareStatement(dialect.takeFeedPositions())) {
            take.setString(1, council);
            take.setLong(2, events);
            try (ResultSet rs = take.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new DuplicateKey(e); // two first positions of a council at once: the loser appends again
            }
            throw e;
        }
        long position = last - events;
        try (RowWriter insert = StatementRows.prepare(connection, FeedTable.INSERT)) {
            for (Commit commit : commits) {
                for (ComplaintEvent event : commit.events()) {
                    insert.setString(council);
                    insert.setLong(++position);
                    insert.setUuid(event.complaintId().value());
                    insert.setLong(event.version());
                    insert.endRow();
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * Inserts new complaints and moves existing ones from their expected version to their last state; a complaint
     * with commits of clocks only has its row locked and its version checked, and is left as it is. Rows are
     * locked in the order of their ids, whatever the batch's order, so that two batches on the same complaints (two
     * nodes rebuilding the clocks) wait for each other instead of deadlocking (a batch mixing both kinds locks those
     * of clocks only first; a deadlock it meets is retried by {@link #write}).
     */
    private void writeStates(Connection connection, Inserts inserts, List<Commit> commits,
            Map<ComplaintId, Span> spans) throws SQLException {
        List<Span> updated = new ArrayList<>();
        List<Span> clocksOnly = new ArrayList<>();
        boolean inserting = false;
        try (RowWriter insert = inserts.prepare(connection, ComplaintsTable.INSERT);
                RowWriter update = StatementRows.prepare(connection, ComplaintsTable.UPDATE)) {
            for (Span span : inLockOrder(commits, spans)) {
                Commit first = commits.get(span.first);
                Commit last = commits.get(span.last);
                if (first.creates()) {
                    insert.setString(council);
                    insert.setUuid(last.id().value());
                    insert.setLong(last.newVersion());
                    ComplaintColumns.bind(insert, last.state(), true);
                    insert.endRow();
                    inserting = true;
                } else if (span.firstWithEvents < 0) {
                    clocksOnly.add(span);
                } else {
                    checkFollowsStored(connection, commits, span.firstWithEvents);
                    update.setLong(last.newVersion());
                    ComplaintColumns.bind(update, last.state(), false);
                    update.setString(council);
                    update.setUuid(first.id().value());
                    update.setLong(first.expectedVersion());
                    update.endRow();
                    updated.add(span);
                }
            }
            checkVersionsLocked(connection, commits, clocksOnly);
            if (inserting) {
                try {
                    insert.executeBatch();
                } catch (SQLException e) {
                    if (Jdbc.isUniqueViolation(e)) {
                        throw new DuplicateKey(e);
                    }
                    throw e;
                }
            }
            if (!updated.isEmpty()) {
                int[] counts = update.executeBatch();
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] != 1) {
                        Commit first = commits.get(updated.get(k).first);
                        if (counts[k] != 0) {
                            throw new JdbcStoreException("The driver did not count the rows a batched update changed ("
                                    + counts[k] + "); the version check needs the count");
                        }
                        throw failed(commits, updated.get(k).first, new VersionConflictException(first.id(),
                                first.expectedVersion(), version(connection, first.id()).orElse(0)));
                    }
                }
            }
        }
    }

    /** The complaints' spans by id: the one order every batch locks rows in. */
    private static List<Span> inLockOrder(List<Commit> commits, Map<ComplaintId, Span> spans) {
        return spans.values().stream().sorted(Comparator.comparing(span -> commits.get(span.first).id().value()))
                .toList();
    }

    private void writeEvents(Connection connection, Inserts inserts, List<Commit> commits,
            PlannerStatistics statistics) throws SQLException {
        boolean reasoned = false;
        try (RowWriter insert = inserts.prepare(connection, EventsTable.INSERT);
                RowWriter reasons = inserts.prepare(connection, EventsTable.INSERT_REASON)) {
            for (Commit commit : commits) {
                for (ComplaintEvent event : commit.events()) {
                    insert.setString(council);
                    EventColumns.bindRow(insert, event);
                    insert.endRow();
                    reasoned |= EventColumns.addReason(reasons, council, event);
                }
            }
            insert.executeBatch();
            statistics.filled(connection, "complaint_events");
            if (reasoned) {
                reasons.executeBatch();
            }
        }
    }

    /**
     * The commits' projection rows, each commit's last row closed by the next commit's first on the same
     * complaint, and each existing complaint's stored last row closed by its first new event.
     */
    private void writeProjection(Connection connection, Inserts inserts, List<Commit> commits,
            Map<ComplaintId, Span> spans) throws SQLException {
        Map<ComplaintId, List<ProjectionRow>> rows = new LinkedHashMap<>();
        for (Commit commit : commits) {
            List<ProjectionRow> complaint = rows.computeIfAbsent(commit.id(), id -> new ArrayList<>());
            List<ProjectionRow> added = commit.projection();
            if (added.isEmpty()) {
                continue;
            }
            if (!complaint.isEmpty()) {
                int last = complaint.size() - 1;
                complaint.set(last, complaint.get(last).followedBy(added.get(0)));
            }
            complaint.addAll(added);
        }
        boolean closing = false;
        try (PreparedStatement close = connection.prepareStatement(ProjectionTable.CLOSE);
                RowWriter insert = inserts.prepare(connection, ProjectionTable.INSERT)) {
            for (Span span : spans.values()) {
                Commit first = span.firstWithEvents < 0 ? null : commits.get(span.firstWithEvents);
                if (first != null && !first.creates()) {
                    ComplaintEvent next = first.events().get(0);
                    Values.setInstant(close, 1, next.occurredAt());
                    Values.setInstant(close, 2, next.recordedAt());
                    close.setString(3, council);
                    Values.setUuid(close, 4, first.id().value());
                    close.setLong(5, first.expectedVersion());
                    close.addBatch();
                    closing = true;
                }
            }
            if (closing) {
                close.executeBatch();
            }
            for (List<ProjectionRow> complaint : rows.values()) {
                for (ProjectionRow row : complaint) {
                    ProjectionRows.add(insert, council, row);
                }
            }
            insert.executeBatch();
        }
    }

    /** Each complaint's personal data ends as its last commit in the batch that touched it says. */
    private void writePersonalData(Connection connection, Inserts inserts, List<Commit> commits,
            Map<ComplaintId, Span> spans) throws SQLException {
        Map<ComplaintId, Optional<PersonalData>> outcome = new LinkedHashMap<>();
        for (Commit commit : commits) {
            if (commit.erasePersonalData()) {
                outcome.put(commit.id(), Optional.empty());
            }
            commit.personalData().ifPresent(p -> outcome.put(commit.id(), Optional.of(p)));
        }
        if (outcome.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(ComplainantsTable.DELETE);
                RowWriter insert = inserts.prepare(connection, ComplainantsTable.INSERT)) {
            boolean deleting = false;
            boolean inserting = false;
            for (Map.Entry<ComplaintId, Optional<PersonalData>> e : outcome.entrySet()) {
                if (!commits.get(spans.get(e.getKey()).first).creates()) {
                    delete.setString(1, council);
                    Values.setUuid(delete, 2, e.getKey().value());
                    delete.addBatch();
                    deleting = true;
                }
                if (e.getValue().isPresent()) {
                    PersonalData p = e.getValue().get();
                    insert.setString(council);
                    insert.setUuid(e.getKey().value());
                    insert.setString(p.complainant().name());
                    insert.setString(p.complainant().email().orElse(null));
                    insert.setString(p.complainant().phone().orElse(null));
                    insert.setString(p.complainant().address().orElse(null));
                    insert.setString(p.summary());
                    SubjectKeys keys = SubjectKeys.of(p.complainant());
                    insert.setString(keys.name());
                    insert.setString(keys.plainName());
                    insert.setString(keys.email().orElse(null));
                    insert.endRow();
                    inserting = true;
                }
            }
            if (deleting) {
                delete.executeBatch();
            }
            if (inserting) {
                insert.executeBatch();
            }
        }
    }

    /**
     * Replaces each complaint's clock rows with its last commit's in the batch (the earlier ones' are outdated
     * by it), kept with their basis; a new complaint has none to delete.
     */
    private void writeClocks(Connection connection, Inserts inserts, List<Commit> commits,
            Map<ComplaintId, Span> spans) throws SQLException {
        boolean deleting = false;
        boolean inserting = false;
        try (PreparedStatement delete = connection.prepareStatement(RunningClocksTable.DELETE);
                RowWriter insert = inserts.prepare(connection, RunningClocksTable.INSERT)) {
            for (Span span : spans.values()) {
                Commit last = commits.get(span.last);
                if (!commits.get(span.first).creates()) {
                    delete.setString(1, council);
                    Values.setUuid(delete, 2, last.id().value());
                    delete.addBatch();
                    deleting = true;
                }
                for (DueClock clock : last.clocks().clocks()) {
                    ClockColumns.add(insert, council, last.clocks().basis(), clock);
                    inserting = true;
                }
            }
            if (deleting) {
                delete.executeBatch();
            }
            if (inserting) {
                insert.executeBatch();
            }
        }
    }

    /** The last step before commit: no event may become visible more than the settle window after it was recorded. */
    private void checkSettled(List<Commit> commits) {
        if (settleWindow.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (int i = 0; i < commits.size(); i++) {
            for (ComplaintEvent event : commits.get(i).events()) {
                if (event.recordedAt().plus(settleWindow.get()).isBefore(now)) {
                    throw failed(commits, i, new CommitTooLateException(event.recordedAt(), now, settleWindow.get()));
                }
            }
        }
    }

    /** Which new complaint of the batch clashed with a stored one, by id or by reference. */
    private Optional<BatchFailedException> clash(Connection connection, List<Commit> commits) throws SQLException {
        for (int i = 0; i < commits.size(); i++) {
            Commit c = commits.get(i);
            if (!c.creates()) {
                continue;
            }
            OptionalLong stored = version(connection, c.id());
            if (stored.isPresent()) {
                return Optional.of(failed(commits, i, new VersionConflictException(c.id(), 0, stored.getAsLong())));
            }
            try (PreparedStatement ps = connection.prepareStatement(ComplaintsTable.WITH_REFERENCE)) {
                ps.setString(1, council);
                ps.setString(2, c.state().reference());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(failed(commits, i, new DuplicateReferenceException(c.state().reference())));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Core's check that the first new event follows the stored one at the expected version, in both times. If
     * that version is not the latest, the update's version check refuses the commit anyway.
     */
    private void checkFollowsStored(Connection connection, List<Commit> commits, int index) throws SQLException {
        Commit first = commits.get(index);
        try (PreparedStatement ps = connection.prepareStatement(EventsTable.EVENT_AT)) {
            ps.setString(1, council);
            Values.setUuid(ps, 2, first.id().value());
            ps.setLong(3, first.expectedVersion());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    try {
                        ComplaintHistory.checkFollows(EventColumns.readRow(rs), first.events().get(0));
                    } catch (IllegalArgumentException e) {
                        throw failed(commits, index, e);
                    }
                }
            }
        }
    }

    /**
     * The version check of the complaints whose commits in the batch are all of clocks only: each row locked (an
     * append to it waits for this batch, or this batch for the append) and its version compared, nothing changed.
     */
    private void checkVersionsLocked(Connection connection, List<Commit> commits, List<Span> spans)
            throws SQLException {
        if (spans.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(ComplaintsTable.LOCK_VERSION)) {
            for (Span span : spans) {
                Commit first = commits.get(span.first);
                ps.setString(1, council);
                Values.setUuid(ps, 2, first.id().value());
                long stored;
                try (ResultSet rs = ps.executeQuery()) {
                    stored = rs.next() ? rs.getLong(1) : 0;
                }
                if (stored != first.expectedVersion()) {
                    throw failed(commits, span.first, new VersionConflictException(first.id(),
                            first.expectedVersion(), stored));
                }
            }
        }
    }

    private OptionalLong version(Connection connection, ComplaintId id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(ComplaintsTable.VERSION)) {
            ps.setString(1, council);
            Values.setUuid(ps, 2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static BatchFailedException failed(List<Commit> commits, int index, RuntimeException cause) {
        return BatchFailedException.of(index, commits.get(index), cause);
    }
}
