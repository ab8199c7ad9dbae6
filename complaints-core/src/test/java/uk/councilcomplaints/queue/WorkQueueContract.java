package uk.councilcomplaints.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.report.AgeingReport;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.ClockRows;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.DueClock;
import uk.councilcomplaints.sla.SlaClock;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.sla.SlaPolicy;
import uk.councilcomplaints.sla.WorkingCalendar;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.store.ClockGroup;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.testing.ReferenceStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * What a store must do with the work queues' clock rows: over random histories (every command, late entries,
 * pauses, extensions, agreed dates, both clock changes), the running clocks its queue lists at any instant at or
 * after every recorded event are exactly the clocks the fold ({@link SlaEvaluator#evaluate}) finds breached or at
 * risk then, clock for clock and in the same order, a page at a time; its counts per group equal the list; a
 * commit replaces a complaint's rows, a commit of clocks only does so at its version, a failed batch changes none,
 * and a new bank holiday moves a due date once the clocks are rebuilt. A store module extends this class.
 */
public abstract class WorkQueueContract {

    private static final SlaEvaluator SLA = SlaEvaluator.englandDefaults();
    private static final Audit WHY = Fixtures.OFFICER.because("waiting for the complainant");

    /** A new, empty store on every call. */
    protected abstract ComplaintStore createStore();

    /** How many random histories each property tries: 40, fewer where a store is slow to fill. */
    protected int examples() {
        return 40;
    }

    private QuickTheory theory() {
        return qt().withExamples(examples()).withShrinkCycles(10);
    }

    /** What the fold and the queue must agree on for one clock at one instant. */
    private record Seen(ComplaintId id, ClockKind kind, Object stage, Instant due, LocalDate dueDate,
            ClockState state, int extension, boolean agreed) {

        static Seen of(ComplaintId id, SlaClock c) {
            return new Seen(id, c.kind(), c.stage(), c.due(), c.dueDate(), c.state(), c.extensionWorkingDays(),
                    c.dateAgreed());
        }

        static Seen of(DueClock c, Instant at) {
            return new Seen(c.id(), c.kind(), c.stage(), c.due().orElse(null), c.dueDate().orElse(null),
                    c.stateAt(at), c.extensionWorkingDays(), c.dateAgreed());
        }
    }

    private static final Comparator<Seen> ORDER = Comparator.comparing(Seen::due).thenComparing(Seen::id)
            .thenComparing(s -> s.stage().toString()).thenComparing(Seen::kind);

    @Test
    public void theQueueListsExactlyTheClocksTheFoldFindsBreachedOrAtRiskInDueOrder() {
        theory().forAll(lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(1, 80),
                integers().allPositive()).checkAssert((steps, seed) -> {
            ComplaintStore store = createStore();
            SettableClock clock = new SettableClock(RandomHistories.START);
            Complaints complaints = Complaints.builder(store).clock(clock).build();
            new RandomHistories(complaints, clock).play(steps, true);
            List<ComplaintHistory> histories = histories(store);
            Random random = new Random(seed);
            for (int i = 0; i < 4; i++) {
                Instant at = clock.instant().plus(Duration.ofMinutes(i == 0 ? 0 : random.nextInt(60 * 24 * 45)));
                List<Seen> fold = new ArrayList<>();
                List<Seen> paused = new ArrayList<>();
                for (ComplaintHistory h : histories) {
                    SLA.evaluate(h, at).ifPresent(s -> s.clocks().forEach(c -> {
                        if (c.state() == ClockState.PAUSED) {
                            paused.add(Seen.of(h.id(), c));
                        } else if (c.state() == ClockState.BREACHED || c.state() == ClockState.AT_RISK) {
                            fold.add(Seen.of(h.id(), c));
                        }
                    }));
                }
                fold.sort(ORDER);
                int limit = 1 + random.nextInt(9);
                List<DueClock> listed = all(complaints.queues(), ClockQuery.running().atRiskBy(at).limit(limit)
                        .build());
                assertEquals(fold, listed.stream().map(c -> Seen.of(c, at)).toList(), "at risk or breached at " + at);
                assertEquals(fold.stream().filter(s -> s.state() == ClockState.BREACHED).toList(),
                        all(complaints.queues(), ClockQuery.running().breachedAt(at).limit(limit).build()).stream()
                                .map(c -> Seen.of(c, at)).toList(), "breached at " + at);
                assertEquals(paused.stream().map(s -> s.id() + "/" + s.stage() + "/" + s.kind()).sorted().toList(),
                        all(complaints.queues(), ClockQuery.paused().limit(limit).build()).stream()
                                .map(c -> c.id() + "/" + c.stage() + "/" + c.kind()).sorted().toList(), "paused");
                for (ClockGroup group : ClockGroup.values()) {
                    Map<String, Long> expected = listed.stream()
                            .collect(Collectors.groupingBy(group::keyOf, TreeMap::new, Collectors.counting()));
                    assertEquals(expected, complaints.queues().find(ClockQuery.running().atRiskBy(at)
                            .countBy(group).build()).counts(), "counts by " + group);
                }
                ClockKind kind = ClockKind.values()[random.nextInt(ClockKind.values().length)];
                assertEquals(listed.stream().filter(c -> c.kind() == kind).toList(),
                        all(complaints.queues(), ClockQuery.running().atRiskBy(at).kind(kind).limit(limit).build()),
                        "kind " + kind);
                String officer = RandomHistories.OFFICERS.get(random.nextInt(RandomHistories.OFFICERS.size()));
                assertEquals(listed.stream().filter(c -> c.officer().equals(Optional.of(officer))).toList(),
                        all(complaints.queues(), ClockQuery.running().atRiskBy(at).officer(officer).limit(limit)
                                .build()), "officer " + officer);
            }
        });
    }

    @Test
    public void theAgeingReportFromTheClockRowsEqualsTheFoldOfTheHistoriesForToday() {
        theory().forAll(lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(1, 80))
                .checkAssert(steps -> {
                    ComplaintStore store = createStore();
                    SettableClock clock = new SettableClock(RandomHistories.START);
                    Complaints complaints = Complaints.builder(store).clock(clock).build();
                    new RandomHistories(complaints, clock).play(steps, true);
                    Reports reports = Reports.over(store, SLA);
                    LocalDate today = LondonDays.dayOf(clock.instant());
                    for (AgeingReport.By by : AgeingReport.By.values()) {
                        assertEquals(reports.ageing(today, by, 5, KnownAt.latest()),
                                reports.ageingNow(clock.instant(), by, 5), by.toString());
                    }
                });
    }

    @Test
    public void everyCommitLeavesTheComplaintsClocksAsComputedAndAStoppedClockGoes() {
        ComplaintStore store = createStore();
        SettableClock clock = SettableClock.at("2022-01-10T09:00:00Z");
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        assertEquals(List.of(ClockKind.TRIAGE, ClockKind.ACKNOWLEDGEMENT, ClockKind.RESPONSE), kinds(store, c.id()),
                "every clock runs from receipt");
        clock.advance(Duration.ofHours(1));
        complaints.execute(c.id(), Command.Triage.asReceived(), Fixtures.OFFICER);
        assertEquals(List.of(ClockKind.ACKNOWLEDGEMENT, ClockKind.RESPONSE), kinds(store, c.id()));
        complaints.execute(c.id(), new Command.Allocate("ann", "North"), Fixtures.OFFICER);
        assertEquals(List.of(Optional.of("ann"), Optional.of("ann")),
                rowsOf(store, c.id()).stream().map(DueClock::officer).toList(), "rows show the officer");
        complaints.execute(c.id(), new Command.Acknowledge(), Fixtures.OFFICER);
        assertEquals(List.of(ClockKind.RESPONSE), kinds(store, c.id()));
        complaints.execute(c.id(), new Command.Pause(), WHY);
        assertTrue(rowsOf(store, c.id()).get(0).paused());
        clock.advance(Duration.ofDays(3));
        complaints.execute(c.id(), new Command.Resume(), WHY);
        assertFalse(rowsOf(store, c.id()).get(0).paused());
        assertEquals(SLA.clockRows(new ComplaintHistory(store.history(c.id()))).clocks(), rowsOf(store, c.id()));
        complaints.execute(c.id(), new Command.Close(ClosureReason.WITHDRAWN, Optional.empty()), Fixtures.OFFICER);
        assertEquals(List.of(), rowsOf(store, c.id()), "a closed complaint runs no clock");
    }

    @Test
    public void aBatchLeavesEachComplaintTheClocksOfItsStateAfterTheBatch() {
        ComplaintStore store = createStore();
        SettableClock clock = SettableClock.at("2022-01-10T09:00:00Z");
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        Complaint stored = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        Batch batch = complaints.batch();
        Complaint fresh = batch.receive(Fixtures.contact(Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS,
                clock.instant()), Fixtures.OFFICER);
        batch.execute(fresh.id(), Command.Triage.asReceived(), Fixtures.OFFICER);
        batch.execute(stored.id(), Command.Triage.asReceived(), Fixtures.OFFICER);
        batch.execute(stored.id(), new Command.Allocate("bob", "South"), Fixtures.OFFICER);
        batch.execute(stored.id(), new Command.Acknowledge(), Fixtures.OFFICER);
        batch.commit();
        for (ComplaintId id : List.of(stored.id(), fresh.id())) {
            assertEquals(SLA.clockRows(new ComplaintHistory(store.history(id))).clocks(), rowsOf(store, id),
                    "the rows of " + id + " after the batch");
        }
        assertEquals(List.of(ClockKind.RESPONSE), kinds(store, stored.id()));
    }

    @Test
    public void aCommitOfClocksOnlyReplacesThemAtItsVersionAndIsRefusedAfterAChange() {
        ComplaintStore store = createStore();
        SettableClock clock = SettableClock.at("2022-01-10T09:00:00Z");
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        Complaint c = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "ann");
        List<DueClock> before = rowsOf(store, c.id());
        SlaEvaluator longer = SlaEvaluator.of(SlaPolicy.builder().atRiskWorkingDays(5).build(),
                WorkingCalendar.englandAndWales());
        ComplaintHistory history = new ComplaintHistory(store.history(c.id()));
        ClockRows recomputed = longer.clockRows(history);
        store.append(Commit.clocksOf(c, recomputed));
        assertEquals(recomputed.clocks(), rowsOf(store, c.id()));
        assertEquals(history.events(), store.history(c.id()), "no event is added");
        assertEquals(c, store.load(c.id()).orElseThrow());

        complaints.execute(c.id(), new Command.Acknowledge(), Fixtures.OFFICER);
        List<DueClock> afterAck = rowsOf(store, c.id());
        assertThrows(VersionConflictException.class, () -> store.append(Commit.clocksOf(c, recomputed)));
        assertEquals(afterAck, rowsOf(store, c.id()), "a refused commit of clocks changes nothing");
        assertFalse(before.equals(afterAck));
    }

    @Test
    public void aFailedBatchLeavesEveryClockRowAsItWas() {
        ComplaintStore store = createStore();
        SettableClock clock = SettableClock.at("2022-01-10T09:00:00Z");
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        Complaint a = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "ann");
        Complaint b = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "bob");
        List<DueClock> rowsA = rowsOf(store, a.id());
        List<DueClock> rowsB = rowsOf(store, b.id());
        Complaint staleB = store.load(b.id()).orElseThrow();
        complaints.execute(b.id(), new Command.Acknowledge(), Fixtures.OFFICER);
        List<DueClock> ackedB = rowsOf(store, b.id());
        BatchFailedException e = assertThrows(BatchFailedException.class, () -> store.appendAll(List.of(
                Commit.clocksOf(a, ClockRows.NONE), Commit.clocksOf(staleB, new ClockRows(SLA.basis(), rowsB)))));
        assertInstanceOf(VersionConflictException.class, e.getCause());
        assertEquals(rowsA, rowsOf(store, a.id()), "the first commit of the failed batch is not stored");
        assertEquals(ackedB, rowsOf(store, b.id()));
    }

    @Test
    public void aNewBankHolidayMovesADueDateByOneWorkingDayOnceTheClocksAreRebuilt() {
        ComplaintStore store = createStore();
        SettableClock clock = SettableClock.at("2022-01-10T09:00:00Z"); // a Monday
        Complaints before = Complaints.builder(store).clock(clock).build();
        Complaint c = Fixtures.allocated(before, Procedure.CORPORATE, ServiceArea.CORPORATE, "ann");
        DueClock response = rowsOf(store, c.id()).stream().filter(r -> r.kind() == ClockKind.RESPONSE).findFirst()
                .orElseThrow();
        LocalDate due = response.dueDate().orElseThrow();
        LocalDate holiday = LocalDate.of(2022, 1, 19); // a Wednesday between receipt and the due date
        assertTrue(holiday.isBefore(due) && holiday.isAfter(LondonDays.dayOf(c.receivedAt())));
        WorkingCalendar withHoliday = WorkingCalendar.builder().addClosureDay(holiday).build();
        Complaints after = Complaints.builder(store).clock(clock).calendar(withHoliday).build();
        assertEquals(0, before.queues().staleClocks());
        assertFalse(before.queues().hasStaleClocks());
        assertEquals(rowsOf(store, c.id()).size(), after.queues().staleClocks(), "every row is from the old calendar");
        assertTrue(after.queues().hasStaleClocks());

        assertEquals(1, after.queues().rebuildClocks());
        DueClock moved = rowsOf(store, c.id()).stream().filter(r -> r.kind() == ClockKind.RESPONSE).findFirst()
                .orElseThrow();
        assertEquals(withHoliday.plusWorkingDays(due, 1), moved.dueDate().orElseThrow(),
                "one more working day: the holiday is not one");
        assertEquals(0, after.queues().staleClocks());
        assertFalse(after.queues().hasStaleClocks());
        assertEquals(rowsOf(store, c.id()).size(), before.queues().staleClocks());
        assertTrue(before.queues().hasStaleClocks());

        Complaint old = Fixtures.allocated(before, Procedure.CORPORATE, ServiceArea.CORPORATE, "ann");
        assertEquals(rowsOf(store, old.id()).size(), after.queues().staleClocks(), "two bases: only the old one's");
        assertTrue(after.queues().hasStaleClocks());
        assertEquals(rowsOf(store, c.id()).size(), before.queues().staleClocks());
        assertTrue(before.queues().hasStaleClocks());
    }

    @Test
    public void complaintsStoredWithoutClockRowsAreFoundMissingAndRebuilt() {
        SettableClock clock = SettableClock.at("2022-01-10T09:00:00Z");
        ComplaintStore scratch = ReferenceStore.correct();
        Complaint c = Fixtures.allocated(Complaints.builder(scratch).clock(clock).build(), Procedure.CORPORATE,
                ServiceArea.CORPORATE, "ann");
        List<ComplaintEvent> events = scratch.history(c.id());
        ComplaintStore store = createStore();
        store.append(new Commit(c.id(), 0, events, c, Optional.empty(), false)); // as a store upgraded would hold it
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        assertTrue(complaints.queues().missingClocks());
        assertEquals(List.of(), rowsOf(store, c.id()));

        assertEquals(1, complaints.queues().rebuildClocks());
        assertFalse(complaints.queues().missingClocks());
        assertEquals(SLA.clockRows(new ComplaintHistory(events)).clocks(), rowsOf(store, c.id()));
    }

    @Test
    public void twoFacadesCommandingTheSameComplaintsLeaveTheClocksOfTheFinalState() throws Exception {
        ComplaintStore store = createStore();
        SettableClock clock = SettableClock.at("2022-01-10T09:00:00Z");
        Complaints one = Complaints.builder(store).clock(clock).build();
        Complaints two = Complaints.builder(store).clock(clock).build();
        List<ComplaintId> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(Fixtures.receive(one, Procedure.CORPORATE, ServiceArea.CORPORATE).id());
        }
        List<Command> steps = List.of(Command.Triage.asReceived(), new Command.Allocate("ann", "North"),
                new Command.Acknowledge(), new Command.Extend(5), new Command.Pause(), new Command.Resume());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Complaints facade : List.of(one, two, one, two)) {
                running.add(pool.submit(() -> {
                    for (ComplaintId id : ids) {
                        for (Command step : steps) {
                            try {
                                facade.execute(id, step, WHY);
                            } catch (RuntimeException refusedOrRaced) {
                                // another thread took this step first, or it is not allowed now
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (ComplaintId id : ids) {
            assertTrue(store.load(id).orElseThrow().version() >= steps.size(), "the steps were taken");
            assertEquals(SLA.clockRows(new ComplaintHistory(store.history(id))).clocks(), rowsOf(store, id),
                    "the rows of the final state of " + id);
        }
    }

    private static List<ComplaintHistory> histories(ComplaintStore store) {
        try (var all = store.histories(HistoryFilter.all())) {
            return all.toList();
        }
    }

    /** Every clock the query lists, page after page. */
    static List<DueClock> all(WorkQueues queues, ClockQuery query) {
        List<DueClock> found = new ArrayList<>();
        for (ClockPage page = queues.find(query); ; page = queues.find(query.after(page.next().get()))) {
            found.addAll(page.items());
            if (page.next().isEmpty()) {
                return found;
            }
        }
    }

    /** The complaint's rows, running ones then paused ones, oldest stage first as core computes them. */
    private static List<DueClock> rowsOf(ComplaintStore store, ComplaintId id) {
        WorkQueues queues = WorkQueues.of(store, SLA, java.time.Clock.systemUTC());
        List<DueClock> rows = new ArrayList<>();
        rows.addAll(all(queues, ClockQuery.running().limit(ClockQuery.MAX_LIMIT).build()));
        rows.addAll(all(queues, ClockQuery.paused().limit(ClockQuery.MAX_LIMIT).build()));
        return rows.stream().filter(r -> r.id().equals(id))
                .sorted(Comparator.comparing(DueClock::stage).thenComparing(DueClock::kind)).toList();
    }

    private static List<ClockKind> kinds(ComplaintStore store, ComplaintId id) {
        return rowsOf(store, id).stream().map(DueClock::kind).toList();
    }
}
