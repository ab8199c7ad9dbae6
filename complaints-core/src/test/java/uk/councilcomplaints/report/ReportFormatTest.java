package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.report.ReportTable.Row;

class ReportFormatTest {

    /** The briefing note's December table. */
    private static final ReportTable DECEMBER = ReportTable.of("Service", List.of(
            Row.of("Adults", 42, 47, 0, 0, 0),
            Row.of("Children's", 51, 65, 0, 0, 0),
            Row.of("Corporate", 21, 44, 0, 0, 0),
            Row.of("Other", 0, 12, 0, 0, 0)));

    @Test
    void textIsAlignedLikeTheNoteAndMayHideEmptyBuckets() {
        String expected = String.join("\n",
                "At the beginning of December",
                "Service     Total  Unallocated / not started  Open with complaints team",
                "Adults         89                         42                         47",
                "Children's    116                         51                         65",
                "Corporate      65                         21                         44",
                "Other          12                          0                         12",
                "Total         282                        114                        168",
                "");
        assertEquals(expected, ReportFormat.TEXT.render(DECEMBER,
                RenderOptions.defaults().withTitle("At the beginning of December").hidingEmptyBuckets()));
        String all = ReportFormat.TEXT.render(DECEMBER);
        assertTrue(all.startsWith("Service     Total  Unallocated / not started  Open with complaints team"
                + "  Open with service  Complete (response sent)  Closed, other reason\n"), all);
        assertEquals(6, all.lines().count());
    }

    @Test
    void csvHasTheStableHeaderCrlfAndQuotesWhereNeeded() {
        ReportTable t = ReportTable.of("Officer", List.of(Row.of("Smith, \"Jo\"", 1, 2, 3, 4, 5)));
        assertEquals("group,total,unallocated,with_complaints_team,with_service,complete,closed_other\r\n"
                + "\"Smith, \"\"Jo\"\"\",15,1,2,3,4,5\r\n"
                + "Total,15,1,2,3,4,5\r\n",
                ReportFormat.CSV.render(t, RenderOptions.defaults().withTitle("ignored").hidingEmptyBuckets()));
    }

    @Test
    void markdownIsAGithubTable() {
        String md = ReportFormat.MARKDOWN.render(DECEMBER, RenderOptions.defaults().withTitle("December")
                .hidingEmptyBuckets());
        assertEquals(String.join("\n",
                "**December**",
                "",
                "| Service | Total | Unallocated / not started | Open with complaints team |",
                "|:---|---:|---:|---:|",
                "| Adults | 89 | 42 | 47 |",
                "| Children's | 116 | 51 | 65 |",
                "| Corporate | 65 | 21 | 44 |",
                "| Other | 12 | 0 | 12 |",
                "| Total | 282 | 114 | 168 |",
                ""), md);
        assertTrue(ReportFormat.MARKDOWN.render(ReportTable.of("Team", List.of(Row.of("a|b", 1, 0, 0, 0, 0))))
                .contains("| a\\|b | 1 |"));
    }

    @Test
    void otherReportsHaveTheirOwnHeaders() {
        NonComplaintShare share = new NonComplaintShare(LocalDate.of(2021, 11, 30), LocalDate.of(2022, 2, 28),
                LocalDate.of(2022, 2, 28), 379, 70, 46);
        assertEquals("from,to,as_of,contacts,service_requests,not_council_complaints,non_complaints,share_percent\r\n"
                + "2021-11-30,2022-02-28,2022-02-28,379,70,46,116,30.6\r\n", ReportFormat.CSV.render(share));
        NonComplaintShare none = new NonComplaintShare(LocalDate.of(2021, 11, 30), LocalDate.of(2022, 2, 28),
                LocalDate.of(2022, 2, 28), 0, 0, 0);
        assertEquals("2021-11-30,2022-02-28,2022-02-28,0,0,0,0,n/a", ReportFormat.CSV.render(none).lines().toList()
                .get(1), "a share of no contacts is not 0%");
        assertTrue(ReportFormat.TEXT.render(none).lines().toList().get(1).endsWith("  n/a"), "in every format");
        assertTrue(ReportFormat.MARKDOWN.render(none).contains("| 0 | n/a |"), "in every format");

        BurnDown burnDown = new BurnDown(
                ReportQuery.builder(Population.all(), Grouping.TYPE, LocalDate.of(2022, 1, 14)).build(),
                List.of(new BurnDown.Point(LocalDate.of(2022, 1, 14), DECEMBER)));
        assertEquals("as_of,total,unallocated,with_complaints_team,with_service,complete,closed_other\r\n"
                + "2022-01-14,282,114,168,0,0,0\r\n", ReportFormat.CSV.render(burnDown));
        assertEquals("As of       Total  Unallocated / not started  Open with complaints team\n"
                + "2022-01-14    282                        114                        168\n",
                ReportFormat.TEXT.render(burnDown, RenderOptions.defaults().hidingEmptyBuckets()));

        Map<Stage, Long> received = new EnumMap<>(Stage.class);
        received.put(Stage.STAGE_2, 4L);
        StatutoryAnnualReport annual = new StatutoryAnnualReport(LocalDate.of(2022, 3, 31),
                new StatutoryAnnualReport.Adults(10, 3, 1, 8), new StatutoryAnnualReport.Childrens(received,
                Map.of(Stage.STAGE_1, Map.of(Outcome.PARTLY_UPHELD, 7L)), Map.of(Stage.STAGE_1, 5L)));
        String csv = ReportFormat.CSV.render(annual);
        assertTrue(csv.startsWith("figure,count\r\nadults_received,10\r\nadults_well_founded,3\r\n"
                + "adults_referred_to_ombudsman,1\r\nadults_responded_within_timescale,8\r\n"
                + "childrens_stage_1_received,0\r\n"
                + "childrens_stage_1_responses_upheld,0\r\nchildrens_stage_1_responses_partly_upheld,7\r\n"), csv);
        assertTrue(csv.contains("\r\nchildrens_stage_2_received,4\r\n"), csv);
        assertTrue(csv.contains("\r\nchildrens_stage_1_responses_within_timescale,5\r\n"), csv);
        // each stage's responses in all, after its outcomes
        assertTrue(csv.contains("\r\nchildrens_stage_1_responses_not_upheld,0\r\nchildrens_stage_1_responses_total,7\r\n"
                + "childrens_stage_1_responses_within_timescale,5\r\n"), csv);
        assertTrue(csv.contains("\r\nchildrens_stage_2_responses_total,0\r\n"), csv);
        assertEquals(4 + 3 * 6 + 1, csv.split("\r\n").length);
        String text = ReportFormat.TEXT.render(annual);
        assertTrue(text.startsWith("Year ending 2022-03-31"), text);
        assertTrue(text.matches("(?s).*\nChildren's social care Stage 1: responses partly upheld +7\n.*"), text);
        assertTrue(text.matches("(?s).*\nChildren's social care Stage 1: responses in all +7\n.*"), text);
    }
}
