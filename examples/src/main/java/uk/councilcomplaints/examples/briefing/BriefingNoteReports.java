package uk.councilcomplaints.examples.briefing;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import uk.councilcomplaints.report.RenderOptions;
import uk.councilcomplaints.report.ReportFormat;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/** Prints the briefing note's tables, and a few more reports, from the data set in a memory store. */
public final class BriefingNoteReports {

    private BriefingNoteReports() {
    }

    public static void main(String[] args) {
        // route Hibernate Validator's jboss-logging through slf4j (see simplelogger.properties)
        System.setProperty("org.jboss.logging.provider", "slf4j");
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        BriefingNoteDataSet.loadInto(store);
        print(Reports.over(store), System.out);
    }

    /** Prints every report of the story to {@code out}. */
    static void print(Reports reports, PrintStream out) {
        ReportQuery december = BriefingNoteDataSet.decemberPosition();
        table(out, reports, december.withKnownAt(BriefingNoteDataSet.DECEMBER_KNOWN_AT),
                "At the beginning of December, as reported on 1 December 2021");
        table(out, reports, december, "At the beginning of December, as known after the data cleansing");
        table(out, reports, BriefingNoteDataSet.originalBacklogStillOpen(BriefingNoteDataSet.JANUARY_14),
                "By 14 January 2022, the position from the original backlog");
        table(out, reports, BriefingNoteDataSet.originalBacklogStillOpen(BriefingNoteDataSet.MARCH_2),
                "By 2 March 2022, the position from the original backlog");
        out.println(ReportFormat.TEXT.render(reports.table(BriefingNoteDataSet.receivedByType()), RenderOptions
                .defaults().withTitle("Contacts received 30 November 2021 to 28 February 2022, by type")));
        out.println(ReportFormat.TEXT.render(reports.nonComplaintShare(BriefingNoteDataSet.PERIOD_FROM,
                BriefingNoteDataSet.PERIOD_TO, BriefingNoteDataSet.PERIOD_TO),
                RenderOptions.defaults().withTitle("Contacts that were not complaints")));
        out.println(ReportFormat.TEXT.render(reports.burnDown(december, List.of(LocalDate.of(2021, 11, 30),
                LocalDate.of(2021, 12, 15), LocalDate.of(2021, 12, 31), BriefingNoteDataSet.JANUARY_14,
                LocalDate.of(2022, 2, 1), BriefingNoteDataSet.MARCH_2)),
                RenderOptions.defaults().withTitle("The original backlog, burning down")));
        out.println(ReportFormat.TEXT.render(reports.officerWorkload(BriefingNoteDataSet.PERIOD_TO),
                RenderOptions.defaults().withTitle("Open cases per officer on 28 February 2022").hidingEmptyBuckets()));
        out.println(ReportFormat.TEXT.render(reports.slaPerformance(BriefingNoteDataSet.PERIOD_FROM,
                BriefingNoteDataSet.PERIOD_TO, BriefingNoteDataSet.PERIOD_TO), RenderOptions.defaults()
                .withTitle("Timescales for contacts received 30 November 2021 to 28 February 2022")));
        out.println(ReportFormat.TEXT.render(reports.statutoryAnnual(LocalDate.of(2022, 3, 31)),
                RenderOptions.defaults().withTitle("Statutory annual figures")));
    }

    private static void table(PrintStream out, Reports reports, ReportQuery query, String title) {
        out.println(ReportFormat.TEXT.render(reports.table(query),
                RenderOptions.defaults().withTitle(title).hidingEmptyBuckets()));
    }
}
