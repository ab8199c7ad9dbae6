package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.testing.HandHistory;

class SlaEvaluatorPropertiesTest {

    private final SlaEvaluator sla = SlaEvaluator.englandDefaults();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    /** A random history: each step is an event kind and a gap of up to ten days. */
    private HandHistory history(Procedure procedure, int startDay, List<Integer> steps, List<Instant> probes) {
        LocalDateTime at = LocalDateTime.of(2021, 11, 1, 9, 0).plusDays(startDay);
        HandHistory b = HandHistory.received(procedure, at.format(LOCAL));
        probes.add(HandHistory.london(at.format(LOCAL)));
        Stage stage = Stage.STAGE_1;
        boolean paused = false;
        for (int n : steps) {
            at = at.plusMinutes((n / 10) % (10 * 24 * 60));
            String when = at.format(LOCAL);
            probes.add(HandHistory.london(when));
            switch (n % 10) {
                case 0 -> b.triaged(when);
                case 1 -> b.acknowledged(when);
                case 2 -> b.responded(when);
                case 3 -> {
                    if (procedure != Procedure.ADULT_SOCIAL_CARE && stage.next().isPresent()
                            && procedure.hasStage(stage.next().get())) {
                        stage = stage.next().get();
                        b.escalated(when, stage);
                    }
                }
                case 4, 5 -> b.extended(when, 1 + n % 7);
                case 6 -> {
                    if (!paused) {
                        b.paused(when);
                        paused = true;
                    }
                }
                case 7 -> {
                    if (paused) {
                        b.resumed(when);
                        paused = false;
                    }
                }
                case 8 -> b.agreed(when, at.toLocalDate().plusDays(n % 90));
                default -> b.acknowledged(when);
            }
        }
        return b;
    }

    @Test
    void evaluationAtTIgnoresEveryEventAfterT() {
        qt().withExamples(300).forAll(integers().between(0, 2), integers().between(0, 400),
                lists().of(integers().between(0, 1_000_000)).ofSizeBetween(0, 25))
                .checkAssert((p, start, steps) -> {
                    List<Instant> probes = new ArrayList<>();
                    ComplaintHistory h = history(Procedure.values()[p], start, steps, probes).build();
                    for (Instant t : probes) {
                        List<ComplaintEvent> upTo = h.events().stream().filter(e -> !e.occurredAt().isAfter(t))
                                .toList();
                        Optional<SlaStatus> truncated = sla.evaluate(new ComplaintHistory(upTo), t);
                        assertEquals(truncated, sla.evaluate(h, t));
                        Instant later = t.plusSeconds(86_400L * 40);
                        Optional<SlaStatus> laterTruncated = sla.evaluate(new ComplaintHistory(upTo), later);
                        Optional<SlaStatus> laterFull = sla.evaluate(h, later);
                        // clocks already met at t keep their verdict whatever happens after t
                        truncated.ifPresent(s -> s.clocks().stream().filter(c -> c.state().met()).forEach(c ->
                                assertEquals(c.state(), laterFull.orElseThrow().clock(c.kind(), c.stage())
                                        .orElseThrow().state())));
                        assertEquals(laterTruncated.isPresent(), laterFull.isPresent());
                    }
                });
    }

    @Test
    void anExtensionNeverMakesADueDateEarlier() {
        qt().withExamples(300).forAll(integers().between(0, 2), integers().between(0, 400),
                lists().of(integers().between(0, 1_000_000)).ofSizeBetween(0, 20), integers().between(1, 20))
                .checkAssert((p, start, steps, days) -> {
                    List<Instant> probes = new ArrayList<>();
                    HandHistory b = history(Procedure.values()[p], start, steps, probes);
                    ComplaintHistory before = b.build();
                    Instant last = before.events().get(before.events().size() - 1).occurredAt();
                    String when = LocalDateTime.ofInstant(last, WorkingCalendar.ZONE).plusHours(1).format(LOCAL);
                    ComplaintHistory after = b.extended(when, days).build();
                    Instant asOf = HandHistory.london(when).plusSeconds(60);
                    SlaStatus s0 = sla.evaluate(before, asOf).orElseThrow();
                    SlaStatus s1 = sla.evaluate(after, asOf).orElseThrow();
                    assertEquals(s0.clocks().size(), s1.clocks().size());
                    for (int i = 0; i < s0.clocks().size(); i++) {
                        SlaClock c0 = s0.clocks().get(i);
                        SlaClock c1 = s1.clocks().get(i);
                        assertFalse(c1.due().isBefore(c0.due()), c0 + " -> " + c1);
                    }
                });
    }

