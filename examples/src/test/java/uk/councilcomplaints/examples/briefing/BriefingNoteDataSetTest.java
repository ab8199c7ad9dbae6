package uk.councilcomplaints.examples.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.examples.briefing.BriefingNoteDataSet.DECEMBER_KNOWN_AT;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.NonComplaintShare;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.report.ReportTable.Row;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/** The briefing note's three tables, cell by cell, from report queries over the data set. */
class BriefingNoteDataSetTest {

    private static InMemoryComplaintStore store;
    private static BriefingNoteDataSet data;
    private static Reports reports;

    @BeforeAll
    static void load() {
        store = new InMemoryComplaintStore();
        data = BriefingNoteDataSet.loadInto(store);
        reports = Reports.over(store);
    }

    @Test
    void theDecemberPositionAsReportedOnFirstDecember() {
        assertEquals(ReportTable.of("Service", List.of(
                Row.of("Adults", 42, 47, 0, 0, 0),
                Row.of("Children's", 51, 65, 0, 0, 0),
                Row.of("Corporate", 21, 44, 0, 0, 0),
                Row.of("Other", 0, 12, 0, 0, 0))),
                reports.table(BriefingNoteDataSet.decemberPosition().withKnownAt(DECEMBER_KNOWN_AT)));
    }

    @Test
    void theOriginalBacklogStillOpenOn14January() {
        assertEquals(ReportTable.of("Service", List.of(
                Row.of("Adults", 0, 0, 3, 0, 0),
                Row.of("Children's", 0, 20, 0, 0, 0),
                Row.of("Corporate", 0, 3, 0, 0, 0))),
                reports.table(BriefingNoteDataSet.originalBacklogStillOpen(BriefingNoteDataSet.JANUARY_14)));
    }

    @Test
    void theOriginalBacklogStillOpenOn2March() {
        assertEquals(ReportTable.of("Service", List.of(
                Row.of("Adults", 0, 0, 0, 0, 0),
                Row.of("Children's", 0, 0, 10, 0, 0),
                Row.of("Corporate", 0, 0, 0, 0, 0))),
                reports.table(BriefingNoteDataSet.originalBacklogStillOpen(BriefingNoteDataSet.MARCH_2)));
    }

    @Test
    void contactsReceived30NovemberTo28FebruaryByTypeAsOf28February() {
        ReportTable byType = reports.table(BriefingNoteDataSet.receivedByType());
        assertEquals(ReportTable.of("Type", List.of(
                Row.of("Statutory Adults", 0, 1, 25, 50, 9),
                Row.of("Statutory Children Stage 1", 0, 2, 39, 26, 12),
                Row.of("Corporate Stage 1", 0, 1, 29, 46, 23),
                Row.of("Service requests / not a council complaint", 0, 0, 0, 0, 116))), byType);
        assertEquals(Row.of("Total", 0, 4, 93, 122, 160), byType.total());
    }

    @Test
    void thirtyPercentOfContactsWereNotComplaints() {
        NonComplaintShare share = reports.nonComplaintShare(BriefingNoteDataSet.PERIOD_FROM,
                BriefingNoteDataSet.PERIOD_TO, BriefingNoteDataSet.PERIOD_TO, KnownAt.latest());
        assertEquals(379, share.contacts());
        assertEquals(116, share.nonComplaints());
        assertEquals(30, (int) (100 * share.share()));
    }

    @Test
    void theCohortIsDisjointFromTheContactsOfThePeriod() {
        ReportQuery december = BriefingNoteDataSet.decemberPosition();
        ReportTable all = reports.table(
                ReportQuery.builder(Population.all(), Grouping.TYPE, BriefingNoteDataSet.PERIOD_TO).build());
        assertEquals(reports.table(december).total().total() + reports.table(BriefingNoteDataSet.receivedByType())
                .total().total(), all.total().total(), "every contact so far is in exactly one of the two");
    }

    @Test
    void theCleansingMovesACaseFromUnallocatedToCompleteInTheDecemberPositionAsKnownNow() {
        ReportQuery december = BriefingNoteDataSet.decemberPosition();
        ReportTable reported = reports.table(december.withKnownAt(DECEMBER_KNOWN_AT));
        ReportTable knownNow = reports.table(december);
        assertNotEquals(reported, knownNow);
        assertEquals(282, knownNow.total().total(), "the cohort is the one known on 1 December");
        assertEquals(Row.of("Total", 73, 168, 0, 114 - 73, 0), knownNow.total(), "73 truly unallocated");
        for (Row row : reported.rows()) {
            Row now = knownNow.row(row.label()).orElseThrow();
            assertEquals(row.total(), now.total(), row.label());
            assertEquals(row.count(StatusBucket.UNALLOCATED), now.count(StatusBucket.UNALLOCATED)
                    + now.count(StatusBucket.COMPLETE), row.label() + ": moved from unallocated to complete only");
        }

        Complaint example = data.complaints().findByReference(BriefingNoteDataSet.EXAMPLE_CASE).orElseThrow();
        Instant endOf30November = LocalDate.of(2021, 11, 30).plusDays(1).atStartOfDay(ZoneId.of("Europe/London"))
                .toInstant().minusNanos(1);
        Complaint thenKnown = data.complaints().stateAsOf(example.id(), endOf30November, KnownAt.of(DECEMBER_KNOWN_AT))
                .orElseThrow();
        Complaint nowKnown = data.complaints().stateAsOf(example.id(), endOf30November, KnownAt.latest()).orElseThrow();
        assertEquals(StatusBucket.UNALLOCATED, thenKnown.bucket());
        assertEquals(StatusBucket.COMPLETE, nowKnown.bucket());
        assertTrue(nowKnown.respondedAt().orElseThrow().isBefore(endOf30November), "answered in November");
        assertTrue(data.complaints().history(example.id()).stream().anyMatch(e -> e.recordedAt()
                .equals(BriefingNoteDataSet.CLEANSED_AT) && e.reason().isPresent()), "a late entry, with a reason");
        assertEquals(reported, reports.table(december.withKnownAt(BriefingNoteDataSet.CLEANSED_AT.minusSeconds(1))),
                "nothing changed the December position until the cleansing was recorded");
        assertEquals(knownNow, reports.table(december.withKnownAt(BriefingNoteDataSet.CLEANSED_AT)));
    }

    @Test
    void everyEventRespectsTheRulesOfTwoTimes() {
        try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.all())) {
            histories.forEach(h -> {
                for (int i = 1; i < h.events().size(); i++) {
                    assertTrue(!h.events().get(i).occurredAt().isBefore(h.events().get(i - 1).occurredAt())
                            && !h.events().get(i).recordedAt().isBefore(h.events().get(i - 1).recordedAt()));
                }
            });
        }
        assertEquals(282 + 379 + BriefingNoteDataSet.CONTACTS_IN_MARCH, store.size());
    }

    @Test
    void theReportsProgramPrintsBothDecemberTablesAndTheNotesOthers() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BriefingNoteReports.print(reports, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("At the beginning of December, as reported on 1 December 2021\n"
                + "Service     Total  Unallocated / not started  Open with complaints team\n"
                + "Adults         89                         42                         47\n"), out);
        assertTrue(out.contains("At the beginning of December, as known after the data cleansing\n"), out);
        assertTrue(out.contains("Total         282                         73                        168"), out);
        assertTrue(out.contains("By 2 March 2022, the position from the original backlog\n"), out);
        assertTrue(out.contains("Total                                         379"), out);
    }
}
