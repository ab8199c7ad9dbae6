package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.report.ReportTable.Row;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * What every store's reports must satisfy, as properties over random histories (played through the
 * facade, late entries included) and random queries: the totals add up, each member is counted once, the
 * table equals the complete fold of every history, nothing after the day counts, and a report known at an
 * instant is the report of what had been recorded by then. A store module extends this class.
 */
public abstract class ReportContract {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate FIRST_DAY = LocalDate.of(2022, 3, 10);

    /** A new, empty store on every call. */
    protected abstract ComplaintStore createStore();

    private static final int EXAMPLES = 150;

    /** The property runner: {@value #EXAMPLES} examples each, shrinking a failure for a few cycles only. */
    private static QuickTheory theory() {
        return qt().withExamples(EXAMPLES).withShrinkCycles(10);
    }

    private static Gen<List<Integer>> steps(int max) {
        return lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(0, max);
    }

    private static Gen<List<Integer>> querySpec() {
        return lists().of(integers().between(0, 1_000_000)).ofSize(12);
    }

    /** A store, clock and facade after playing {@code steps}. */
    private final class World {
        final ComplaintStore store = createStore();
        final SettableClock clock = new SettableClock(RandomHistories.START);
        final Complaints complaints = Complaints.builder(store).clock(clock).build();
        final RandomHistories player = new RandomHistories(complaints, clock);

        World play(List<Integer> steps, boolean lateEntries) {
            player.play(steps, lateEntries);
            return this;
        }

        List<ComplaintHistory> histories() {
            try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
                return all.collect(Collectors.toList());
            }
        }

        LocalDate today() {
            return clock.instant().atZone(LONDON).toLocalDate();
        }

        /** The days the history covers so far. */
        int span() {
            return (int) ChronoUnit.DAYS.between(FIRST_DAY, today()) + 1;
        }

