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
import uk.councilcomplaints.store.HistoryFilter;

/**
 * Counts the statutory annual figures in one pass: each history's events up to the end of the year (as
 * known at an instant) are folded with a {@link ReportFold}, and the events that happened in the year are
 * counted with the facts as they stood when each happened.
 */
final class StatutoryAggregation implements EventData.Visitor<Void> {

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

    private final LocalDate yearEnding;

    StatutoryAggregation(LocalDate yearEnding, Instant knownAt, SlaEvaluator sla) {
        this.yearEnding = yearEnding;
        this.sla = sla;
        this.start = LondonDays.startOf(yearEnding.minusYears(1).plusDays(1));
        this.end = LondonDays.endOf(yearEnding);
        this.knownAt = knownAt;
    }

    /** The histories that can count: every figure counts an event that happened in the year. */
    HistoryFilter wanted() {
        return HistoryFilter.activeBetween(start, end);
    }

    /** The figures from {@code histories}; at least those {@link #wanted()}. One pass, once. */
    StatutoryAnnualReport report(Stream<ComplaintHistory> histories) {
        histories.sequential().forEach(this::add);
        return report();
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
            e.data().accept(this);
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
        if (facts.classification != Classification.COMPLAINT || facts.procedure == Procedure.CORPORATE
                || facts.procedure == Procedure.HOUSING) {
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

    private StatutoryAnnualReport report() {
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

    // each event that happened in the year, counted with the facts as they stood after it

    @Override
    public Void responded(EventData.Responded e) {
        if (facts.procedure == Procedure.ADULT_SOCIAL_CARE && e.outcome().wellFounded()) {
            adultsWellFounded++;
        } else if (facts.procedure == Procedure.CHILDRENS_SOCIAL_CARE) {
            childrensResponses[facts.stage.ordinal()][e.outcome().ordinal()]++;
        }
        return null;
    }

    @Override
    public Void escalated(EventData.Escalated e) {
        if (facts.procedure == Procedure.CHILDRENS_SOCIAL_CARE) {
            childrensReceived[e.to().ordinal()]++;
        }
        return null;
    }

    @Override
    public Void referredToOmbudsman(EventData.ReferredToOmbudsman e) {
        if (facts.procedure == Procedure.ADULT_SOCIAL_CARE) {
            adultsReferred++;
        }
        return null;
    }

    // receipts are counted from the folded facts; the other events count for nothing in the annual figures

    @Override
    public Void received(EventData.Received e) {
        return null;
    }

    @Override
    public Void triaged(EventData.Triaged e) {
        return null;
    }

    @Override
    public Void reclassified(EventData.Reclassified e) {
        return null;
    }

    @Override
    public Void allocated(EventData.Allocated e) {
        return null;
    }

    @Override
    public Void acknowledged(EventData.Acknowledged e) {
        return null;
    }

    @Override
    public Void sentToService(EventData.SentToService e) {
        return null;
    }

    @Override
    public Void draftSubmitted(EventData.DraftSubmitted e) {
        return null;
    }

    @Override
    public Void closed(EventData.Closed e) {
        return null;
    }

    @Override
    public Void acceptedLate(EventData.AcceptedLate e) {
        return null;
    }

    @Override
    public Void extended(EventData.Extended e) {
        return null;
    }

    @Override
    public Void responseDateAgreed(EventData.ResponseDateAgreed e) {
        return null;
    }

    @Override
    public Void paused(EventData.Paused e) {
        return null;
    }

    @Override
    public Void resumed(EventData.Resumed e) {
        return null;
    }

    @Override
    public Void panelMet(EventData.PanelMet e) {
        return null; // the stage 3 response clock, counted from the report, gives the timescale figure
    }

    @Override
    public Void panelReported(EventData.PanelReported e) {
        return null; // the stage 3 response clock, counted from the report, gives the timescale figure
    }

    @Override
    public Void personalDataErased(EventData.PersonalDataErased e) {
        return null;
    }

    @Override
    public Void recordKept(EventData e) {
        return null;
    }
}
