package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Themes;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.ForwardingStore;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.testing.ReferenceStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * The Code's annual report over random histories (every command, late entries, both clock changes): its counts
 * equal plain counts over the histories made here without the library's fold; as known at an instant it is the
 * report of a store holding only what was recorded by then; erasing every complainant's personal data changes no
 * figure.
 */
class CodeAnnualReportPropertiesTest {

    private static final List<LocalDate> YEARS = List.of(LocalDate.of(2022, 3, 31), LocalDate.of(2023, 3, 31),
            LocalDate.of(2024, 3, 31));

    private record World(ReferenceStore store, Complaints complaints, SettableClock clock) {
        static World play(List<Integer> steps) {
            ReferenceStore store = ReferenceStore.correct();
            SettableClock clock = new SettableClock(RandomHistories.START);
            Complaints complaints = Complaints.builder(store).clock(clock).build();
            new RandomHistories(complaints, clock).play(steps, true);
            return new World(store, complaints, clock);
        }

        List<ComplaintHistory> histories() {
            try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
                return all.toList();
            }
        }
    }

    @Test
    void countsAreThePlainCountsOfTheEventsInTheYear() {
        Map<String, Long> seen = new HashMap<>();
        qt().withFixedSeed(7L).withExamples(40).forAll(lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(20, 120),
                integers().between(0, YEARS.size() - 1)).checkAssert((steps, y) -> {
                    World w = World.play(steps);
                    LocalDate year = YEARS.get(y);
                    CodeAnnualReport r = w.complaints.reports().codeAnnual(year, KnownAt.latest());
                    Map<String, Long> expected = plainCounts(w.histories(), year);
                    expected.forEach((key, n) -> seen.merge(key.replaceAll("\\..*", ""), n, Long::sum));
                    long refused = 0;
                    for (Exclusion x : Exclusion.values()) {
                        refused += expected.getOrDefault("refused." + x.name().toLowerCase(Locale.ROOT), 0L);
                    }
                    for (Map.Entry<String, Long> e : expected.entrySet()) {
                        String text = e.getKey().startsWith("refused.")
                                ? new Figure.Share(e.getValue(), refused).text()
                                : Long.toString(e.getValue());
                        assertEquals(text, r.figure(e.getKey()).map(Figure::text).orElse("absent"),
                                e.getKey() + " for the year ending " + year);
                    }
                });
        for (String counted : List.of("contacts", "refused", "received", "ombudsman")) {
            assertTrue(seen.getOrDefault(counted, 0L) > 0, "the examples counted some " + counted + ": " + seen);
        }
    }

    /** Counts worked out straight from the events, with none of the report's code. */
    private static Map<String, Long> plainCounts(List<ComplaintHistory> histories, LocalDate yearEnding) {
        Instant start = LondonDays.startOf(yearEnding.minusYears(1).plusDays(1));
        Instant end = LondonDays.endOf(yearEnding);
        Map<String, Long> counts = new HashMap<>();
        counts.put("contacts", 0L);
        counts.put("ombudsman.decisions", 0L);
        for (Exclusion x : Exclusion.values()) {
            counts.put("refused." + x.name().toLowerCase(Locale.ROOT), 0L);
        }
        for (OmbudsmanDecision d : OmbudsmanDecision.values()) {
            counts.put("ombudsman." + d.name().toLowerCase(Locale.ROOT), 0L);
        }
        for (Procedure p : Procedure.values()) {
            counts.put("received." + key(p), 0L);
        }
        for (ComplaintHistory h : histories) {
            Classification classification = Classification.COMPLAINT;
            Procedure procedure = null;
            Instant received = null;
            for (ComplaintEvent e : h.events()) {
                if (!e.occurredAt().isBefore(end)) {
                    break;
                }
                boolean inYear = !e.occurredAt().isBefore(start);
                EventData d = e.data();
                if (d instanceof EventData.Received r) {
                    procedure = r.procedure();
                    received = e.occurredAt();
                    counts.merge("contacts", inYear ? 1L : 0L, Long::sum);
                } else if (d instanceof EventData.Triaged t) {
                    procedure = t.procedure();
                } else if (d instanceof EventData.Reclassified r) {
                    classification = r.classification();
                    if (inYear && r.exclusion().isPresent()) {
                        counts.merge("refused." + r.exclusion().get().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
                    }
                } else if (d instanceof EventData.OmbudsmanDecided o && inYear) {
                    counts.merge("ombudsman." + o.decision().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
                    counts.merge("ombudsman.decisions", 1L, Long::sum);
                }
            }
            if (received != null && !received.isBefore(start) && classification == Classification.COMPLAINT) {
                counts.merge("received." + key(procedure), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static String key(Procedure p) {
        String name = p.name().toLowerCase(Locale.ROOT);
        return p.lastStage() == Stage.STAGE_1 ? name : name + ".stage1";
    }

    @Test
    void asKnownAtAnInstantItIsTheReportOfWhatWasRecordedByThen() {
        qt().withExamples(30).forAll(lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(20, 120),
                integers().between(0, YEARS.size() - 1), integers().between(0, 1000)).checkAssert((steps, y, k) -> {
                    World w = World.play(steps);
                    Instant knownAt = RandomHistories.START.plusSeconds(
                            (w.clock.instant().getEpochSecond() - RandomHistories.START.getEpochSecond()) * k / 1000);
                    ComplaintStore recordedByThen = new ForwardingStore(w.store) {
                        @Override
                        public Stream<ComplaintHistory> histories(HistoryFilter filter) {
                            return super.histories(filter).map(h -> h.events().stream()
                                    .filter(e -> !e.recordedAt().isAfter(knownAt)).toList())
                                    .filter(events -> !events.isEmpty()).map(ComplaintHistory::new);
                        }
                    };
                    CodeAnnualReport then = w.complaints.reports().codeAnnual(YEARS.get(y), KnownAt.of(knownAt));
                    // the report a council ran at that instant, over what was recorded by then
                    CodeAnnualReport replayed = Reports.over(recordedByThen, SlaEvaluator.englandDefaults(),
                            Themes.DEFAULT, Clock.fixed(knownAt, ZoneOffset.UTC))
                            .codeAnnual(YEARS.get(y), KnownAt.latest());
                    assertEquals(replayed.sections(), then.sections());
                    assertEquals(replayed.actions(), then.actions());
                });
    }

    @Test
    void erasingPersonalDataChangesNoFigure() {
        qt().withExamples(20).forAll(lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(20, 120),
                integers().between(0, YEARS.size() - 1)).checkAssert((steps, y) -> {
                    World w = World.play(steps);
                    CodeAnnualReport before = w.complaints.reports().codeAnnual(YEARS.get(y), KnownAt.latest());
                    for (ComplaintHistory h : w.histories()) {
                        if (!h.current().personalDataErased()) {
                            w.complaints.execute(h.id(), new Command.ErasePersonalData(),
                                    Audit.by("dpo").because("retention"));
                        }
                    }
                    CodeAnnualReport after = w.complaints.reports().codeAnnual(YEARS.get(y), KnownAt.latest());
                    assertEquals(before.sections(), after.sections());
                    assertEquals(before.actions(), after.actions());
                });
    }
}
