package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.learning.LearningAction;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.testing.ReferenceStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * The Code's annual report over a small year whose every figure is worked out by hand below, with real dates
 * (the 2022 Platinum Jubilee bank holidays on 2 and 3 June move a deadline), the previous year beside it, a
 * reprint as known at an earlier instant, erasure, and a self-assessment quoting figures.
 */
class CodeAnnualReportTest {

    private static final ServiceArea HIGHWAYS = ServiceArea.of("highways", "Highways");
    private static final Audit OFFICER = Audit.by("officer.one");
    private static final LocalDate YEAR = LocalDate.of(2023, 3, 31);

    private final SettableClock clock = SettableClock.at("2022-02-01T09:00:00Z");
    private final ReferenceStore store = ReferenceStore.correct();
    private final Complaints complaints = Complaints.builder(store).clock(clock).build();
    private ComplaintId a;
    private ComplaintId adult;
    private Instant beforeTheDecision;

    private Complaint at(String instant, ComplaintId id, Command command) {
        clock.set(Instant.parse(instant));
        return complaints.execute(id, command, OFFICER.because("as it happened"));
    }

    private ComplaintId receive(String instant, Procedure procedure, ServiceArea area) {
        clock.set(Instant.parse(instant));
        return complaints.receive(ReceiveContact.of(procedure, area, Channel.EMAIL, clock.instant(),
                Complainant.named("Zoë Resident").withEmail("zoe.resident@example.org"), "Bins missed for weeks"),
                OFFICER).id();
    }

