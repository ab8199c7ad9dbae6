package uk.councilcomplaints.examples.briefing;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.report.RenderOptions;
import uk.councilcomplaints.report.Report;
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

    /**
     * One report of the story under its title.
     *
     * @param key a short stable name, e.g. {@code by-type} (CSV sections, file names, HTML anchors)
     * @param title the title printed above it
     * @param report the report, computed from the stored events
     * @param hideEmptyBuckets whether text and Markdown leave out bucket columns that are 0 throughout
     */
    public record Section(String key, String title, Report report, boolean hideEmptyBuckets) {

        /** How to render it: its title, and the empty bucket columns hidden if asked. */
        public RenderOptions options() {
            RenderOptions options = RenderOptions.defaults().withTitle(title);
            return hideEmptyBuckets ? options.hidingEmptyBuckets() : options;
        }
    }

    /** Every report of the story, in the order printed, computed by {@code reports}. */
    public static List<Section> sections(Reports reports) {
        ReportQuery december = BriefingNoteDataSet.decemberPosition();
        return List.of(
                new Section("december-as-reported", "At the beginning of December, as reported on 1 December 2021",
                        reports.table(december.withKnownAt(BriefingNoteDataSet.DECEMBER_KNOWN_AT)), true),
                new Section("december-as-known-now", "At the beginning of December, as known after the data cleansing",
                        reports.table(december), true),
                new Section("backlog-14-january", "By 14 January 2022, the position from the original backlog",
                        reports.table(BriefingNoteDataSet.originalBacklogStillOpen(BriefingNoteDataSet.JANUARY_14)),
                        true),
                new Section("backlog-2-march", "By 2 March 2022, the position from the original backlog",
                        reports.table(BriefingNoteDataSet.originalBacklogStillOpen(BriefingNoteDataSet.MARCH_2)), true),
                new Section("by-type", "Contacts received 30 November 2021 to 28 February 2022, by type",
                        reports.table(BriefingNoteDataSet.receivedByType()), false),
                new Section("non-complaints", "Contacts that were not complaints",
                        reports.nonComplaintShare(BriefingNoteDataSet.PERIOD_FROM, BriefingNoteDataSet.PERIOD_TO,
                                BriefingNoteDataSet.PERIOD_TO, KnownAt.latest()), false),
                new Section("burn-down", "The original backlog, burning down",
                        reports.burnDown(december, List.of(LocalDate.of(2021, 11, 30), LocalDate.of(2021, 12, 15),
                                LocalDate.of(2021, 12, 31), BriefingNoteDataSet.JANUARY_14, LocalDate.of(2022, 2, 1),
                                BriefingNoteDataSet.MARCH_2)), false),
                new Section("workload", "Open cases per officer on 28 February 2022",
                        reports.officerWorkload(BriefingNoteDataSet.PERIOD_TO, KnownAt.latest()), true),
                new Section("sla-performance", "Timescales for contacts received 30 November 2021 to 28 February 2022",
                        reports.slaPerformance(BriefingNoteDataSet.PERIOD_FROM, BriefingNoteDataSet.PERIOD_TO,
                                BriefingNoteDataSet.PERIOD_TO, KnownAt.latest()), false),
                new Section("statutory-annual", "Statutory annual figures",
                        reports.statutoryAnnual(LocalDate.of(2022, 3, 31), KnownAt.latest()), false));
    }

    /** Prints every report of the story to {@code out}. */
    static void print(Reports reports, PrintStream out) {
        for (Section section : sections(reports)) {
            out.println(ReportFormat.TEXT.render(section.report(), section.options()));
        }
    }
}
