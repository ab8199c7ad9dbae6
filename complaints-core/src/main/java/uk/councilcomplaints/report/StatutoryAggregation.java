package uk.councilcomplaints.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.SlaEvaluator;

/**
 * Counts the statutory annual figures in one pass: each history's events up to the end of the year (as
 * known at an instant) are folded with a {@link ReportFold}, and the events that happened in the year are
 * counted with the facts as they stood when each happened.
 */
final class StatutoryAggregation {

    private final Instant start;
    private final Instant end;
    private final Instant knownAt;
    private final ReportFold facts = new ReportFold();
    private long adultsReceived;
    private long adultsWellFounded;
    private long adultsReferred;
    private final long[] childrensReceived = new long[Stage.values().length];
    private final long[][] childrensResponses = new long[Stage.values().length][Outcome.values().length];
    private long adultsWithinTimescale;
    private final long[] childrensWithinTimescale = new long[Stage.values().length];
    private final SlaEvaluator sla;

    private StatutoryAggregation(LocalDate yearEnding, Instant knownAt, SlaEvaluator sla) {
        this.sla = sla;
        this.start = LondonDays.startOf(yearEnding.minusYears(1).plusDays(1));
        this.end = LondonDays.endOf(yearEnding);
        this.knownAt = knownAt;
    }

    static StatutoryAnnualReport report(LocalDate yearEnding, Instant knownAt, SlaEvaluator sla,
            Stream<ComplaintHistory> histories) {
        StatutoryAggregation a = new StatutoryAggregation(yearEnding, knownAt, sla);
        histories.sequential().forEach(a::add);
        return a.report(yearEnding);
    }

    private void add(ComplaintHistory history) {
        List<ComplaintEvent> events = history.events();
        int n = ReportFold.visible(events, end, knownAt);
        if (n == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            ComplaintEvent e = events.get(i);
            facts.apply(e);
            if (e.occurredAt().isBefore(start) || facts.classification != Classification.COMPLAINT) {
                continue;
            }
            EventData data = e.data();
            if (data instanceof EventData.Responded r) {
                if (facts.procedure == Procedure.ADULT_SOCIAL_CARE && r.outcome().wellFounded()) {
                    adultsWellFounded++;
                } else if (facts.procedure == Procedure.CHILDRENS_SOCIAL_CARE) {
                    childrensResponses[facts.stage.ordinal()][r.outcome().ordinal()]++;
                }
            } else if (data instanceof EventData.Escalated esc && facts.procedure == Procedure.CHILDRENS_SOCIAL_CARE) {
                childrensReceived[esc.to().ordinal()]++;
            } else if (data instanceof EventData.ReferredToOmbudsman
                    && facts.procedure == Procedure.ADULT_SOCIAL_CARE) {
                adultsReferred++;
            }
        }
        if (facts.classification == Classification.COMPLAINT && !facts.receivedAt.isBefore(start)) {
            if (facts.procedure == Procedure.ADULT_SOCIAL_CARE) {
                adultsReceived++;
            } else if (facts.procedure == Procedure.CHILDRENS_SOCIAL_CARE) {
                childrensReceived[Stage.STAGE_1.ordinal()]++;
            }
        }
        addTimescales(history);
    }

    /** Responses sent in the year within their timescale (with extensions and agreed dates); facts are folded. */
    private void addTimescales(ComplaintHistory history) {
        if (facts.classification != Classification.COMPLAINT || facts.procedure == Procedure.CORPORATE) {
            return;
        }
        sla.evaluate(history, end.minusNanos(1), knownAt).ifPresent(status -> status.clocks().stream()
                .filter(c -> c.kind() == ClockKind.RESPONSE && c.state() == ClockState.MET_ON_TIME)
                .filter(c -> !c.metAt().orElseThrow().isBefore(start))
                .forEach(c -> {
                    if (facts.procedure == Procedure.ADULT_SOCIAL_CARE) {
                        adultsWithinTimescale++;
                    } else {
                        childrensWithinTimescale[c.stage().ordinal()]++;
                    }
                }));
    }

    private StatutoryAnnualReport report(LocalDate yearEnding) {
        Map<Stage, Long> received = new EnumMap<>(Stage.class);
        Map<Stage, Long> within = new EnumMap<>(Stage.class);
        Map<Stage, Map<Outcome, Long>> responses = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            received.put(s, childrensReceived[s.ordinal()]);
            within.put(s, childrensWithinTimescale[s.ordinal()]);
            Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                byOutcome.put(o, childrensResponses[s.ordinal()][o.ordinal()]);
            }
            responses.put(s, byOutcome);
        }
        return new StatutoryAnnualReport(yearEnding,
                new StatutoryAnnualReport.Adults(adultsReceived, adultsWellFounded, adultsReferred, adultsWithinTimescale),
                new StatutoryAnnualReport.Childrens(received, responses, within));
    }
}
