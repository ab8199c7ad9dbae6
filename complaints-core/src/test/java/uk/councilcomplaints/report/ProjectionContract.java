package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.sla.SlaStatus;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.CountQuery.Dimension;
import uk.councilcomplaints.store.GroupCounts;
import uk.councilcomplaints.store.GroupKey;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.testing.ReferenceStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * What a store that answers {@link ComplaintStore#count(CountQuery)} from its own projection must satisfy:
 * over random histories with late entries (played through the facade), every count equals the fold of the
 * histories, for every day the histories cover, known now and at instants between their records, for every
 * grouping, population and filter; the reports made from those counts (tables, burn-down, workload,
 * non-complaint share) equal the fold's; the projection survives every command, erasure included; and the
 * histories a store hands to SLA and statutory figures give the figures of all histories. The fold here is
 * {@link ComplaintHistory#stateAsOf(Instant, Instant)}, written independently of the projection. A store
 * module extends this class.
 */
public abstract class ProjectionContract {

    private static final int EXAMPLES = 60;
    private static final LocalDate FIRST_DAY = LondonDays.dayOf(RandomHistories.START);
    private static final List<Set<Dimension>> GROUPINGS = Stream.of(Grouping.values()).map(Grouping::dimensions)
            .collect(Collectors.toList());

    /** A new, empty store on every call. */
    protected abstract ComplaintStore createStore();

    private static QuickTheory theory() {
        return qt().withExamples(EXAMPLES).withShrinkCycles(10); // a failure reports in seconds, not minutes
    }

    private static Gen<List<Integer>> steps(int max) {
        return lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(1, max);
    }

    /** A store, clock and facade after playing random steps. */
    private final class World {
        final ComplaintStore store = createStore();
        final SettableClock clock = new SettableClock(RandomHistories.START);
        final Complaints complaints = Complaints.builder(store).clock(clock).build();
        final RandomHistories player = new RandomHistories(complaints, clock);

        World play(List<Integer> steps) {
            player.play(steps, true);
            return this;
        }

        List<ComplaintHistory> histories() {
            try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
                return all.collect(Collectors.toList());
            }
        }

        /** Every day from the day before the first event to the day after the clock. */
        List<LocalDate> days() {
            LocalDate last = LondonDays.dayOf(clock.instant()).plusDays(1);
            return FIRST_DAY.minusDays(1).datesUntil(last.plusDays(1)).toList();
        }

        /** Known now, and a few instants where a record was made, and just before one. */
        List<Optional<Instant>> knownAts(Random random) {
            List<Instant> recorded = new ArrayList<>(histories().stream().flatMap(h -> h.events().stream())
                    .map(ComplaintEvent::recordedAt).collect(Collectors.toCollection(TreeSet::new)));
            List<Optional<Instant>> knownAts = new ArrayList<>();
            knownAts.add(Optional.empty());
            for (int i = 0; i < 3 && !recorded.isEmpty(); i++) {
                Instant at = recorded.get(random.nextInt(recorded.size()));
                knownAts.add(Optional.of(random.nextBoolean() ? at : at.minus(1, ChronoUnit.MICROS)));
            }
            return knownAts;
        }
    }

    /** The counts of {@code query} over {@code histories}, folding each history as of each day. */
    static GroupCounts folded(CountQuery query, List<ComplaintHistory> histories) {
        Instant knownAt = query.knownAt().orElse(Instant.MAX);
        GroupCounts.Builder counts = GroupCounts.builder();
        for (ComplaintHistory h : histories) {
            if (!member(query.population(), h)) {
                continue;
            }
            for (LocalDate day : query.asOf()) {
                Optional<Complaint> state = h.stateAsOf(LondonDays.endOf(day).minusNanos(1), knownAt);
                if (state.isPresent() && passes(query, state.get())) {
                    counts.add(day, key(query.groupBy(), state.get()), state.get().bucket(), 1);
                }
            }
        }
        return counts.build();
    }

    private static boolean member(CountQuery.Population population, ComplaintHistory h) {
        ComplaintEvent receipt = h.events().get(0);
        boolean recordedByThen = population.knownAt().map(k -> !receipt.recordedAt().isAfter(k)).orElse(true);
        if (population instanceof CountQuery.OpenAtStartOf open) {
            return h.stateAsOf(LondonDays.startOf(open.day()).minusNanos(1), open.knownAt().orElse(Instant.MAX))
                    .map(c -> c.status().open()).orElse(false);
        } else if (population instanceof CountQuery.ReceivedBetween received) {
            LocalDate day = LondonDays.dayOf(receipt.occurredAt());
            return recordedByThen && !day.isBefore(received.from()) && !day.isAfter(received.to());
        }
        return recordedByThen;
    }

    private static boolean passes(CountQuery q, Complaint c) {
        return (q.serviceAreas().isEmpty() || q.serviceAreas().contains(c.serviceArea()))
                && (q.procedures().isEmpty() || q.procedures().contains(c.procedure()))
                && (q.officer().isEmpty() || q.officer().equals(c.officer()))
                && (q.team().isEmpty() || q.team().equals(c.team()));
    }

    private static GroupKey key(Set<Dimension> by, Complaint c) {
        return new GroupKey(
                by.contains(Dimension.CLASSIFICATION) ? Optional.of(c.classification()) : Optional.empty(),
                by.contains(Dimension.PROCEDURE) ? Optional.of(c.procedure()) : Optional.empty(),
                by.contains(Dimension.STAGE) ? Optional.of(c.stage()) : Optional.empty(),
                by.contains(Dimension.SERVICE_AREA) ? Optional.of(c.serviceArea()) : Optional.empty(),
                by.contains(Dimension.OFFICER) ? c.officer() : Optional.empty(),
                by.contains(Dimension.TEAM) ? c.team() : Optional.empty());
    }

    /** The three populations, with a day, a range and a membership instant drawn from {@code random}. */
    private static List<CountQuery.Population> populations(Random random, List<LocalDate> days,
            Optional<Instant> knownAt) {
        LocalDate cohortDay = days.get(random.nextInt(days.size()));
        LocalDate from = days.get(random.nextInt(days.size()));
        LocalDate to = from.plusDays(random.nextInt(10));
        Optional<Instant> members = random.nextInt(3) == 0 ? knownAt : Optional.empty();
        return List.of(new CountQuery.All(members), new CountQuery.OpenAtStartOf(cohortDay, members),
                new CountQuery.ReceivedBetween(from, to, members));
    }

    /** For a cohort, the days a report may follow it (from the day before it); else every day. */
    private static List<LocalDate> daysFollowing(CountQuery.Population population, List<LocalDate> days) {
        if (population instanceof CountQuery.OpenAtStartOf open) {
            List<LocalDate> following = days.stream().filter(d -> !d.isBefore(open.day().minusDays(1))).toList();
            return following.isEmpty() ? List.of(open.day()) : following;
        }
        return days;
    }

    /** A query with one filter or none, drawn from {@code random}. */
    private static CountQuery query(Random random, CountQuery.Population population, Set<Dimension> groupBy,
            List<LocalDate> days, Optional<Instant> knownAt) {
        int pick = random.nextInt(100);
        Set<ServiceArea> areas = Set.of();
        Set<Procedure> procedures = Set.of();
        Optional<String> officer = Optional.empty();
        Optional<String> team = Optional.empty();
        switch (random.nextInt(8)) {
            case 0 -> areas = Set.copyOf(List.of(RandomHistories.AREAS.get(pick % RandomHistories.AREAS.size()),
                    RandomHistories.AREAS.get(pick / 10 % RandomHistories.AREAS.size())));
            case 1 -> procedures = Set.of(Procedure.values()[pick % Procedure.values().length]);
            case 2 -> officer = Optional.of(RandomHistories.OFFICERS.get(pick % RandomHistories.OFFICERS.size()));
            case 3 -> team = Optional.of(RandomHistories.TEAMS.get(pick % RandomHistories.TEAMS.size()));
            default -> {
            }
        }
        return new CountQuery(population, groupBy, days, knownAt, areas, procedures, officer, team);
    }

    @Test
    public void everyCountFromTheProjectionIsTheFoldOnEveryDayKnownNowAndAtPastInstants() {
        AtomicInteger counted = new AtomicInteger();
        theory().forAll(steps(60), integers().allPositive()).checkAssert((steps, seed) -> {
            World w = new World().play(steps);
            Random random = new Random(seed);
            List<ComplaintHistory> histories = w.histories();
            List<LocalDate> days = w.days();
            for (Optional<Instant> knownAt : w.knownAts(random)) {
                for (CountQuery.Population population : populations(random, days, knownAt)) {
                    for (Set<Dimension> groupBy : GROUPINGS) {
                        LocalDate oneDay = days.get(random.nextInt(days.size()));
                        for (List<LocalDate> asOf : List.of(days, daysFollowing(population, days), List.of(oneDay))) {
                            CountQuery q = query(random, population, groupBy, asOf, knownAt);
                            GroupCounts expected = folded(q, histories);
                            assertEquals(expected, w.store.count(q), q.toString());
                            if (!expected.days().isEmpty()) {
                                counted.incrementAndGet();
                            }
                        }
                    }
                }
            }
        });
        assertTrue(counted.get() >= EXAMPLES * 10, "only " + counted + " queries counted anything");
    }

    @Test
    public void aCountOverSomeDaysInAnyOrderIsTheCountOfEachDay() {
        theory().forAll(steps(40), integers().allPositive()).checkAssert((steps, seed) -> {
            World w = new World().play(steps);
            Random random = new Random(seed);
            List<LocalDate> all = w.days();
            List<LocalDate> some = new ArrayList<>(all.subList(0, 1 + random.nextInt(all.size())));
            Collections.shuffle(some, random);
            Optional<Instant> knownAt = w.knownAts(random).get(random.nextInt(2));
            for (CountQuery.Population population : populations(random, all, knownAt)) {
                CountQuery q = CountQuery.of(population, GROUPINGS.get(random.nextInt(GROUPINGS.size())), some,
                        knownAt);
                GroupCounts together = w.store.count(q);
                for (LocalDate day : some) {
                    GroupCounts alone = w.store.count(CountQuery.of(population, q.groupBy(), List.of(day), knownAt));
                    for (GroupKey key : alone.keys(day)) {
                        for (StatusBucket bucket : StatusBucket.values()) {
                            assertEquals(alone.count(day, key, bucket), together.count(day, key, bucket));
                        }
                    }
                    assertEquals(alone.keys(day), together.keys(day), day.toString());
                }
            }
        });
    }

    @Test
    public void reportsFromTheStoreEqualReportsFromTheFold() {
        theory().forAll(steps(60), lists().of(integers().between(0, 1_000_000)).ofSize(12))
                .checkAssert((steps, spec) -> {
                    World w = new World().play(steps);
                    List<ComplaintHistory> histories = w.histories();
                    Reports reports = Reports.over(w.store);
                    List<LocalDate> days = w.days();
                    ReportQuery q = ReportContract.query(spec, days.size() - 2, Optional.empty(), Optional.empty());
                    assertEquals(q.aggregate(histories.stream()), reports.table(q), q.toString());

                    List<LocalDate> burnDays = q.asOf().datesUntil(q.asOf().plusDays(20)).toList();
                    BurnDown burnDown = reports.burnDown(q, burnDays);
                    for (BurnDown.Point p : burnDown.points()) {
                        assertEquals(q.withAsOf(p.asOf()).aggregate(histories.stream()), p.table(), p.asOf().toString());
                    }

                    LocalDate asOf = q.asOf();
                    ReportQuery workload = ReportQuery.builder(Population.all(), Grouping.OFFICER, asOf).stillOpen()
                            .build();
                    assertEquals(workload.aggregate(histories.stream()).withoutEmptyRows(),
                            reports.officerWorkload(asOf, KnownAt.latest()));
                    ReportTable byClassification = ReportQuery.builder(Population.receivedBetween(FIRST_DAY, asOf),
                            Grouping.CLASSIFICATION, asOf).build().aggregate(histories.stream());
                    NonComplaintShare share = reports.nonComplaintShare(FIRST_DAY, asOf, asOf, KnownAt.latest());
                    assertEquals(byClassification.total().total(), share.contacts());
                    assertEquals(byClassification.row("Service request").map(ReportTable.Row::total).orElse(0L),
                            share.serviceRequests());
                    assertEquals(byClassification.row("Not a council complaint").map(ReportTable.Row::total)
                            .orElse(0L), share.notCouncilComplaints());
                });
    }

    /**
     * A service area renamed between two complaints: each day's table labels it by the least name of the complaints
     * counted that day, as the reference store's fold does, so a table of a day before the rename, or known before
     * it, keeps the old name whatever was recorded since.
     */
    @Test
    public void aRenamedServiceAreaIsLabelledByTheNamesOfTheComplaintsCountedThatDay() {
        List<ReportTable> tables = renamed(createStore());

        assertEquals(List.of(ReportTable.Row.of("Waste", 1, 0, 0, 0, 0)), tables.get(0).rows());
        assertEquals(List.of(ReportTable.Row.of("Bins and waste", 2, 0, 0, 0, 0)), tables.get(1).rows());
        assertEquals(List.of(ReportTable.Row.of("Waste", 1, 0, 0, 0, 0)), tables.get(2).rows());
        assertEquals(renamed(ReferenceStore.correct()), tables);
    }

    /**
     * "Waste" received in January, renamed "Bins and waste" for a complaint in February: by service as of the end
     * of January, of February, and of February known at the start of February.
     */
    private static List<ReportTable> renamed(ComplaintStore store) {
        SettableClock clock = SettableClock.at("2022-01-10T09:00:00Z");
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        receive(complaints, clock, ServiceArea.of("waste", "Waste"));
        clock.set(Instant.parse("2022-02-10T09:00:00Z"));
        receive(complaints, clock, ServiceArea.of("waste", "Bins and waste"));
        Reports reports = Reports.over(store);
        ReportQuery february = ReportQuery.builder(Population.all(), Grouping.SERVICE_AREA,
                LocalDate.of(2022, 2, 28)).build();
        return List.of(reports.table(ReportQuery.builder(Population.all(), Grouping.SERVICE_AREA,
                LocalDate.of(2022, 1, 31)).build()), reports.table(february),
                reports.table(february.withKnownAt(Instant.parse("2022-02-01T00:00:00Z"))));
    }

    private static void receive(Complaints complaints, SettableClock clock, ServiceArea area) {
        complaints.receive(ReceiveContact.of(Procedure.CORPORATE, area,
                Channel.EMAIL, clock.instant(),
                Complainant.named("A. Resident"), "Bins not collected"),
                Audit.by("contact.centre"));
    }

    @Test
    public void theProjectionSurvivesEveryCommandErasureIncluded() {
        theory().forAll(steps(40), steps(40), integers().allPositive()).checkAssert((before, after, seed) -> {
            World w = new World().play(before);
            Random random = new Random(seed);
            List<ComplaintId> erased = new ArrayList<>();
            for (ComplaintId id : w.player.ids()) {
                // the random steps may have erased it already; erasing twice is refused
                if (random.nextInt(3) == 0 && !w.store.load(id).orElseThrow().personalDataErased()) {
                    w.clock.advance(Duration.ofMinutes(1 + random.nextInt(600)));
                    w.complaints.execute(id, new Command.ErasePersonalData(),
                            Fixtures.OFFICER.because("retention period ended"));
                    erased.add(id);
                }
            }
            w.play(after);
            List<ComplaintHistory> histories = w.histories();
            List<LocalDate> days = w.days();
            for (Optional<Instant> knownAt : w.knownAts(random)) {
                for (Set<Dimension> groupBy : GROUPINGS) {
                    CountQuery q = CountQuery.of(new CountQuery.All(Optional.empty()), groupBy, days, knownAt);
                    assertEquals(folded(q, histories), w.store.count(q), q.toString());
                }
            }
            for (ComplaintId id : erased) {
                assertTrue(w.store.personalData(id).isEmpty(), "erased");
                assertTrue(w.store.load(id).orElseThrow().personalDataErased());
            }
        });
    }

    @Test
    public void theHistoriesGivenToSlaAndStatutoryFiguresGiveTheFiguresOfAllHistories() {
        SlaEvaluator sla = SlaEvaluator.englandDefaults();
        theory().forAll(steps(60), integers().allPositive()).checkAssert((steps, seed) -> {
            World w = new World().play(steps);
            Random random = new Random(seed);
            List<ComplaintHistory> histories = w.histories();
            List<LocalDate> days = w.days();
            Instant at = w.clock.instant().minus(Duration.ofMinutes(random.nextInt(60 * 24 * 20)));
            for (Optional<Instant> knownAt : w.knownAts(random)) {
                Instant known = knownAt.orElse(Instant.MAX);
                HistoryFilter open = HistoryFilter.openAt(at, KnownAt.of(known));
                List<ComplaintHistory> wanted = filtered(w.store, open);
                assertTrue(wanted.containsAll(histories.stream().filter(open::matches).toList()),
                        "a store may return more histories than wanted, never fewer");
                assertEquals(ids(sla.breachedOrAtRisk(histories.stream(), at, known)),
                        ids(w.complaints.breachedOrAtRisk(at, KnownAt.of(known))));

                LocalDate from = days.get(random.nextInt(days.size()));
                LocalDate to = from.plusDays(random.nextInt(20));
                LocalDate asOf = to.plusDays(random.nextInt(5));
                assertEquals(SlaPerformance.of(sla, histories.stream(), from, to, asOf, known),
                        Reports.over(w.store, sla).slaPerformance(from, to, asOf, KnownAt.of(known)));
                HistoryFilter active = HistoryFilter.activeBetween(LondonDays.startOf(from), LondonDays.endOf(to));
                assertTrue(filtered(w.store, active).containsAll(histories.stream().filter(active::matches).toList()));

                LocalDate yearEnding = LocalDate.of(2022 + random.nextInt(2), 3, 31);
                assertEquals(new StatutoryAggregation(yearEnding, known, sla).report(histories.stream()),
                        Reports.over(w.store, sla).statutoryAnnual(yearEnding, KnownAt.of(known)));
            }
        });
    }

    private static List<ComplaintHistory> filtered(ComplaintStore store, HistoryFilter filter) {
        try (Stream<ComplaintHistory> wanted = store.histories(filter)) {
            return wanted.collect(Collectors.toList());
        }
    }

    private static List<ComplaintId> ids(List<SlaStatus> statuses) {
        return statuses.stream().map(SlaStatus::id).sorted().toList();
    }
}
