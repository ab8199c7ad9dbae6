package uk.councilcomplaints.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.learning.LearningAction;
import uk.councilcomplaints.learning.OmbudsmanCase;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Themes;
import uk.councilcomplaints.report.CodeYear.SectionId;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.SlaClock;
import uk.councilcomplaints.sla.SlaEvaluator;

/**
 * Counts one year (1 April to 31 March) of the Complaint Handling Code's annual report from complaint histories,
 * each cut at the end of the year and at the instant of knowledge: what happened in the year, with each
 * complaint's facts as they stood at the year's end. One pass; each history once.
 */
final class CodeYearFold {

    private final LocalDate yearEnding;
    /** The day progress and compliance are judged on: the year's last, or today while the year is in progress. */
    private final LocalDate judgedOn;
    private final Instant start;
    private final Instant end;
    private final Instant knownAt;
    private final SlaEvaluator sla;
    private final Themes themes;

    private long contacts;
    private long nonComplaints;
    private final Map<Procedure, long[]> received = new EnumMap<>(Procedure.class);
    private final Map<ServiceArea, Long> receivedByService = new TreeMap<>(Comparator.comparing(ServiceArea::name)
            .thenComparing(ServiceArea::code));
    private final long[][] outcomes = new long[Stage.values().length][Outcome.values().length];
    /** Per procedure, stage, and acknowledgement (0) or response (1): clocks met in the year, and on time. */
    private final Map<Procedure, long[][]> met = new EnumMap<>(Procedure.class);
    private final Map<Procedure, long[][]> onTime = new EnumMap<>(Procedure.class);
    private final Map<Procedure, long[]> extended = new EnumMap<>(Procedure.class);
    private long stage1Responses;
    private long stage1Escalated;
    private long escalationsRefused;
    private final long[] refused = new long[Exclusion.values().length];
    private final Map<String, Long> themed = new TreeMap<>();
    private long noTheme;
    private final long[] remedies = new long[Remedy.values().length];
    private final Map<ServiceArea, Long> paymentsByService = new TreeMap<>(Comparator.comparing(ServiceArea::name)
            .thenComparing(ServiceArea::code));
    private final Map<String, long[]> learningByService = new TreeMap<>();
    private final List<CodeAnnualReport.Action> actions = new ArrayList<>();
    private long referrals;
    private long enquiries;
    private final long[] decisions = new long[OmbudsmanDecision.values().length];
    private long housingOmbudsmanDecisions;
    private final long[] compliance = new long[OmbudsmanCase.Compliance.values().length];
    private long recommendedPence;
    private final Map<String, Long> nonCompliance = new TreeMap<>();

    CodeYearFold(LocalDate yearEnding, Instant knownAt, SlaEvaluator sla, Themes themes, LocalDate today) {
        this.yearEnding = yearEnding;
        this.judgedOn = today.isBefore(yearEnding) ? today : yearEnding;
        this.start = LondonDays.startOf(yearEnding.minusYears(1).plusDays(1));
        this.end = LondonDays.endOf(yearEnding);
        this.knownAt = knownAt;
        this.sla = sla;
        this.themes = themes;
    }