    /**
     * A random corporate history in which some events are entered late (recorded up to five days after they
     * happened), among them extensions and pauses that may be recorded after the due date they would move.
     */
    private static ComplaintHistory lateEntries(List<Integer> steps, List<Instant> probes) {
        LocalDateTime at = LocalDateTime.of(2022, 1, 4, 9, 0);
        LocalDateTime recorded = at;
        HandHistory b = HandHistory.received(Procedure.CORPORATE, at.format(LOCAL)).triaged("2022-01-04T10:00")
                .acknowledged("2022-01-04T11:00");
        at = at.plusHours(2);
        boolean paused = false;
        for (int n : steps) {
            at = at.plusMinutes((n / 10) % (4 * 24 * 60));
            LocalDateTime late = at.plusHours((n / 7) % 2 == 0 ? (n / 13) % 120 : 0);
            recorded = late.isAfter(recorded) ? late : recorded;
            EventData data = switch (n % 5) {
                case 0, 1 -> new EventData.Extended(1 + n % 5);
                case 2 -> paused ? new EventData.Resumed() : new EventData.Paused();
                default -> new EventData.SentToService();
            };
            paused = data instanceof EventData.Paused || paused && !(data instanceof EventData.Resumed);
            b.addRecorded(at.format(LOCAL), recorded.format(LOCAL), data);
            probes.add(HandHistory.london(at.format(LOCAL)));
            probes.add(HandHistory.london(recorded.format(LOCAL)));
        }
        probes.add(HandHistory.london(recorded.plusDays(20).format(LOCAL)));
        return b.build();
    }

    @Test
    void asOfDKnownAtKIsTheHistoryRecordedByKSoAPastFigureNeverChanges() {
        qt().withExamples(100).forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(0, 12))
                .checkAssert(steps -> {
                    List<Instant> probes = new ArrayList<>();
                    ComplaintHistory h = lateEntries(steps, probes);
                    for (Instant knownAt : probes) {
                        List<ComplaintEvent> recorded = h.events().stream()
                                .filter(e -> !e.recordedAt().isAfter(knownAt)).toList();
                        for (Instant asOf : probes) {
                            Optional<SlaStatus> known = sla.evaluate(h, asOf, knownAt);
                            assertEquals(recorded.isEmpty() ? Optional.empty()
                                    : sla.evaluate(new ComplaintHistory(recorded), asOf), known);
                        }
                    }
                });
    }

    @Test
    void aBreachedResponseClockStaysBreachedWhateverIsRecordedLater() {
        qt().withExamples(150).forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 12))
                .checkAssert(steps -> {
                    List<Instant> probes = new ArrayList<>();
                    ComplaintHistory h = lateEntries(steps, probes);
                    Instant last = probes.get(probes.size() - 1);
                    for (Instant day = HandHistory.london("2022-01-04T12:00"); day.isBefore(last);
                            day = day.plusSeconds(86_400)) {
                        probes.add(day); // a probe on every day, between the entries
                    }
                    for (Instant t : probes) {
                        SlaClock then = sla.evaluate(h, t, t).orElseThrow()
                                .clock(ClockKind.RESPONSE, Stage.STAGE_1).orElseThrow();
                        if (then.state() != ClockState.BREACHED) {
                            continue;
                        }
                        for (Instant later : probes) {
                            if (later.isAfter(t)) {
                                assertEquals(ClockState.BREACHED, sla.evaluate(h, later).orElseThrow()
                                        .clock(ClockKind.RESPONSE, Stage.STAGE_1).orElseThrow().state(),
                                        "breached at " + t + ", as of " + later);
                            }
                        }
                    }
                });
    }

    @Test
    void knownAtCountsOnlyEventsRecordedByThen() {
        ComplaintHistory h = HandHistory.received(Procedure.CORPORATE, "2022-01-04T09:00")
                .triaged("2022-01-04T10:00").acknowledged("2022-01-05T10:00").build();
        // re-record the acknowledgement as a late entry, recorded a week after it happened
        List<ComplaintEvent> events = new ArrayList<>(h.events());
        ComplaintEvent ack = events.get(2);
        events.set(2, new ComplaintEvent(ack.complaintId(), ack.version(), Status.ACKNOWLEDGED, ack.occurredAt(),
                ack.occurredAt().plusSeconds(7 * 86_400), "t", Optional.of("late entry"), new EventData.Acknowledged()));
        ComplaintHistory late = new ComplaintHistory(events);
        Instant asOf = HandHistory.london("2022-01-13T09:00");
        Instant before = HandHistory.london("2022-01-11T09:00");
        assertEquals(ClockState.BREACHED, sla.evaluate(late, asOf, before).orElseThrow()
                .clock(ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).orElseThrow().state(), "as known before the entry");
        assertEquals(ClockState.MET_ON_TIME, sla.evaluate(late, asOf).orElseThrow()
                .clock(ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).orElseThrow().state(), "as known now");
        assertEquals(LocalDate.of(2022, 1, 11), sla.evaluate(late, asOf, before).orElseThrow()
                .clock(ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).orElseThrow().dueDate());
    }
}
