package uk.councilcomplaints.examples.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.learning.LearningAction;
import uk.councilcomplaints.report.CodeAnnualReport;
import uk.councilcomplaints.report.Figure;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.report.TenantSatisfactionMeasures;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/**
 * The Complaint Handling Code's annual report for the year ending 31 March 2022 over the briefing note's data set:
 * each figure the data set's record-keeping gives (themes, refusals, learning, the Ombudsman, payments, housing),
 * against numbers worked out by hand from what {@link BriefingNoteDataSet} plans, not by the library. Then CH01 and
 * CH02 for 5,200 homes.
 */
class BriefingAnnualReportTest {

    private static final LocalDate YEAR_ENDING = LocalDate.of(2022, 3, 31);
    private static Reports reports;
    private static CodeAnnualReport report;

    @BeforeAll
    static void load() {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        BriefingNoteDataSet.loadInto(store);
        reports = Reports.over(store);
        report = reports.codeAnnual(YEAR_ENDING, KnownAt.latest());
    }

    private static Figure figure(String key) {
        return report.figure(key).orElseThrow(() -> new AssertionError("no figure " + key + " in " + report.keys()));
    }

    private static Figure.Count count(long n) {
        return new Figure.Count(n);
    }

    @Test
    void theYearAndItsTitle() {
        assertEquals("2021-22", report.year());
        assertEquals("2020-21", report.previousYear());
        assertEquals("Annual complaints performance and service improvement report, year ending 31 March 2022",
                report.title());
        // every contact of the data set was received from 1 September 2021 on: the year before has none
        report.sections().forEach(s -> s.lines().forEach(l -> assertTrue(
                Set.of("0", "n/a", "£0.00").contains(l.previousYear().text()), l.key() + ": " + l.previousYear())));
    }

    @Test
    void volumes() {
        // 282 backlog cases (received September to November 2021) + 379 contacts from 30 November to 28 February
        // + 7 in March (3 refused, 4 housing)
        assertEquals(count(282 + 379 + 7), figure("contacts"));
        // the note's 116 service requests and not-council complaints; the refused ones are counted apart
        assertEquals(count(116), figure("service_requests"));
        assertEquals(count(3), figure("refused"));
        // four housing complaints received in March; H1 escalated to stage 2 on 14 March
        assertEquals(count(4), figure("received.housing.stage1"));
        assertEquals(count(1), figure("received.housing.stage2"));
        assertEquals(count(4), figure("received.service.housing"));
    }

    @Test
    void refusedByExclusion() {
        // refused on 4, 9 and 14 March: legal proceedings, already decided, legal proceedings
        assertEquals(new Figure.Share(2, 3), figure("refused.legal_proceedings"));
        assertEquals(new Figure.Share(1, 3), figure("refused.already_decided"));
        assertEquals(new Figure.Share(0, 3), figure("refused.out_of_time"));
        assertEquals(new Figure.Share(0, 3), figure("refused.not_about_the_council"));
    }

    @Test
    void themes() {
        // one theme each on the answered new complaints, in turn by number i: communication (i % 5 == 0), delay,
        // staff conduct, policy, quality of service. Adults 50 (10 each); children's 26 (6 communication, 5 each
        // other); corporate 46 (10 communication, 9 each other). The 4 housing complaints: quality of service and
        // communication both.
        assertEquals(count(10 + 6 + 10 + 4), figure("themes.communication"));
        assertEquals(count(10 + 5 + 9), figure("themes.delay"));
        assertEquals(count(10 + 5 + 9), figure("themes.staff_conduct"));
        assertEquals(count(10 + 5 + 9), figure("themes.policy"));
        assertEquals(count(10 + 5 + 9 + 4), figure("themes.quality_of_service"));
        // no theme: the 282 backlog cases, the 93 new ones with the service and 4 with the team, and the 44 closed
        // for another reason (withdrawn, out of time)
        assertEquals(count(282 + 93 + 4 + 44), figure("themes.none"));
    }

    @Test
    void escalationRefusedAndHousingTimeliness() {
        // H3's request for stage 2 refused on 25 March, with a reason
        assertEquals(count(1), figure("escalation.refused"));
        // acknowledged the day after receipt: H1, H2, H3, H4; H1 at stage 2 two days after its escalation
        assertEquals(new Figure.Share(4, 4), figure("timeliness.housing.stage1.acknowledged_on_time"));
        assertEquals(new Figure.Share(1, 1), figure("timeliness.housing.stage2.acknowledged_on_time"));
        // answered: H1 (8 March) and H3 (15 March) on time; H2 on 29 March, due 17 March (10 working days after
        // the acknowledgement on 3 March); H4 not yet due
        assertEquals(new Figure.Share(2, 3), figure("timeliness.housing.stage1.responded_on_time"));
        assertEquals(new Figure.Share(0, 0), figure("timeliness.housing.stage2.responded_on_time"));
        assertEquals(count(1), figure("missed.housing_stage_1_response_late"));
    }