    private boolean inYear(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    private boolean inYear(LocalDate day) {
        return !day.isAfter(yearEnding) && day.isAfter(yearEnding.minusYears(1));
    }

    void add(ComplaintHistory history) {
        List<ComplaintEvent> all = history.events();
        int n = ReportFold.visible(all, end, knownAt);
        if (n == 0) {
            return;
        }
        List<ComplaintEvent> events = all.subList(0, n);
        Complaint c = new ComplaintHistory(events).current();
        CaseRecord record = CaseRecord.of(events);
        Stage stage = Stage.STAGE_1;
        boolean stage1RespondedInYear = false;
        for (ComplaintEvent e : events) {
            EventData data = e.data();
            if (data instanceof EventData.Escalated x) {
                stage = x.to();
            }
            if (!inYear(e.occurredAt())) {
                continue;
            }
            if (data instanceof EventData.Received) {
                contacts++;
            } else if (data instanceof EventData.Reclassified r && r.exclusion().isPresent()) {
                refused[r.exclusion().get().ordinal()]++;
            } else if (data instanceof EventData.Escalated x && c.classification() == Classification.COMPLAINT) {
                received(c.procedure())[x.to().ordinal()]++;
            } else if (data instanceof EventData.Responded r) {
                outcomes[stage.ordinal()][r.outcome().ordinal()]++;
                r.remedies().forEach(remedy -> remedies[remedy.ordinal()]++);
                r.payment().ifPresent(p -> paymentsByService.merge(c.serviceArea(), p.pence(), Long::sum));
                stage1RespondedInYear |= stage == Stage.STAGE_1 && c.procedure().hasStage(Stage.STAGE_2);
            } else if (data instanceof EventData.EscalationRefused) {
                escalationsRefused++;
            } else if (data instanceof EventData.ReferredToOmbudsman) {
                referrals++;
            } else if (data instanceof EventData.OmbudsmanEnquiryReceived) {
                enquiries++;
            } else if (data instanceof EventData.OmbudsmanDecided d) {
                decisions[d.decision().ordinal()]++;
                housingOmbudsmanDecisions += c.procedure() == Procedure.HOUSING ? 1 : 0;
                d.payment().ifPresent(p -> recommendedPence += p.pence());
                if (d.remediesDue().isPresent()) {
                    compliance[record.ombudsman().orElseThrow().compliance(judgedOn).ordinal()]++;
                }
            }
        }
        if (stage1RespondedInYear) {
            stage1Responses++;
            if (c.stage() != Stage.STAGE_1) {
                stage1Escalated++;
            }
        }
        for (LearningAction a : record.learningActions()) {
            if (inYear(a.agreedOn())) {
                learningByService.computeIfAbsent(a.service().name(), k -> new long[LearningAction.Progress.values()
                        .length])[a.progress(judgedOn).ordinal()]++;
                actions.add(new CodeAnnualReport.Action(c.reference(), a.number(), a.service().name(), a.action(),
                        a.owner(), a.due(), a.doneOn(), a.progress(judgedOn)));
            }
        }
        if (inYear(c.receivedAt())) {
            if (c.classification() == Classification.COMPLAINT) {
                received(c.procedure())[Stage.STAGE_1.ordinal()]++;
                receivedByService.merge(c.serviceArea(), 1L, Long::sum);
                if (record.themes().isEmpty()) {
                    noTheme++;
                }
                record.themes().forEach(t -> themed.merge(t, 1L, Long::sum));
            } else if (c.classification() != Classification.REFUSED) {
                nonComplaints++;
            }
        }
        if (c.classification() == Classification.COMPLAINT) {
            sla.evaluate(history, LondonDays.endOf(judgedOn).minusNanos(1), knownAt)
                    .ifPresent(s -> s.clocks().forEach(k -> clock(c, k)));
        }
    }

    private void clock(Complaint c, SlaClock k) {
        if (k.kind() == ClockKind.TRIAGE) {
            return; // the council's own rule, not the Code's
        }
        boolean metInYear = k.state().met() && inYear(k.metAt().orElseThrow());
        int kind = k.kind() == ClockKind.ACKNOWLEDGEMENT ? 0 : k.kind() == ClockKind.RESPONSE ? 1 : -1;
        if (metInYear && kind >= 0) {
            met.computeIfAbsent(c.procedure(), p -> new long[Stage.values().length][2])[k.stage().ordinal()][kind]++;
            onTime.computeIfAbsent(c.procedure(), p -> new long[Stage.values().length][2])[k.stage().ordinal()][kind] +=
                    k.state() == ClockState.MET_ON_TIME ? 1 : 0;
            if (kind == 1 && k.extensionWorkingDays() > 0) {
                extended.computeIfAbsent(c.procedure(), p -> new long[Stage.values().length])[k.stage().ordinal()]++;
            }
        }
        boolean missed = metInYear && k.state() == ClockState.MET_LATE
                || k.state() == ClockState.BREACHED && inYear(k.due());
        if (missed) {
            String cause = typeLabel(c.procedure(), k.stage()) + ": " + clockLabel(k.kind())
                    + (k.state() == ClockState.BREACHED ? " overdue at the year end" : " late");
            nonCompliance.merge(cause, 1L, Long::sum);
        }
    }

    private long[] received(Procedure procedure) {
        return this.received.computeIfAbsent(procedure, p -> new long[Stage.values().length]);
    }

    /** "Corporate Stage 1", or "Statutory Adults" for the one-stage procedure. */
    static String typeLabel(Procedure procedure, Stage stage) {
        return procedure.lastStage() == Stage.STAGE_1 ? procedure.label() : procedure.label() + " " + stage;
    }

    /** "corporate.stage1", or "adult_social_care" for the one-stage procedure. */
    static String typeKey(Procedure procedure, Stage stage) {
        String p = procedure.name().toLowerCase(Locale.ROOT);
        return procedure.lastStage() == Stage.STAGE_1 ? p : p + ".stage" + stage.number();
    }

    private static String clockLabel(ClockKind kind) {
        return switch (kind) {
            case ACKNOWLEDGEMENT -> "acknowledgement";
            case RESPONSE -> "response";
            case PANEL_MEETING -> "review panel meeting";
            case PANEL_REPORT -> "review panel report";
            case TRIAGE -> "triage";
        };
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    CodeYear year() {
        CodeYear y = new CodeYear();
        y.put(SectionId.VOLUMES, "contacts", "Contacts received", new Figure.Count(contacts));
        y.put(SectionId.VOLUMES, "service_requests", "Service requests / not a council complaint",
                new Figure.Count(nonComplaints));
        y.put(SectionId.VOLUMES, "refused", "Complaints refused", new Figure.Count(sum(refused)));
        for (Procedure p : Procedure.values()) {
            for (Stage s : Stage.values()) {
                if (p.hasStage(s)) {
                    long count = received.getOrDefault(p, new long[Stage.values().length])[s.ordinal()];
                    y.put(SectionId.VOLUMES, "received." + typeKey(p, s), typeLabel(p, s) + " complaints",
                            new Figure.Count(count));
                }
            }
        }
        receivedByService.forEach((area, count) -> y.put(SectionId.VOLUMES, "received.service." + key(area.code()),
                "Complaints received about " + area.name(), new Figure.Count(count)));

        for (Stage s : Stage.values()) {
            long all = sum(outcomes[s.ordinal()]);
            y.put(SectionId.OUTCOMES, "responses.stage" + s.number(), s + " responses sent", new Figure.Count(all));
            for (Outcome o : Outcome.values()) {
                y.put(SectionId.OUTCOMES, "responses.stage" + s.number() + "." + key(o.name()),
                        s + ": " + o.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        new Figure.Share(outcomes[s.ordinal()][o.ordinal()], all));
            }
        }

        long[][] allMet = new long[Stage.values().length][2];
        long[][] allOnTime = new long[Stage.values().length][2];
        for (Procedure p : Procedure.values()) {
            for (Stage s : Stage.values()) {
                if (!p.hasStage(s)) {
                    continue;
                }
                long[] m = met.containsKey(p) ? met.get(p)[s.ordinal()] : new long[2];
                long[] t = onTime.containsKey(p) ? onTime.get(p)[s.ordinal()] : new long[2];
                long ext = extended.containsKey(p) ? extended.get(p)[s.ordinal()] : 0;
                String k = "timeliness." + typeKey(p, s);
                String label = typeLabel(p, s);
                y.put(SectionId.TIMELINESS, k + ".acknowledged_on_time", label + ": acknowledged on time",
                        new Figure.Share(t[0], m[0]));
                y.put(SectionId.TIMELINESS, k + ".responded_on_time", label + ": responded to on time",
                        new Figure.Share(t[1], m[1]));
                y.put(SectionId.TIMELINESS, k + ".extended", label + ": responses with an extension",
                        new Figure.Share(ext, m[1]));
                for (int i = 0; i < 2; i++) {
                    allMet[s.ordinal()][i] += m[i];
                    allOnTime[s.ordinal()][i] += t[i];
                }
            }
        }
        for (Stage s : Stage.values()) {
            y.put(SectionId.TIMELINESS, "stage" + s.number() + ".acknowledged_on_time",
                    "Every procedure, " + s + ": acknowledged on time",
                    new Figure.Share(allOnTime[s.ordinal()][0], allMet[s.ordinal()][0]));
            y.put(SectionId.TIMELINESS, "stage" + s.number() + ".responded_on_time",
                    "Every procedure, " + s + ": responded to on time",
                    new Figure.Share(allOnTime[s.ordinal()][1], allMet[s.ordinal()][1]));
        }

        y.put(SectionId.ESCALATION, "escalation.stage1_responses", "Stage 1 responses sent (procedures with a stage 2)",
                new Figure.Count(stage1Responses));
        y.put(SectionId.ESCALATION, "escalation.rate", "Of those, escalated to stage 2 by the year end",
                new Figure.Share(stage1Escalated, stage1Responses));
        y.put(SectionId.ESCALATION, "escalation.refused", "Requests for the next stage refused (with a reason)",
                new Figure.Count(escalationsRefused));

        long allRefused = sum(refused);
        for (Exclusion x : Exclusion.values()) {
            y.put(SectionId.REFUSED, "refused." + key(x.name()), x.label(),
                    new Figure.Share(refused[x.ordinal()], allRefused));
        }

        themed.forEach((code, count) -> y.put(SectionId.THEMES, "themes." + key(code), themes.label(code),
                new Figure.Count(count)));
        y.put(SectionId.THEMES, "themes.none", "No theme recorded", new Figure.Count(noTheme));

        for (Remedy r : Remedy.values()) {
            y.put(SectionId.REMEDIES, "remedies." + key(r.name()), remedyLabel(r), new Figure.Count(remedies[r.ordinal()]));
        }
        long paid = paymentsByService.values().stream().mapToLong(Long::longValue).sum();
        paymentsByService.forEach((area, pence) -> y.put(SectionId.REMEDIES, "payments.service." + key(area.code()),
                "Payments offered: " + area.name(), new Figure.Amount(pence)));
        y.put(SectionId.REMEDIES, "payments.total", "Payments offered in all", new Figure.Amount(paid));

        long[] byProgress = new long[LearningAction.Progress.values().length];
        learningByService.forEach((service, counts) -> {
            for (LearningAction.Progress p : LearningAction.Progress.values()) {
                byProgress[p.ordinal()] += counts[p.ordinal()];
                if (counts[p.ordinal()] > 0) {
                    y.put(SectionId.LEARNING, "learning.service." + key(service) + "." + key(p.name()),
                            service + ": " + p.label().toLowerCase(Locale.ROOT), new Figure.Count(counts[p.ordinal()]));
                }
            }
        });
        y.put(SectionId.LEARNING, "learning.agreed", "Actions agreed", new Figure.Count(sum(byProgress)));
        for (LearningAction.Progress p : LearningAction.Progress.values()) {
            y.put(SectionId.LEARNING, "learning." + key(p.name()), "Actions " + p.label().toLowerCase(Locale.ROOT),
                    new Figure.Count(byProgress[p.ordinal()]));
        }

        y.put(SectionId.OMBUDSMAN, "ombudsman.referrals", "Complaints referred to the Ombudsman", new Figure.Count(referrals));
        y.put(SectionId.OMBUDSMAN, "ombudsman.enquiries", "Enquiries received from the Ombudsman",
                new Figure.Count(enquiries));
        long decided = sum(decisions);
        y.put(SectionId.OMBUDSMAN, "ombudsman.decisions", "Decisions received", new Figure.Count(decided));
        for (OmbudsmanDecision d : OmbudsmanDecision.values()) {
            y.put(SectionId.OMBUDSMAN, "ombudsman." + key(d.name()), "Decisions: " + d.label(),
                    new Figure.Count(decisions[d.ordinal()]));
        }
        y.put(SectionId.OMBUDSMAN, "ombudsman.housing_ombudsman.decisions",
                "Of the decisions, the Housing Ombudsman's (the rest the LGSCO's)",
                new Figure.Count(housingOmbudsmanDecisions));
        long upheld = decisions[OmbudsmanDecision.UPHELD.ordinal()]
                + decisions[OmbudsmanDecision.UPHELD_REMEDY_ALREADY_PROVIDED.ordinal()];
        y.put(SectionId.OMBUDSMAN, "ombudsman.upheld_rate", "Upheld, of the complaints investigated in detail",
                new Figure.Share(upheld, upheld + decisions[OmbudsmanDecision.NOT_UPHELD.ordinal()]));
        long withRemedies = sum(compliance);
        for (OmbudsmanCase.Compliance k : OmbudsmanCase.Compliance.values()) {
            if (k != OmbudsmanCase.Compliance.NONE_RECOMMENDED) {
                y.put(SectionId.OMBUDSMAN, "ombudsman.compliance." + key(k.name()),
                        "Recommended remedies: " + k.label().toLowerCase(Locale.ROOT),
                        new Figure.Share(compliance[k.ordinal()], withRemedies));
            }
        }
        y.put(SectionId.OMBUDSMAN, "ombudsman.payments", "Payments the Ombudsman recommended",
                new Figure.Amount(recommendedPence));

        long missed = nonCompliance.values().stream().mapToLong(Long::longValue).sum();
        nonCompliance.forEach((cause, count) -> y.put(SectionId.NON_COMPLIANCE, "missed." + key(cause), cause,
                new Figure.Count(count)));
        y.put(SectionId.NON_COMPLIANCE, "missed.total", "Timescales missed in all", new Figure.Count(missed));
        return y;
    }

    /** Complaints of {@code procedure} received at {@code stage} (stage 1) or escalated to it in the year. */
    long received(Procedure procedure, Stage stage) {
        return received.containsKey(procedure) ? received.get(procedure)[stage.ordinal()] : 0;
    }

    /** Responses at {@code stage} of {@code procedure} sent in the year, and of those on time ({@code onTime}). */
    long responses(Procedure procedure, Stage stage, boolean onTimeOnly) {
        Map<Procedure, long[][]> counts = onTimeOnly ? onTime : met;
        return counts.containsKey(procedure) ? counts.get(procedure)[stage.ordinal()][1] : 0;
    }

    List<CodeAnnualReport.Action> actions() {
        return actions.stream().sorted(Comparator.comparing(CodeAnnualReport.Action::service)
                .thenComparing(CodeAnnualReport.Action::due).thenComparing(CodeAnnualReport.Action::reference)
                .thenComparingInt(CodeAnnualReport.Action::number)).toList();
    }

    private static String remedyLabel(Remedy r) {
        String name = r.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
