package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.ClockRows;
import uk.councilcomplaints.sla.DueClock;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.sla.SlaPolicy;
import uk.councilcomplaints.sla.WorkingCalendar;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.store.ClockCursor;
import uk.councilcomplaints.store.ClockGroup;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.ForwardingStore;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * The work queues' rows in {@code running_clocks}: each commit replaces its complaint's rows with the clocks core
 * computed, a commit of clocks only replaces them after the version check, a failed batch leaves them, and every
 * queue query reads what {@link ClockPage#answer} gives from the same rows in memory. On H2 in memory, H2 in a file
 * and PostgreSQL.
 */
class RunningClocksTest {

    private static final Audit WAITING = Audit.by("officer.one").because("waiting for the complainant");
    private static final SlaEvaluator ENGLAND = SlaEvaluator.englandDefaults();
    /** Another policy (a wider at-risk margin), so another basis. */
    private static final SlaEvaluator OTHER = SlaEvaluator.of(SlaPolicy.builder().atRiskWorkingDays(4).build(),
            WorkingCalendar.englandAndWales());

    static Stream<Databases> databases() {
        return Stream.of(new Databases("H2 memory", TestDatabases.h2Memory()),
                new Databases("H2 file", TestDatabases.h2File()),
                new Databases("PostgreSQL", TestDatabases.postgres(true)));
    }

    /** A store for a council of its own, recording the clock rows of every commit it stored, last one kept. */
    private static final class Scene extends ForwardingStore {
        final JdbcComplaintStore jdbc;
        final Map<ComplaintId, ClockRows> kept = new LinkedHashMap<>();
        final SettableClock clock = new SettableClock(RandomHistories.START);
        final Complaints complaints;
        /** While set, commits are kept in {@link #held} instead of stored. */
        boolean holding;
        final List<Commit> held = new ArrayList<>();

        Scene(Databases db) {
            this(db.store());
        }

        Scene(JdbcComplaintStore jdbc) {
            super(jdbc);
            this.jdbc = jdbc;
            this.complaints = Complaints.builder(this).clock(clock).build();
        }

        @Override
        public void appendAll(List<Commit> commits) {
            if (holding) {
                held.addAll(commits);
                return;
            }
            super.appendAll(commits);
            commits.forEach(c -> kept.put(c.id(), c.clocks()));
        }

        /** The commit the facade makes for {@code command}, not stored. */
        Commit commitOf(ComplaintId id, Command command) {
            holding = true;
            try {
                complaints.execute(id, command, Fixtures.OFFICER);
                return held.remove(held.size() - 1);
            } finally {
                holding = false;
            }
        }

        /** Random histories through the facade. */
        void play(int steps, long seed) {
            Random random = new Random(seed);
            new RandomHistories(complaints, clock).play(
                    Stream.generate(() -> random.nextInt(Integer.MAX_VALUE - 1)).limit(steps).toList(), true);
        }

        ComplaintHistory stored(ComplaintId id) {
            return new ComplaintHistory(jdbc.history(id));
        }

        /** What a store holding the recorded rows answers. */
        ClockPage expected(ClockQuery q) {
            Map<DueClock, Long> basis = new HashMap<>();
            kept.values().forEach(rows -> rows.clocks().forEach(c -> basis.put(c, rows.basis())));
            List<DueClock> ordered = basis.keySet().stream().filter(c -> c.paused() == q.pausedClocks())
                    .sorted(ClockQuery.ORDER).toList();
            return ClockPage.answer(q, ordered, basis::get);
        }

        /** Asserts the store answers {@code q} as the recorded rows do; returns the answer. */
        ClockPage check(ClockQuery q) {
            ClockPage answer = jdbc.clocks(q);
            assertEquals(expected(q), answer, q.toString());
            return answer;
        }

        /** Walks every page of {@code q}, each checked, and checks the pages make the whole list. */
        List<DueClock> checkPages(ClockQuery q) {
            List<DueClock> all = new ArrayList<>();
            ClockQuery page = q;
            for (int pages = 0; ; pages++) {
                assertTrue(pages <= 1000, "the pages of " + q + " never end");
                ClockPage answer = check(page);
                all.addAll(answer.items());
                if (answer.next().isEmpty()) {
                    break;
                }
                page = q.after(answer.next().get());
            }
            ClockQuery whole = q.countBy().isPresent() ? q : rebuilt(q, ClockQuery.MAX_LIMIT);
            assertEquals(check(whole).items(), all, "the pages of " + q);
            return all;
        }

        /** Every clock row stored, running then paused. */
        List<DueClock> stored() {
            List<DueClock> rows = new ArrayList<>(jdbc.clocks(ClockQuery.running().limit(1000).build()).items());
            rows.addAll(jdbc.clocks(ClockQuery.paused().limit(1000).build()).items());
            return rows;
        }
    }

    /** A new contact's commit, made by hand to choose its id. */
    private static Commit received(ComplaintId id, String reference, Instant at) {
        ComplaintEvent e = new ComplaintEvent(id, 1, Status.RECEIVED, at, at, "tester", Optional.empty(),
                new EventData.Received(reference, Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.EMAIL,
                        Optional.empty()));
        ComplaintHistory h = new ComplaintHistory(List.of(e));
        return new Commit(id, 0, List.of(e), h.current(), Optional.empty(), false, ENGLAND.clockRows(h));
    }

    /** {@code q} with another page size and no cursor. */
    private static ClockQuery rebuilt(ClockQuery q, int limit) {
        return new ClockQuery(q.pausedClocks(), q.dueBefore(), q.atRiskBy(), q.officer(), q.team(), q.serviceAreas(),
                q.procedures(), q.stages(), q.kinds(), q.statuses(), q.basisOtherThan(), q.countBy(), limit,
                Optional.empty());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyQueueReadsWhatTheRowsInMemoryGive(Databases db) {
        Scene s = new Scene(db);
        s.play(400, 5);
        // paused clocks, one officer's two at one instant
        for (String officer : List.of("ann", "ann", "bob", "cy")) {
            Complaint c = Fixtures.allocated(s.complaints, Procedure.CORPORATE, RandomHistories.HIGHWAYS, officer);
            s.complaints.execute(c.id(), new Command.Pause(), WAITING);
            if (!officer.equals("ann")) {
                s.clock.advance(Duration.ofMinutes(30));
            }
        }
        // the facade's rows are the evaluator's, from the stored histories
        for (Map.Entry<ComplaintId, ClockRows> e : s.kept.entrySet()) {
            assertEquals(ENGLAND.clockRows(s.stored(e.getKey())), e.getValue(), "rows of " + e.getKey());
        }
        // contacts received at one instant, so their clocks tie on due and order by id: ids either side of the
        // sign bit of each half, which sort as unsigned numbers
        Instant together = s.clock.instant();
        List<Commit> tied = new ArrayList<>();
        for (long i = 0; i < 3; i++) {
            for (UUID id : List.of(new UUID(Long.MIN_VALUE | i, 7), new UUID(Long.MAX_VALUE - i, 7),
                    new UUID(0x1234, Long.MIN_VALUE | i), new UUID(0x1234, i))) {
                tied.add(received(new ComplaintId(id), "TIE-" + id, together));
            }
        }
        s.appendAll(tied);
        // some open complaints' clocks computed again under another policy, as a rebuild after a change would
        List<Complaint> open = s.kept.entrySet().stream().filter(e -> !e.getValue().clocks().isEmpty())
                .map(e -> s.jdbc.load(e.getKey()).orElseThrow()).toList();
        List<Commit> restamped = new ArrayList<>();
        for (int i = 0; i < open.size(); i += 3) {
            restamped.add(Commit.clocksOf(open.get(i), OTHER.clockRows(s.stored(open.get(i).id()))));
        }
        s.appendAll(restamped);

        List<DueClock> running = s.checkPages(ClockQuery.running().limit(ClockQuery.MAX_LIMIT).build());
        List<DueClock> paused = s.checkPages(ClockQuery.paused().limit(ClockQuery.MAX_LIMIT).build());
        assertTrue(running.size() >= 20, "running clocks: " + running.size());
        assertFalse(paused.isEmpty(), "no paused clock was played");
        assertEquals(s.kept.values().stream().mapToLong(r -> r.clocks().size()).sum(),
                running.size() + paused.size(), "every recorded row is stored once");
        assertTrue(running.stream().map(DueClock::kind).distinct().count() >= 3, "kinds: " + running);
        assertTrue(running.stream().anyMatch(c -> c.officer().isPresent()), "no allocated clock");
        assertTrue(running.stream().anyMatch(c -> c.officer().isEmpty()), "no unallocated clock");

        Instant now = s.clock.instant();
        List<Instant> dues = running.stream().map(c -> c.due().orElseThrow()).sorted().toList();
        List<Instant> instants = List.of(now, dues.get(0), dues.get(dues.size() / 2), dues.get(dues.size() / 3)
                .plusNanos(1), dues.get(dues.size() - 1).minusNanos(999), dues.get(dues.size() - 1));
        List<ClockQuery> queries = new ArrayList<>();
        for (Instant t : instants) {
            queries.add(ClockQuery.running().breachedAt(t).build());
            queries.add(ClockQuery.running().atRiskBy(t).build());
            queries.add(ClockQuery.running().atRiskBy(t).build().dueBefore(ENGLAND.atRiskDueBefore(t)));
            queries.add(ClockQuery.running().dueBefore(t).officer("ann").build());
        }
        int breached = s.check(ClockQuery.running().breachedAt(dues.get(dues.size() / 2)).limit(1000).build())
                .items().size();
        assertTrue(breached > 0 && breached < running.size(), "breached at the median due: " + breached);
        for (String officer : RandomHistories.OFFICERS) {
            queries.add(ClockQuery.running().officer(officer).build());
            queries.add(ClockQuery.paused().officer(officer).build());
        }
        for (String team : RandomHistories.TEAMS) {
            queries.add(ClockQuery.running().team(team).build());
            queries.add(ClockQuery.running().team(team).breachedAt(now).build());
        }
        for (ClockKind kind : ClockKind.values()) {
            queries.add(ClockQuery.running().kind(kind).build());
        }
        queries.add(ClockQuery.running().kind(ClockKind.RESPONSE, ClockKind.ACKNOWLEDGEMENT).build());
        queries.add(ClockQuery.running().stage(Stage.STAGE_2, Stage.STAGE_3).build());
        queries.add(ClockQuery.running().procedure(Procedure.CORPORATE).serviceArea(RandomHistories.HIGHWAYS,
                ServiceArea.ADULTS).build());
        queries.add(ClockQuery.running().status(Status.RECEIVED, Status.ALLOCATED).build());
        queries.add(ClockQuery.paused().procedure(Procedure.CORPORATE).status(Status.values()).build());
        queries.add(ClockQuery.running().basisOtherThan(ENGLAND.basis()).build());
        queries.add(ClockQuery.running().basisOtherThan(OTHER.basis()).build());
        queries.add(ClockQuery.paused().basisOtherThan(ENGLAND.basis()).build());
        queries.add(ClockQuery.running().officer("nobody").build());
        for (ClockQuery q : List.copyOf(queries)) {
            for (ClockGroup group : ClockGroup.values()) {
                queries.add(q.countedBy(group));
            }
        }
        for (ClockGroup group : ClockGroup.values()) {
            queries.add(ClockQuery.running().countBy(group).build());
            queries.add(ClockQuery.paused().countBy(group).build());
        }
        for (ClockQuery q : queries) {
            s.check(q);
        }
        assertFalse(s.check(ClockQuery.running().basisOtherThan(ENGLAND.basis()).build()).items().isEmpty(),
                "the restamped rows are listed apart");
        assertEquals(running.size(), s.check(ClockQuery.running().countBy(ClockGroup.KIND).build()).total());
        assertTrue(s.check(ClockQuery.running().countBy(ClockGroup.OFFICER).build()).counts()
                .containsKey(ClockGroup.NONE), "unallocated clocks count under NONE");

        // a page at a time, across equal due instants and complaints with several clocks
        List<DueClock> tiedRows = s.checkPages(ClockQuery.running().kind(ClockKind.TRIAGE).limit(5).build())
                .stream().filter(c -> c.reference().startsWith("TIE-")).toList();
        assertEquals(tied.size(), tiedRows.size(), "a triage clock each: " + tiedRows);
        assertEquals(1, tiedRows.stream().map(c -> c.due().orElseThrow()).distinct().count());
        assertEquals(tiedRows.stream().map(DueClock::id).sorted().toList(),
                tiedRows.stream().map(DueClock::id).toList(), "tied clocks in unsigned id order");
        for (int limit : List.of(1, 2, 3, 7)) {
            s.checkPages(ClockQuery.running().limit(limit).build());
            s.checkPages(ClockQuery.paused().limit(limit).build());
            s.checkPages(ClockQuery.running().officer("bob").limit(limit).build());
            s.checkPages(ClockQuery.running().breachedAt(now).kind(ClockKind.RESPONSE).limit(limit).build());
        }
        // cursors made by hand: at a row, between two microseconds, and at a row's instant but an earlier kind
        DueClock middle = running.get(running.size() / 2);
        Instant at = middle.due().orElseThrow();
        for (ClockCursor cursor : List.of(ClockCursor.after(middle), new ClockCursor(at.plusNanos(1), middle.id(),
                middle.stage(), middle.kind()), new ClockCursor(at.minusNanos(1), middle.id(), Stage.STAGE_3,
                ClockKind.RESPONSE), new ClockCursor(at, middle.id(), Stage.STAGE_1, ClockKind.TRIAGE),
                ClockCursor.parse(ClockCursor.after(paused.get(0)).token()))) {
            s.check(ClockQuery.running().limit(5).after(cursor).build());
            s.check(ClockQuery.paused().limit(5).after(cursor).build());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachCommitReplacesItsComplaintsRowsAndAStoppedClockLeavesTheQueue(Databases db) {
        Scene s = new Scene(db);
        Complaint c = Fixtures.receive(s.complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        ClockQuery triage = ClockQuery.running().kind(ClockKind.TRIAGE).build();
        assertEquals(List.of(c.id()), s.check(triage).items().stream().map(DueClock::id).toList());

        s.clock.advance(Duration.ofHours(1));
        s.complaints.execute(c.id(), Command.Triage.asReceived(), Fixtures.OFFICER);
        assertTrue(s.check(triage).items().isEmpty(), "the triage clock stopped");
        List<DueClock> after = s.check(ClockQuery.running().build()).items();
        assertFalse(after.isEmpty());
        assertTrue(after.stream().allMatch(k -> k.id().equals(c.id()) && k.kind() != ClockKind.TRIAGE
                && k.status() == Status.TRIAGED), "rows of the new state only: " + after);

        s.complaints.execute(c.id(), new Command.Allocate("dee", "East"), Fixtures.OFFICER);
        assertTrue(s.check(ClockQuery.running().officer("dee").build()).items().size() == after.size(),
                "the rows carry the new officer");

        s.complaints.execute(c.id(), new Command.Pause(), WAITING);
        List<DueClock> paused = s.check(ClockQuery.paused().build()).items();
        assertEquals(1, paused.size(), "the response clock paused: " + paused);
        assertEquals(Optional.of(s.clock.instant()), paused.get(0).pausedSince());
        assertEquals(after.size() - 1, s.check(ClockQuery.running().officer("dee").build()).items().size());

        s.complaints.execute(c.id(), Command.Close.withdrawn(), Fixtures.OFFICER);
        assertTrue(s.stored().isEmpty(), "no clock runs on a closed complaint");
        assertTrue(s.kept.get(c.id()).clocks().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCommitOfClocksOnlyReplacesTheRowsOfAComplaintStillAtItsVersion(Databases db) {
        Scene s = new Scene(db);
        Complaint a = Fixtures.allocated(s.complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "ann");
        Complaint b = Fixtures.allocated(s.complaints, Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS, "bob");
        Complaint stateBefore = s.jdbc.load(a.id()).orElseThrow();
        List<ComplaintEvent> historyBefore = s.jdbc.history(a.id());
        var personalBefore = s.jdbc.personalData(a.id());
        List<DueClock> rowsBefore = s.stored();

        ClockRows other = OTHER.clockRows(s.stored(a.id()));
        assertNotEquals(ENGLAND.clockRows(s.stored(a.id())), other, "the other policy gives other rows");
        s.append(Commit.clocksOf(stateBefore, other));

        assertEquals(other.clocks(), s.check(ClockQuery.running().basisOtherThan(ENGLAND.basis()).build()).items());
        assertEquals(rowsBefore.stream().filter(r -> r.id().equals(b.id())).toList(),
                s.stored().stream().filter(r -> r.id().equals(b.id())).toList(), "another complaint's rows stay");
        assertEquals(stateBefore, s.jdbc.load(a.id()).orElseThrow(), "the state is not touched");
        assertEquals(historyBefore, s.jdbc.history(a.id()), "no event");
        assertEquals(personalBefore, s.jdbc.personalData(a.id()), "the personal data is not touched");

        // two in one batch: the last one's rows are kept
        ClockRows england = ENGLAND.clockRows(s.stored(a.id()));
        s.appendAll(List.of(Commit.clocksOf(stateBefore, other), Commit.clocksOf(stateBefore, england)));
        assertTrue(s.check(ClockQuery.running().basisOtherThan(ENGLAND.basis()).build()).items().isEmpty());
        s.check(ClockQuery.running().build());

        // stale: the complaint moved on since the rows were computed
        s.append(Commit.clocksOf(stateBefore, other));
        s.complaints.execute(a.id(), new Command.Acknowledge(), Fixtures.OFFICER);
        List<DueClock> rowsNow = s.stored();
        Complaint stateNow = s.jdbc.load(a.id()).orElseThrow();
        VersionConflictException stale = assertThrows(VersionConflictException.class,
                () -> s.jdbc.append(Commit.clocksOf(stateBefore, other)));
        assertTrue(stale.getMessage().contains(a.id().toString()), stale.getMessage());
        assertEquals(rowsNow, s.stored(), "a refused commit changes no row");
        assertEquals(stateNow, s.jdbc.load(a.id()).orElseThrow());
        assertTrue(s.stored().stream().filter(r -> r.id().equals(a.id())).allMatch(r -> r.status()
                == stateNow.status()), "the acknowledgement's own rows are kept");

        // a complaint the store does not hold
        Complaint unknown = Fixtures.allocated(Complaints.builder(uk.councilcomplaints.testing.ReferenceStore.correct()).clock(s.clock).build(), Procedure.CORPORATE, ServiceArea.CORPORATE, "cy");
        assertThrows(VersionConflictException.class, () -> s.jdbc.append(Commit.clocksOf(unknown, ClockRows.NONE)));
        assertEquals(rowsNow, s.stored());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void commitsOfClocksOnlyAndOfEventsOnOneComplaintInOneBatchKeepTheLastOnesRows(Databases db)
            throws SQLException {
        Scene s = new Scene(db);
        Complaint a = Fixtures.allocated(s.complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "ann");
        Complaint b = Fixtures.allocated(s.complaints, Procedure.CORPORATE, ServiceArea.OTHER, "bob");
        Complaint atVersion = s.jdbc.load(a.id()).orElseThrow();
        s.clock.advance(Duration.ofHours(2));
        Commit acknowledge = s.commitOf(a.id(), new Command.Acknowledge());
        s.appendAll(List.of(Commit.clocksOf(atVersion, OTHER.clockRows(s.stored(a.id()))), acknowledge,
                Commit.clocksOf(b, OTHER.clockRows(s.stored(b.id())))));
        assertEquals(acknowledge.state(), s.jdbc.load(a.id()).orElseThrow());
        assertEquals(acknowledge.clocks().clocks(), s.stored().stream().filter(r -> r.id().equals(a.id())).toList());
        assertEquals(OTHER.clockRows(s.stored(b.id())).clocks(),
                s.check(ClockQuery.running().basisOtherThan(ENGLAND.basis()).build()).items());

        s.clock.advance(Duration.ofHours(2));
        Commit send = s.commitOf(a.id(), new Command.SendToService());
        List<ComplaintEvent> events = new ArrayList<>(s.jdbc.history(a.id()));
        events.addAll(send.events());
        ClockRows other = OTHER.clockRows(new ComplaintHistory(events));
        s.appendAll(List.of(send, Commit.clocksOf(send.state(), other)));
        assertEquals(send.state(), s.jdbc.load(a.id()).orElseThrow());
        assertEquals(events, s.jdbc.history(a.id()));
        assertEquals(other.clocks(), s.stored().stream().filter(r -> r.id().equals(a.id())).toList());
        s.check(ClockQuery.running().build());
        s.check(ClockQuery.running().basisOtherThan(ENGLAND.basis()).build());
        String rows = "SELECT COUNT(*) FROM report_projection WHERE council_id = '" + s.jdbc.council()
                + "' AND complaint_id = '" + a.id() + "'";
        assertEquals(send.state().version(), MigrationFixtures.count(db.dataSource(), rows), "a row an event");
        assertEquals(1, MigrationFixtures.count(db.dataSource(), rows + " AND next_occurred_at IS NULL"),
                "the last row alone is open");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedBatchLeavesTheRowsAsTheyWere(Databases db) {
        Scene s = new Scene(db);
        Complaint a = Fixtures.allocated(s.complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "ann");
        Complaint b = Fixtures.allocated(s.complaints, Procedure.CORPORATE, ServiceArea.ADULTS, "bob");
        Complaint c = Fixtures.receive(s.complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS);
        List<DueClock> before = s.stored();
        assertFalse(before.isEmpty());

        // events: the batch acknowledges a and b, but b moves on meanwhile
        Batch batch = s.complaints.batch();
        batch.execute(a.id(), new Command.Acknowledge(), Fixtures.OFFICER);
        batch.execute(b.id(), new Command.Acknowledge(), Fixtures.OFFICER);
        batch.execute(c.id(), Command.Close.withdrawn(), Fixtures.OFFICER);
        s.jdbc.append(Commit.clocksOf(s.jdbc.load(b.id()).orElseThrow(), OTHER.clockRows(s.stored(b.id()))));
        s.complaints.execute(b.id(), Command.Close.withdrawn(), Fixtures.OFFICER);
        List<DueClock> meanwhile = s.stored();
        assertNotEquals(before, meanwhile);
        BatchFailedException failed = assertThrows(BatchFailedException.class, batch::commit);
        assertInstanceOf(VersionConflictException.class, failed.getCause());
        assertEquals(meanwhile, s.stored(), "the failed batch changed no clock row");

        // clocks only: the second commit is stale
        Complaint aNow = s.jdbc.load(a.id()).orElseThrow();
        BatchFailedException stale = assertThrows(BatchFailedException.class, () -> s.jdbc.appendAll(List.of(
                Commit.clocksOf(aNow, OTHER.clockRows(s.stored(a.id()))),
                Commit.clocksOf(b, OTHER.clockRows(s.stored(b.id()))))));
        assertEquals(1, stale.index());
        assertEquals(meanwhile, s.stored(), "the failed batch changed no clock row");
    }

    /**
     * A database at schema version 4 migrates to an empty {@code running_clocks} (versions 5, 5.1 and 9), which a
     * rebuild fills.
     */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aVersion4DatabaseMigratesToEmptyQueuesThatTheFacadeRebuilds(Dialect dialect) throws SQLException {
        HikariDataSource pg = dialect == Dialect.POSTGRESQL ? TestDatabases.newPostgresDatabase(2) : null;
        try {
            DataSource ds = pg != null ? pg : TestDatabases.newH2Memory();
            ComplaintsSchema.migrate(ds);
            Scene s = new Scene(ContractStores.fresh(ds));
            s.play(150, 9);
            Map<ComplaintId, ClockRows> rows = Map.copyOf(s.kept);
            assertTrue(MigrationFixtures.count(ds, "SELECT COUNT(*) FROM running_clocks") > 0);
            MigrationFixtures.execute(ds, "DROP TABLE running_clocks", "DELETE FROM "
                    + ComplaintsSchema.HISTORY_TABLE + " WHERE version IN ('5', '5.1', '9')");

            assertEquals(List.of("db/migration/common/V5__running_clocks.sql", "db/migration/" + dialect.folder()
                    + "/V5_1__running_clocks_indexes.sql", "db/migration/" + dialect.folder()
                    + "/V9__work_queue_indexes.sql"), ComplaintsSchema.migrate(ds));
            ComplaintsSchema.validate(ds);
            assertEquals(0, MigrationFixtures.count(ds, "SELECT COUNT(*) FROM running_clocks"));
            assertTrue(s.stored().isEmpty());
            assertEquals(ENGLAND.basis(), s.complaints.sla().basis());
            s.kept.clear();

            int rebuilt = s.complaints.queues().rebuildClocks();

            assertEquals(rows.values().stream().filter(r -> !r.clocks().isEmpty()).count(), s.kept.values().stream()
                    .filter(r -> !r.clocks().isEmpty()).count(), "every complaint with clocks has them again");
            assertTrue(rebuilt >= s.kept.values().stream().filter(r -> !r.clocks().isEmpty()).count());
            s.kept.forEach((id, r) -> assertEquals(rows.get(id), r, "the rebuilt rows of " + id));
            s.checkPages(ClockQuery.running().limit(4).build());
            s.checkPages(ClockQuery.paused().limit(4).build());
            assertEquals(0, s.complaints.queues().staleClocks());
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }
}