        ReportQuery query(List<Integer> spec) {
            return ReportContract.query(spec, span(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * A valid random query from 12 numbers: population, grouping, days within the {@code span} days the
     * history covers (and a little beyond), filters, fixed rows and the two known-at instants (the as-of day
     * and the report's known-at are given explicitly when not empty).
     */
    static ReportQuery query(List<Integer> v, int span, Optional<LocalDate> asOfDay,
            Optional<Optional<Instant>> knownAtGiven) {
        int days = span + 3;
        LocalDate asOf = asOfDay.orElse(FIRST_DAY.plusDays(v.get(2) % days));
        Optional<Instant> knownAt = knownAtGiven.orElse(v.get(9) % 3 == 0 ? Optional.empty()
                : Optional.of(RandomHistories.START.plus(Duration.ofMinutes(v.get(9) % (days * 24 * 60)))));
        Population population = switch (v.get(0) % 3) {
            case 0 -> Population.all();
            case 1 -> Population.openAtStartOf(min(FIRST_DAY.plusDays(v.get(3) % days), asOf.plusDays(1)));
            default -> {
                LocalDate from = FIRST_DAY.plusDays(v.get(4) % days - 1);
                yield Population.receivedBetween(from, from.plusDays(v.get(5) % days));
            }
        };
        if (v.get(10) % 3 == 0) {
            Instant k0 = RandomHistories.START.plus(Duration.ofMinutes(v.get(10) % (days * 24 * 60)));
            population = population.asKnownAt(knownAt.filter(k -> k.isBefore(k0)).orElse(k0));
        }
        Grouping grouping = Grouping.values()[v.get(1) % Grouping.values().length];
        ReportQuery.Builder b = ReportQuery.builder(population, grouping, asOf);
        knownAt.ifPresent(b::knownAt);
        if (v.get(6) % 2 == 1) {
            b.stillOpen();
        }
        int pick = v.get(8);
        switch (v.get(7) % 8) {
            case 0 -> b.serviceAreas(RandomHistories.AREAS.get(pick % RandomHistories.AREAS.size()));
            case 1 -> b.procedures(Procedure.values()[pick % Procedure.values().length]);
            case 2 -> b.officer(RandomHistories.OFFICERS.get(pick % RandomHistories.OFFICERS.size()));
            case 3 -> b.team(RandomHistories.TEAMS.get(pick % RandomHistories.TEAMS.size()));
            default -> {
            }
        }
        if (v.get(11) % 4 == 0) {
            List<String> candidates = List.of("Other", "Adults", "Statutory Adults", "Corporate Stage 2",
                    "Service requests / not a council complaint", "bob", "Not allocated", "Nobody at all");
            String first = candidates.get(pick % candidates.size());
            String second = candidates.get((pick / 8) % candidates.size());
            b.rows(first, second.equals(first) ? "Also nobody" : second);
        }
        return b.build();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Map<String, Row> byLabel(ReportTable t) {
        return t.rows().stream().collect(Collectors.toMap(Row::label, Function.identity()));
    }

    @Test
    public void everyRowAddsUpAndEveryColumnAddsDownToTheTotalRow() {
        theory().forAll(steps(80), querySpec()).checkAssert((steps, spec) -> {
            World w = new World().play(steps, true);
            ReportTable t = (w.query(spec)).table(w.store);
            for (Row row : t.rows()) {
                assertEquals(row.counts().values().stream().mapToLong(Long::longValue).sum(), row.total(), row.label());
            }
            for (StatusBucket b : StatusBucket.values()) {
                assertEquals(t.rows().stream().mapToLong(r -> r.count(b)).sum(), t.total().count(b), b.name());
            }
            assertEquals(t.rows().stream().mapToLong(Row::total).sum(), t.total().total());
        });
    }

    /**
     * The store's table equals the oracle's, worked out from each history's replayed state: for every kind of
     * population (fixed as known at an instant or not), every grouping, every filter, as of any day, known at
     * any instant or now; the examples must cover each of those, and a fifth of them count something.
     */
    @Test
    public void theTableIsTheCompleteFoldOfEveryHistoryCountingEachMemberOnce() {
        AtomicInteger counting = new AtomicInteger();
        Map<String, Integer> covered = new ConcurrentHashMap<>();
        theory().forAll(steps(80), querySpec()).checkAssert((steps, spec) -> {
            World w = new World().play(steps, true);
            ReportQuery q = w.query(spec);
            List<ComplaintHistory> histories = w.histories();
            ReportTable t = q.table(w.store);
            Map<String, Row> expected = ReportOracle.expected(q, histories);
            assertEquals(expected, byLabel(t), q.toString());
            assertEquals(new ArrayList<>(expected.keySet()).subList(0, q.rows().map(List::size).orElse(0)),
                    t.rows().stream().map(Row::label).limit(q.rows().map(List::size).orElse(0)).toList(),
                    "fixed rows come first, in order");
            assertEquals(q.aggregate(histories.stream()), t, "the store's table equals the default aggregation");
            if (!q.stillOpen() && q.serviceAreas().isEmpty() && q.procedures().isEmpty() && q.officer().isEmpty()
                    && q.team().isEmpty()) {
                assertEquals(ReportOracle.members(q, histories), t.total().total(), "each member counted once");
            }
            features(q).forEach(f -> covered.merge(f, 1, Integer::sum));
            if (t.total().total() > 0) {
                counting.incrementAndGet();
            }
        });
        assertTrue(counting.get() >= EXAMPLES / 5, "only " + counting + " examples counted anything");
        Set<String> wanted = new TreeSet<>(List.of("known now", "known at", "population known at", "still open",
                "service area filter", "procedure filter", "officer filter", "team filter", "fixed rows"));
        Stream.of(Population.Kind.values()).forEach(k -> wanted.add(k.name()));
        Stream.of(Grouping.values()).forEach(g -> wanted.add(g.name()));
        wanted.removeAll(covered.keySet());
        assertEquals(Set.of(), wanted, "query features never compared with the oracle: " + covered);
    }

    /** What a query exercises, for the coverage check. */
    private static List<String> features(ReportQuery q) {
        List<String> f = new ArrayList<>(List.of(q.population().kind().name(), q.grouping().name(),
                q.knownAt().isPresent() ? "known at" : "known now"));
        q.population().knownAt().ifPresent(k -> f.add("population known at"));
        if (q.stillOpen()) {
            f.add("still open");
        }
        if (!q.serviceAreas().isEmpty()) {
            f.add("service area filter");
        }
        if (!q.procedures().isEmpty()) {
            f.add("procedure filter");
        }
        q.officer().ifPresent(o -> f.add("officer filter"));
        q.team().ifPresent(t -> f.add("team filter"));
        q.rows().ifPresent(r -> f.add("fixed rows"));
        return f;
    }

    @Test
    public void nothingReceivedAfterTheDayAppears() {
        theory().forAll(steps(80), querySpec()).checkAssert((steps, spec) -> {
            World w = new World().play(steps, true);
            ReportQuery q = w.query(spec);
            Instant end = ReportOracle.startOf(q.asOf().plusDays(1));
            List<ComplaintHistory> receivedByTheDay = w.histories().stream()
                    .filter(h -> h.events().get(0).occurredAt().isBefore(end)).toList();
            assertEquals(ReportOracle.expected(q, receivedByTheDay), byLabel(q.table(w.store)), q.toString());
            ReportQuery everyone = ReportQuery.builder(Population.all(), Grouping.TYPE, q.asOf()).build();
            assertEquals(receivedByTheDay.size(), everyone.table(w.store).total().total());
        });
    }

    @Test
    public void asOfADayAfterTheLastEventItIsTheReportOfTheCurrentState() {
        theory().forAll(steps(80), querySpec()).checkAssert((steps, spec) -> {
            World w = new World().play(steps, true);
            ReportQuery q = query(spec, w.span(), Optional.of(w.today().plusDays(1)), Optional.of(Optional.empty()));
            Map<String, Row> current = ReportOracle.expected(q, w.histories(), h -> Optional.of(h.current()));
            assertEquals(current, byLabel(q.table(w.store)), q.toString());
        });
    }

    @Test
    public void eventsAfterTheDayNeverChangeTheReportAsOfIt() {
        theory().forAll(steps(40), steps(40), querySpec()).checkAssert((before, after, spec) -> {
            World w = new World().play(before, true);
            LocalDate day = w.today();
            ReportQuery q = query(spec, w.span(), Optional.of(day), Optional.empty());
            ReportTable asOfDay = q.table(w.store);
            w.clock.set(ReportOracle.startOf(day.plusDays(1)));
            w.play(after, false);
            assertEquals(asOfDay, q.table(w.store));
        });
    }

    @Test
    public void knownAtIsTheReportOfAStoreHoldingOnlyWhatWasRecordedByThen() {
        AtomicInteger knownAtMattered = new AtomicInteger();
        theory().forAll(steps(80), querySpec(), integers().between(0, 60 * 24 * 60)).checkAssert((steps, spec, k) -> {
            World w = new World().play(steps, true);
            Instant knownAt = RandomHistories.START.plus(Duration.ofMinutes(k % (w.span() * 24 * 60)));
            ComplaintStore replay = createStore();
            for (ComplaintHistory h : w.histories()) {
                List<ComplaintEvent> recorded = h.events().stream().filter(e -> !e.recordedAt().isAfter(knownAt))
                        .toList();
                if (!recorded.isEmpty()) {
                    replay.append(Commit.of(0, recorded, new ComplaintHistory(recorded).current()));
                }
            }
            ReportQuery known = query(spec, w.span(), Optional.empty(), Optional.of(Optional.of(knownAt)));
            ReportQuery everything = query(spec, w.span(), Optional.empty(), Optional.of(Optional.empty()));
            ReportTable knownTable = known.table(w.store);
            assertEquals(everything.table(replay), knownTable, known.toString());
            List<ComplaintHistory> recordedByThen;
            try (Stream<ComplaintHistory> all = replay.histories(HistoryFilter.all())) {
                recordedByThen = all.toList();
            }
            assertEquals(ReportOracle.expected(everything, recordedByThen), byLabel(knownTable), known.toString());
            if (!knownTable.equals(everything.table(w.store))) {
                knownAtMattered.incrementAndGet();
            }
        });
        assertTrue(knownAtMattered.get() >= EXAMPLES / 10,
                "only " + knownAtMattered + " examples where knownAt mattered");
    }

    @Test
    public void eventsRecordedAfterKnownAtNeverChangeAFigureKnownAtIt() {
        theory().forAll(steps(40), steps(40), querySpec()).checkAssert((before, after, spec) -> {
            World w = new World().play(before, true);
            Instant knownAt = w.clock.instant();
            ReportQuery q = query(spec, w.span(), Optional.empty(), Optional.of(Optional.of(knownAt)));
            ReportTable known = q.table(w.store);
            w.clock.advance(Duration.ofMinutes(1));
            w.play(after, true);
            assertEquals(known, q.table(w.store));
        });
    }

    @Test
    public void aLateEntryDatedBeforeTheDayChangesItKnownNowButNotAsKnownBefore() {
        theory().forAll(steps(40), integers().between(0, Grouping.values().length - 1)).checkAssert((steps, g) -> {
            World w = new World().play(steps, true);
            LocalDate day = w.today();
            Instant knownAt = w.clock.instant();
            ReportQuery q = ReportQuery.builder(Population.all(), Grouping.values()[g], day).build();
            ReportTable before = q.table(w.store);
            assertEquals(before, (q.withKnownAt(knownAt)).table(w.store));

            w.clock.advance(Duration.ofDays(2));
            Audit late = Audit.by("tester").occurredAt(knownAt).because("found in the post tray");
            Optional<Complaint> open = w.player.ids().stream().map(w.complaints::get)
                    .filter(c -> c.status().open()).findFirst();
            Map<StatusBucket, Long> expected = new EnumMap<>(before.total().counts());
            if (open.isPresent()) {
                w.complaints.execute(open.get().id(), Command.Close.withdrawn(), late);
                expected.merge(open.get().bucket(), -1L, Long::sum);
            } else {
                w.complaints.receive(ReceiveContact.of(Procedure.CORPORATE, RandomHistories.HIGHWAYS,
                        Channel.LETTER, knownAt,
                        Complainant.named("L. Ate"), "letter found later"), late);
                expected.merge(StatusBucket.UNALLOCATED, 1L, Long::sum);
            }
            expected.merge(StatusBucket.CLOSED_OTHER, open.isPresent() ? 1L : 0L, Long::sum);
            ReportTable after = q.table(w.store);
            assertNotEquals(before, after);
            assertEquals(new Row(ReportTable.TOTAL_LABEL, expected), after.total());
            assertEquals(before, (q.withKnownAt(knownAt)).table(w.store), "as known before the entry: unchanged");
        });
    }

    @Test
    public void theReportFoldAgreesWithTheCompleteFoldAtEveryPrefix() {
        theory().forAll(steps(80)).checkAssert(steps -> {
            World w = new World().play(steps, true);
            for (ComplaintHistory h : w.histories()) {
                ReportFold fold = new ReportFold();
                for (int n = 1; n <= h.events().size(); n++) {
                    fold.apply(h.events().get(n - 1));
                    Complaint c = new ComplaintHistory(h.events().subList(0, n)).current();
                    ComplaintId id = c.id();
                    assertEquals(c.status(), fold.status, id.toString());
                    assertEquals(c.classification(), fold.classification);
                    assertEquals(c.procedure(), fold.procedure);
                    assertEquals(c.stage(), fold.stage);
                    assertEquals(c.serviceArea(), fold.serviceArea);
                    assertEquals(c.officer(), Optional.ofNullable(fold.officer));
                    assertEquals(c.team(), Optional.ofNullable(fold.team));
                    assertEquals(c.receivedAt(), fold.receivedAt);
                }
            }
        });
    }
}