    @BeforeEach
    void aYear() {
        // previous year: an adult social care complaint, answered in this year by an agreed date
        adult = receive("2022-02-01T10:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS);
        at("2022-02-01T11:00:00Z", adult, Command.Triage.asReceived());
        at("2022-02-01T12:00:00Z", adult, new Command.Allocate("a.patel", "Adults"));
        at("2022-02-02T09:00:00Z", adult, new Command.Acknowledge());
        at("2022-02-10T09:00:00Z", adult, new Command.AgreeResponseDate(LocalDate.of(2022, 4, 29)));
        // this year, from 1 April 2022
        at("2022-04-20T09:00:00Z", adult, new Command.Respond(Outcome.PARTLY_UPHELD, Set.of(Remedy.APOLOGY)));
        at("2022-05-03T09:00:00Z", adult, new Command.ReferToOmbudsman());

        // A: corporate, on time at every step, a payment, a theme and a learning action done on time
        a = receive("2022-05-03T09:00:00Z", Procedure.CORPORATE, HIGHWAYS);
        at("2022-05-03T10:00:00Z", a, Command.Triage.asReceived());
        at("2022-05-03T11:00:00Z", a, new Command.Allocate("r.evans", "Corporate"));
        at("2022-05-03T12:00:00Z", a, new Command.Acknowledge());
        at("2022-05-10T09:00:00Z", a, Command.Respond.withPayment(Outcome.UPHELD, Money.pounds(100), Remedy.APOLOGY));
        at("2022-05-10T10:00:00Z", a, Command.RecordThemes.of("delay"));
        at("2022-05-11T09:00:00Z", a, new Command.AgreeLearningAction("Crews confirm each missed round by text",
                HIGHWAYS, "Head of Highways", LocalDate.of(2022, 6, 30), Set.of()));
        at("2022-06-15T09:00:00Z", a, new Command.CompleteLearningAction(1, LocalDate.of(2022, 6, 15),
                "Texts sent since 1 June"));

        // B: corporate, received Wednesday 1 June 2022; 2 and 3 June are bank holidays, so the five working days
        // to acknowledge are 6 to 10 June: acknowledged Monday 13 June, one working day late. Answered on time
        // (ten working days from 13 June end on 27 June), escalated, stage 2 on time.
        ComplaintId b = receive("2022-06-01T09:00:00Z", Procedure.CORPORATE, HIGHWAYS);
        at("2022-06-01T10:00:00Z", b, Command.Triage.asReceived());
        at("2022-06-01T11:00:00Z", b, new Command.Allocate("r.evans", "Corporate"));
        at("2022-06-13T09:00:00Z", b, new Command.Acknowledge());
        at("2022-06-20T09:00:00Z", b, Command.Respond.with(Outcome.NOT_UPHELD));
        at("2022-06-21T09:00:00Z", b, new Command.Escalate());
        at("2022-06-21T10:00:00Z", b, new Command.Allocate("s.khan", "Corporate"));
        at("2022-06-22T09:00:00Z", b, new Command.Acknowledge());
        at("2022-07-05T09:00:00Z", b, Command.Respond.with(Outcome.NOT_UPHELD));

        // C refused (legal proceedings); D a service request
        ComplaintId c = receive("2022-07-01T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        at("2022-07-01T10:00:00Z", c, new Command.Refuse(Exclusion.LEGAL_PROCEEDINGS));
        ComplaintId d = receive("2022-07-04T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        at("2022-07-04T10:00:00Z", d, new Command.Reclassify(Classification.SERVICE_REQUEST));

        // the Ombudsman upholds the adult complaint, recommends £300 by 1 October; the council pays on 5 October
        at("2022-06-01T12:00:00Z", adult, new Command.RecordOmbudsmanEnquiry());
        beforeTheDecision = clock.instant();
        at("2022-09-01T09:00:00Z", adult, new Command.RecordOmbudsmanDecision(OmbudsmanDecision.UPHELD,
                Set.of(Remedy.FINANCIAL_REMEDY, Remedy.APOLOGY), Optional.of(Money.pounds(300)),
                Optional.of(LocalDate.of(2022, 10, 1))));
        at("2022-10-05T09:00:00Z", adult, new Command.RecordOmbudsmanCompliance(LocalDate.of(2022, 10, 5)));
        clock.set(Instant.parse("2023-06-01T09:00:00Z"));
    }

    private static String figure(CodeAnnualReport report, String key) {
        return report.figure(key).orElseThrow(() -> new AssertionError("no figure " + key + " in " + report.keys()))
                .text();
    }

    private static String previous(CodeAnnualReport report, String key) {
        return report.sections().stream().flatMap(s -> s.lines().stream()).filter(l -> l.key().equals(key))
                .findFirst().orElseThrow().previousYear().text();
    }

    @Test
    void everyFigureIsTheOneWorkedOutByHand() {
        CodeAnnualReport r = complaints.reports().codeAnnual(YEAR, KnownAt.latest());
        assertEquals("2022-23", r.year());
        assertEquals("2021-22", r.previousYear());
        assertEquals("4", figure(r, "contacts"), "A, B, C and D; the adult complaint came the year before");
        assertEquals("1", previous(r, "contacts"));
        assertEquals("1", figure(r, "service_requests"));
        assertEquals("1", figure(r, "refused"));
        assertEquals("2", figure(r, "received.corporate.stage1"));
        assertEquals("1", figure(r, "received.corporate.stage2"));
        assertEquals("0", figure(r, "received.adult_social_care"));
        assertEquals("1", previous(r, "received.adult_social_care"));
        assertEquals("2", figure(r, "received.service.highways"));
        assertEquals("3", figure(r, "responses.stage1"));
        assertEquals("33.3% (1 of 3)", figure(r, "responses.stage1.upheld"));
        assertEquals("33.3% (1 of 3)", figure(r, "responses.stage1.partly_upheld"));
        assertEquals("100.0% (1 of 1)", figure(r, "responses.stage2.not_upheld"));
        assertEquals("50.0% (1 of 2)", figure(r, "timeliness.corporate.stage1.acknowledged_on_time"),
                "B acknowledged on 13 June, due by 10 June after the Jubilee bank holidays");
        assertEquals("100.0% (2 of 2)", figure(r, "timeliness.corporate.stage1.responded_on_time"));
        assertEquals("100.0% (1 of 1)", figure(r, "timeliness.corporate.stage2.responded_on_time"));
        assertEquals("100.0% (1 of 1)", figure(r, "timeliness.adult_social_care.responded_on_time"),
                "answered by the agreed date");
        assertEquals("n/a", figure(r, "timeliness.adult_social_care.acknowledged_on_time"), "acknowledged last year");
        assertEquals("100.0% (1 of 1)", previous(r, "timeliness.adult_social_care.acknowledged_on_time"));
        assertEquals("2", figure(r, "escalation.stage1_responses"));
        assertEquals("50.0% (1 of 2)", figure(r, "escalation.rate"));
        assertEquals("100.0% (1 of 1)", figure(r, "refused.legal_proceedings"));
        assertEquals("1", figure(r, "themes.delay"));
        assertEquals("1", figure(r, "themes.none"));
        assertEquals("1", figure(r, "remedies.financial_remedy"));
        assertEquals("2", figure(r, "remedies.apology"));
        assertEquals("£100.00", figure(r, "payments.service.highways"));
        assertEquals("£100.00", figure(r, "payments.total"));
        assertEquals("1", figure(r, "learning.agreed"));
        assertEquals("1", figure(r, "learning.done_on_time"));
        assertEquals("1", figure(r, "ombudsman.referrals"));
        assertEquals("1", figure(r, "ombudsman.enquiries"));
        assertEquals("1", figure(r, "ombudsman.upheld"));
        assertEquals("100.0% (1 of 1)", figure(r, "ombudsman.upheld_rate"));
        assertEquals("100.0% (1 of 1)", figure(r, "ombudsman.compliance.late"), "paid 5 October, due 1 October");
        assertEquals("£300.00", figure(r, "ombudsman.payments"));
        assertEquals("1", figure(r, "missed.corporate_stage_1_acknowledgement_late"));
        assertEquals("1", figure(r, "missed.total"));
        assertEquals(List.of("Crews confirm each missed round by text"),
                r.actions().stream().map(CodeAnnualReport.Action::action).toList());
    }

    @Test
    void asKnownAtAnEarlierInstantItIsTheReportPrintedThen() {
        CodeAnnualReport then = complaints.reports().codeAnnual(YEAR, KnownAt.of(beforeTheDecision));
        assertEquals("0", figure(then, "ombudsman.decisions"));
        assertEquals("1", figure(then, "ombudsman.enquiries"));
        assertEquals("0", figure(then, "refused"), "C was refused after that instant");
        assertEquals("n/a", figure(then, "ombudsman.compliance.late"));
        assertTrue(then.title().endsWith("as known at " + beforeTheDecision), then.title());
    }

    @Test
    void erasingPersonalDataChangesNoFigureAndNoneIsPrinted() {
        CodeAnnualReport before = complaints.reports().codeAnnual(YEAR, KnownAt.latest());
        complaints.execute(a, new Command.ErasePersonalData(), OFFICER.because("retention"));
        complaints.execute(adult, new Command.ErasePersonalData(), OFFICER.because("retention"));
        CodeAnnualReport after = complaints.reports().codeAnnual(YEAR, KnownAt.latest());
        assertEquals(before.sections(), after.sections());
        StringBuilder all = new StringBuilder();
        for (CodeAnnualReport.Section s : before.sections()) {
            all.append(ReportFormat.TEXT.render(before.grid(s)));
        }
        all.append(ReportFormat.TEXT.render(before.actionsGrid()));
        for (String personal : List.of("Zoë", "Resident", "zoe.resident", "Bins missed", "as it happened")) {
            assertFalse(all.toString().contains(personal), personal + " printed");
        }
    }

    @Test
    void aSelfAssessmentQuotesTheFiguresAndRefusesOnesTheReportLacks() {
        CodeAnnualReport r = complaints.reports().codeAnnual(YEAR, KnownAt.latest());
        SelfAssessment sa = SelfAssessment.parse("""
                section,requirement,complies,evidence,commentary
                5 Stage 1,"Respond within 10 working days, extension at most 10",yes,\
                "Stage 1 responses on time: {timeliness.corporate.stage1.responded_on_time}",
                8 Annual report,Publish an annual report,Partly,"Refused: {refused}","To committee in July"
                """).filledFrom(r);
        assertEquals("Stage 1 responses on time: 100.0% (2 of 2)", sa.rows().get(0).evidence());
        assertEquals(SelfAssessment.Complies.PARTLY, sa.rows().get(1).complies());
        assertEquals("Refused: 1", sa.rows().get(1).evidence());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SelfAssessment.parse(
                "section,requirement,complies,evidence,commentary\n1,Define complaints,yes,{nope},\n").filledFrom(r));
        assertTrue(e.getMessage().startsWith("self-assessment line 2: the report has no figure {nope}"), e.getMessage());
        IllegalArgumentException misspelt = assertThrows(IllegalArgumentException.class, () -> SelfAssessment.parse(
                "section,requirement,complies,evidence,commentary\n1,Themes,yes,{themes.staff-conduct},\n").filledFrom(r));
        assertTrue(misspelt.getMessage().contains("no figure {themes.staff-conduct}"), misspelt.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> SelfAssessment.parse(
                "section,requirement,complies,evidence,commentary\n1,Define complaints,maybe,,\n"));
        assertEquals("self-assessment line 2: complies is 'maybe', not yes, no or partly", bad.getMessage());
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class, () -> SelfAssessment.parse(
                "section,requirement,evidence\n"));
        assertTrue(header.getMessage().startsWith("self-assessment line 1: no column complies, commentary"),
                header.getMessage());
    }

    @Test
    void theYearEndsOn31March() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> complaints.reports().codeAnnual(LocalDate.of(2023, 3, 30), KnownAt.latest()));
        assertEquals("the complaints year ends on 31 March, not 2023-03-30", e.getMessage());
    }

    @Test
    void aYearInProgressIsJudgedAsAtTodayNotAtItsEnd() {
        // on 1 June 2022 the learning action due 30 June (done 15 June) is open, and B's acknowledgement, due
        // 10 June and sent 13 June, is not missed yet
        clock.set(Instant.parse("2022-06-01T12:00:00Z"));
        Complaints today = Complaints.builder(store).clock(clock).build();
        CodeAnnualReport r = today.reports().codeAnnual(YEAR, KnownAt.latest());
        assertEquals("1", figure(r, "learning.open"));
        assertEquals("0", figure(r, "learning.done_on_time"));
        assertEquals(LearningAction.Progress.OPEN, r.actions().get(0).progress());
        assertEquals("0", figure(r, "missed.total"));
        clock.set(Instant.parse("2023-06-01T09:00:00Z"));
        CodeAnnualReport after = today.reports().codeAnnual(YEAR, KnownAt.latest());
        assertEquals("1", figure(after, "learning.done_on_time"), "done on 15 June, due 30 June");
        assertEquals("1", figure(after, "missed.total"));
    }
}