    @Test
    void remediesAndPayments() {
        // H1: £75 with an apology; H3: £150 with an apology; no other response has a payment
        assertEquals(count(2), figure("remedies.financial_remedy"));
        assertEquals(new Figure.Amount(75_00 + 150_00), figure("payments.service.housing"));
        assertEquals(new Figure.Amount(75_00 + 150_00), figure("payments.total"));
    }

    @Test
    void learningActions() {
        // waste (agreed 10 January, due 28 February, done 21 February): done on time; highways (agreed 17 January,
        // due 15 March, not done): overdue; housing (agreed 30 March, due 30 June): open
        assertEquals(count(3), figure("learning.agreed"));
        assertEquals(count(1), figure("learning.done_on_time"));
        assertEquals(count(1), figure("learning.overdue"));
        assertEquals(count(1), figure("learning.open"));
        assertEquals(count(0), figure("learning.done_late"));
        assertEquals(count(1), figure("learning.service.waste_and_recycling.done_on_time"));
        assertEquals(count(1), figure("learning.service.highways.overdue"));
        assertEquals(count(1), figure("learning.service.housing.open"));
        assertEquals(List.of("Highways", "Housing", "Waste and recycling"),
                report.actions().stream().map(CodeAnnualReport.Action::service).toList());
        assertEquals(List.of(LearningAction.Progress.OVERDUE, LearningAction.Progress.OPEN,
                LearningAction.Progress.DONE_ON_TIME),
                report.actions().stream().map(CodeAnnualReport.Action::progress).toList());
        assertEquals(3, report.actionsGrid().lines().size());
    }

    @Test
    void theOmbudsman() {
        // referred: 4 adults' complaints on 15 March (already in the data set) + 2 escalated debt cases in January
        assertEquals(count(4 + 2), figure("ombudsman.referrals"));
        assertEquals(count(1), figure("ombudsman.enquiries"));
        assertEquals(count(2), figure("ombudsman.decisions"));
        assertEquals(count(1), figure("ombudsman.upheld"));
        assertEquals(count(1), figure("ombudsman.not_upheld"));
        assertEquals(count(0), figure("ombudsman.housing_ombudsman.decisions"));
        assertEquals(new Figure.Share(1, 2), figure("ombudsman.upheld_rate"));
        // the upheld one's remedies were due on 23 March and complied with on 28 March
        assertEquals(new Figure.Share(1, 1), figure("ombudsman.compliance.late"));
        assertEquals(new Figure.Share(0, 1), figure("ombudsman.compliance.on_time"));
        assertEquals(new Figure.Share(0, 1), figure("ombudsman.compliance.outstanding"));
        assertEquals(new Figure.Amount(250_00), figure("ombudsman.payments"));
    }

    @Test
    void asKnownBeforeMarchNoneOfMarchCounts() {
        CodeAnnualReport february = reports.codeAnnual(YEAR_ENDING,
                KnownAt.of(Instant.parse("2022-02-28T23:59:59Z")));
        assertEquals(count(282 + 379), february.figure("contacts").orElseThrow());
        assertEquals(count(0), february.figure("refused").orElseThrow());
        assertEquals(count(0), february.figure("ombudsman.decisions").orElseThrow());
        // the waste and highways actions were agreed in January; the housing one on 30 March
        assertEquals(count(2), february.figure("learning.agreed").orElseThrow());
    }

    @Test
    void tenantSatisfactionMeasuresFor5200Homes() {
        TenantSatisfactionMeasures tsm = reports.tenantSatisfaction(YEAR_ENDING, 5200, KnownAt.latest());
        // CH01: 4 stage 1 and 1 stage 2 housing complaints per 5,200 homes: 0.769 and 0.192 per 1,000
        assertEquals(new Figure.PerThousand(4, 5200), tsm.ch01Stage1());
        assertEquals(new Figure.PerThousand(1, 5200), tsm.ch01Stage2());
        assertEquals("0.8 (4 per 5,200)", tsm.ch01Stage1().text());
        assertEquals("0.2 (1 per 5,200)", tsm.ch01Stage2().text());
        // CH02: 2 of the 3 stage 1 responses on time; no stage 2 response yet
        assertEquals(new Figure.Share(2, 3), tsm.ch02Stage1());
        assertEquals("66.7% (2 of 3)", tsm.ch02Stage1().text());
        assertEquals("n/a", tsm.ch02Stage2().text());
        assertEquals(List.of(List.of("4", "5200", "0.8"), List.of("1", "5200", "0.2"), List.of("2", "3", "66.7%"),
                List.of("0", "0", "n/a")), tsm.grid().lines().stream().map(l -> l.cells().subList(1, 4)).toList());
    }
}
