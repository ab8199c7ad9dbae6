package uk.councilcomplaints.examples.cli.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.EventType;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Complaints;

/** Importing a legacy tracker spreadsheet: every row accounted for, nothing stored half-way, nothing twice. */
class LegacyImporterTest {

    /** The header in its own order and case, as a spreadsheet might have it. */
    private static final List<String> HEADER = List.of("Type", "REFERENCE", "Received_On", "service_area", "stage",
            "complainant_name", "complainant_email", "summary", "triaged_on", "allocated_on", "officer",
            "acknowledged_on", "sent_to_service_on", "responded_on", "outcome", "closed_on", "closure_reason",
            "Notes");
    private static final Instant NOW = Instant.parse("2022-03-31T12:00:00Z");

    @TempDir
    Path dir;

    private InMemoryComplaintStore store;
    private SettableClock clock;
    private Complaints complaints;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void setUp() {
        store = new InMemoryComplaintStore();
        clock = new SettableClock(NOW);
        complaints = Complaints.builder(store).clock(clock).build();
    }

    /** Good rows 2-8, a repeated row 9, rejected rows 10-19. */
    private Path tracker() throws IOException {
        return csv("tracker.csv",
                row("reference=T-001", "received_on=2022-01-10", "service_area=Adults", "type=Statutory Adults",
                        "complainant_name=Ann Example", "complainant_email=ann@example.org",
                        "summary=Care package reduced without notice", "triaged_on=2022-01-11",
                        "allocated_on=2022-01-12", "officer=a.officer", "acknowledged_on=2022-01-13",
                        "sent_to_service_on=2022-01-14", "responded_on=2022-02-01", "outcome=upheld"),
                row("reference=T-002", "received_on=14/01/2022", "service_area=Children's", "type=statutory children",
                        "stage=1", "complainant_name=Bob Sample", "complainant_email=bob@example.org",
                        "summary=Social worker missed visits", "allocated_on=17/01/2022", "officer=b.officer"),
                row("reference=T-003", "received_on=2022-01-20", "service_area=Highways", "type=Service Request",
                        "complainant_name=Cat Person", "summary=Pothole on Main Street", "triaged_on=2022-01-21"),
                row("reference=T-004", "received_on=2022-02-01", "service_area=corporate", "type=Corporate",
                        "complainant_name=Dan Done", "complainant_email=dan@example.org",
                        "summary=Bin collection missed", "triaged_on=2022-02-02", "allocated_on=2022-02-02",
                        "officer=c.officer", "acknowledged_on=2022-02-03", "responded_on=2022-02-10",
                        "outcome=Not Upheld", "closed_on=2022-02-20"),
                row("reference=T-005", "received_on=2022-02-03", "service_area=Corporate", "type=Corporate",
                        "complainant_name=Eve Quit", "summary=Parking permit delayed", "triaged_on=2022-02-04",
                        "closed_on=2022-02-07", "closure_reason=Withdrawn"),
                // same email as T-001: a possible duplicate
                row("reference=T-006", "received_on=2022-01-12", "service_area=Adults", "type=Statutory Adults",
                        "complainant_name=Ann Example", "complainant_email=ANN@example.org",
                        "summary=Care package reduced again"),
                // same name and service as T-004 four days later, similar summary: closed as its duplicate
                row("reference=T-007", "received_on=2022-02-05", "service_area=Corporate", "type=Corporate",
                        "complainant_name=Dan  Done", "summary=Missed bin collection again",
                        "triaged_on=2022-02-06", "closed_on=2022-02-06", "closure_reason=duplicate"),
                // T-001 again
                row("reference=T-001", "received_on=2022-01-10", "service_area=Adults", "type=Statutory Adults",
                        "complainant_name=Ann Example", "complainant_email=ann@example.org",
                        "summary=Care package reduced without notice"),
                row("reference=T-008", "service_area=Adults", "type=Statutory Adults", "complainant_name=No Date",
                        "summary=x"),
                row("reference=T-009", "received_on=2022-01-10", "service_area=Adults", "type=Compliment",
                        "complainant_name=Kind Person", "summary=Thank you"),
                row("reference=T-010", "received_on=2022-13-45", "service_area=Adults", "type=Statutory Adults",
                        "complainant_name=Bad Date", "summary=x"),
                row("reference=T-011", "received_on=2022-05-01", "service_area=Adults", "type=Statutory Adults",
                        "complainant_name=Future Date", "summary=x"),
                row("reference=T-012", "received_on=2022-02-10", "service_area=Adults", "type=Statutory Adults",
                        "complainant_name=Out Of Order", "summary=x", "triaged_on=2022-02-09"),
                row("reference=T-013", "received_on=2022-01-05", "service_area=Corporate", "type=Corporate",
                        "complainant_name=Bad Email", "complainant_email=not-an-email", "summary=x"),
                // refused at its fourth command (out of time needs a matter date over 12 months before)
                row("reference=T-014", "received_on=2022-01-05", "service_area=Corporate", "type=Corporate",
                        "complainant_name=Too Late", "summary=Old matter", "triaged_on=2022-01-06",
                        "allocated_on=2022-01-06", "officer=c.officer", "acknowledged_on=2022-01-07",
                        "closed_on=2022-01-10", "closure_reason=out of time"),
                row("reference=T-015", "received_on=2022-01-05", "service_area=Corporate", "type=Corporate",
                        "complainant_name=Just Closed", "summary=x", "closed_on=2022-02-01"),
                row("reference=T-016", "received_on=2022-01-05", "type=Corporate", "complainant_name=Nowhere",
                        "summary=x"),
                row("reference=T-017", "received_on=2022-01-05", "service_area=Corporate", "type=Corporate",
                        "stage=2", "complainant_name=Second Stage", "summary=x"));
    }

    /** Batches of one row, of two (a batch ends between a row and its repeat or duplicate), and of the default. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, LegacyImporter.BATCH_ROWS})
    void everyRowIsImportedAlreadyPresentOrRejectedWithItsReason(int batchRows) throws IOException {
        Path file = tracker();
        ImportSummary summary = new LegacyImporter(store, clock, new PrintWriter(out = new StringWriter(), true),
                new PrintWriter(err = new StringWriter(), true), System::nanoTime, LegacyImporter.PROGRESS_EVERY, batchRows)
                .importFile(file);

        assertEquals("imported 7, already present 1, rejected 10, possible duplicates 2", summary.toString());
        assertEquals(18, summary.rows());
        assertEquals(summary.rows(), summary.imported() + summary.alreadyPresent() + summary.rejected());
        assertEquals(7 + 0, store.size());
        assertEquals(List.of("ignoring columns [Notes]"),
                err.toString().lines().filter(l -> !l.contains("rows/s")).toList());
        assertTrue(err.toString().contains("tracker.csv: 18 rows in "), err.toString());
        assertEquals("", out.toString());
        List<String> duplicates = Files.readAllLines(dir.resolve("tracker.duplicates.csv"));
        assertEquals("row,reference,resembles_row,resembles_reference,why," + String.join(",", HEADER),
                duplicates.get(0));
        assertEquals(List.of(List.of("7", "T-006", "2", "T-001", "same email"),
                List.of("8", "T-007", "5", "T-004", "same name and service within 14 days, similar summary")),
                duplicates.subList(1, duplicates.size()).stream().map(l -> cells(l).subList(0, 5)).toList());

        Path rejected = dir.resolve("tracker.rejected.csv");
        assertEquals(rejected, summary.rejectedFile());
        List<String> lines = Files.readAllLines(rejected);
        assertEquals("row,reason," + String.join(",", HEADER), lines.get(0));
        Map<String, String> reasons = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            reasons.put(cells.get(0), cells.get(1));
            assertEquals(HEADER.size() + 2, cells.size(), line);
        }
        assertEquals(Map.of(
                "10", "received_on: missing",
                "11", "type: 'Compliment' is not one of Statutory Adults, Statutory Children, Corporate, Housing, "
                        + "Service Request, Not a council complaint",
                "12", "received_on: '2022-13-45' is not a date (use 2022-01-14 or 14/01/2022)",
                "13", "received_on: 2022-05-01 is in the future",
                "14", "triaged_on: 2022-02-09 is before received_on 2022-02-10; milestones are out of order",
                "15", "Invalid RECEIVE: complainant.email: must be a well-formed email address",
                "17", "closed_on: closed without a closure_reason and never responded to; give withdrawn, duplicate "
                        + "or out of time",
                "18", "service_area: missing",
                "19", "stage: '2': only stage 1 cases can be imported (one row has no dates for the earlier stage); "
                        + "import stage 1 and escalate it in the system"),
                without(reasons, "16"));
        assertTrue(reasons.get("16").startsWith("Complaint T-014 ") && reasons.get("16").contains("cannot CLOSE"),
                reasons.get("16"));
    }

    @Test
    void aRowRefusedAtItsFourthCommandLeavesNothingBehind() throws IOException {
        importer().importFile(tracker());
        assertTrue(complaints.findByReference("T-014").isEmpty());
        for (String reference : List.of("T-008", "T-009", "T-010", "T-011", "T-012", "T-013", "T-015", "T-016",
                "T-017")) {
            assertTrue(complaints.findByReference(reference).isEmpty(), reference);
        }
    }

    @Test
    void importingTheSameFileAgainImportsNothingTwice() throws IOException {
        Path file = tracker();
        importer().importFile(file);
        int size = store.size();
        clock.set(NOW.plusSeconds(3600));
        ImportSummary again = importer().importFile(file);
        assertEquals("imported 0, already present 8, rejected 10, possible duplicates 0", again.toString(),
                "duplicates are reported when imported, not again");
        assertEquals(size, store.size());
    }

    @Test
    void milestonesBecomeTheHistoryDatedOnTheirDaysAndRecordedNowWithTheReason() throws IOException {
        importer().importFile(tracker());
        Complaint answered = complaints.findByReference("T-001").orElseThrow();
        assertEquals(Status.RESPONDED, answered.status());
        assertEquals(Procedure.ADULT_SOCIAL_CARE, answered.procedure());
        assertEquals(Outcome.UPHELD, answered.outcome().orElseThrow());
        List<ComplaintEvent> history = complaints.history(answered.id());
        assertEquals(List.of(EventType.RECEIVED, EventType.TRIAGED, EventType.ALLOCATED, EventType.ACKNOWLEDGED,
                EventType.SENT_TO_SERVICE, EventType.RESPONDED), types(history));
        assertEquals(List.of("2022-01-10", "2022-01-11", "2022-01-12", "2022-01-13", "2022-01-14", "2022-02-01"),
                history.stream().map(e -> LondonDays.dayOf(e.occurredAt()).toString()).toList());
        for (ComplaintEvent e : history) {
            assertEquals(NOW, e.recordedAt());
            assertEquals("legacy-import", e.actor());
            assertEquals("imported from the legacy spreadsheet, row 2", e.reason().orElseThrow());
        }
    }

    @Test
    void aBlankMilestoneBeforeAFilledOneIsImpliedOnItsDayAndTheEventSaysSo() throws IOException {
        importer().importFile(tracker());
        Complaint allocated = complaints.findByReference("T-002").orElseThrow();
        assertEquals(Status.ALLOCATED, allocated.status());
        assertEquals(ServiceArea.CHILDRENS, allocated.serviceArea());
        ComplaintEvent triaged = complaints.history(allocated.id()).get(1);
        assertEquals(EventType.TRIAGED, triaged.type());
        assertEquals(LocalDate.of(2022, 1, 17), LondonDays.dayOf(triaged.occurredAt()));
        assertEquals("imported from the legacy spreadsheet, row 3; triaged_on blank: implied by allocated_on",
                triaged.reason().orElseThrow());
    }

    @Test
    void serviceRequestsAreReclassifiedOnTheirTriageDay() throws IOException {
        importer().importFile(tracker());
        Complaint request = complaints.findByReference("T-003").orElseThrow();
        assertEquals(Classification.SERVICE_REQUEST, request.classification());
        assertEquals(Status.SERVICE_REQUEST, request.status());
        assertEquals(ServiceArea.of("highways", "Highways"), request.serviceArea());
        ComplaintEvent reclassified = complaints.history(request.id()).get(1);
        assertEquals(LocalDate.of(2022, 1, 21), LondonDays.dayOf(reclassified.occurredAt()));
    }

    @Test
    void closingWithAReasonClosesItAndAnAdministrativeCloseAfterTheResponseLeavesItComplete() throws IOException {
        importer().importFile(tracker());
        Complaint administrative = complaints.findByReference("T-004").orElseThrow();
        assertEquals(Status.RESPONDED, administrative.status());
        assertEquals(List.of(EventType.RECEIVED, EventType.TRIAGED, EventType.ALLOCATED, EventType.ACKNOWLEDGED,
                EventType.RESPONDED), types(complaints.history(administrative.id())),
                "no send to service invented: the team may answer itself");
        Complaint withdrawn = complaints.findByReference("T-005").orElseThrow();
        assertEquals(Status.WITHDRAWN, withdrawn.status());
        Complaint duplicate = complaints.findByReference("T-007").orElseThrow();
        assertEquals(ClosureReason.DUPLICATE, duplicate.closureReason().orElseThrow());
        assertEquals(administrative.id(), duplicate.duplicateOf().orElseThrow(), "the row it looks like");
    }

    @Test
    void showsProgressOnLargeFiles() throws IOException {
        AtomicLong nanos = new AtomicLong(-2_500_000_000L);
        LegacyImporter importer = new LegacyImporter(store, clock, new PrintWriter(out = new StringWriter(), true),
                new PrintWriter(err = new StringWriter(), true), () -> nanos.addAndGet(2_500_000_000L), 5, 2);
        importer.importFile(tracker());
        List<String> progress = err.toString().lines().filter(l -> l.contains("rows/s")).toList();
        assertEquals(List.of("tracker.csv: 5 rows, 2 rows/s", "tracker.csv: 10 rows, 2 rows/s",
                "tracker.csv: 15 rows, 2 rows/s", "tracker.csv: 18 rows in 10.0 s, 2 rows/s"), progress);
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedWhole() throws IOException {
        Path file = dir.resolve("wrong.csv");
        Files.writeString(file, "ref,date\r\nA,2022-01-01\r\n");
        LegacyImportException e = assertThrows(LegacyImportException.class, () -> importer().importFile(file));
        assertEquals(file + ": the header row has no column reference, received_on, service_area, type (it needs "
                + "reference, received_on, service_area, type; see --help) (read with a comma, a semicolon and a tab "
                + "between columns, the header row was 'ref,date')", e.getMessage());
        assertEquals(0, store.size());
    }

    @Test
    void aSpreadsheetSavedWithAByteOrderMarkReadsTheSame() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.writeString(file, "\uFEFFreference,received_on,service_area,type,complainant_name,summary\r\n"
                + "B-1,2022-01-10,Adults,Statutory Adults,Ann,Care\r\n", StandardCharsets.UTF_8);
        assertEquals("imported 1, already present 0, rejected 0, possible duplicates 0",
                importer().importFile(file).toString());
    }

    @Test
    void legacyDatesAreIsoOrUk() {
        assertEquals(LocalDate.of(2022, 1, 14), LegacyDates.parse("2022-01-14"));
        assertEquals(LocalDate.of(2022, 1, 14), LegacyDates.parse("14/01/2022"));
        assertEquals(LocalDate.of(2022, 1, 4), LegacyDates.parse("4/1/2022"));
        assertThrows(java.time.format.DateTimeParseException.class, () -> LegacyDates.parse("29/02/2022"));
        assertThrows(java.time.format.DateTimeParseException.class, () -> LegacyDates.parse("01/14/2022"));
    }

    /** Excel's usual text exports of a date, always day first; a time after the day is read and ignored. */
    @Test
    void excelsTextDatesAreReadDayFirst() {
        LocalDate first = LocalDate.of(2021, 12, 1);
        for (String text : List.of("01/12/2021 09:30", "01/12/2021", "1/12/2021 9:30:15", "01-Dec-2021",
                "1-dec-2021", "01-DEC-2021 09:30", "1 December 2021", "1 Dec 2021", "01-December-2021", "2021-12-01",
                "2021-12-01T09:30", "2021-12-01T09:30:15", "2021-12-01 09:30", " 1  December  2021 ")) {
            assertEquals(first, LegacyDates.parse(text), text);
        }
        assertEquals(LocalDate.of(2021, 1, 12), LegacyDates.parse("12/01/2021"),
                "12 January: a US date is not guessed");
        assertEquals(LocalDate.of(2021, 9, 14), LegacyDates.parse("14-Sept-2021"));
        assertEquals(LocalDate.of(2021, 9, 14), LegacyDates.parse("14-Sep-2021"));
        for (String text : List.of("01/14/2022", "12/01/2021 25:00", "31-Feb-2022", "1 Decembre 2021", "Dec 1 2021",
                "December 1, 2021", "2021-12-01T", "01.12.2021", "10-01-2022")) {
            java.time.format.DateTimeParseException e = assertThrows(java.time.format.DateTimeParseException.class,
                    () -> LegacyDates.parse(text), text);
            assertEquals("'" + text + "' is not a date (use 2022-01-14 or 14/01/2022)", e.getMessage());
        }
    }

    @Test
    void housingIsATypeAsCorporateIsAndAStage1LabelNamesItsProcedure() {
        for (String text : List.of("Housing", "housing", "Housing Stage 1", "HOUSING_STAGE_1")) {
            assertEquals(Procedure.HOUSING, LegacyLabels.type(text).procedure, text);
            assertEquals(Optional.empty(), LegacyLabels.type(text).reclassifiedAs, text);
        }
        assertEquals(Procedure.CORPORATE, LegacyLabels.type("Corporate Stage 1").procedure);
        assertEquals(ServiceArea.of("housing", "Housing"), LegacyLabels.serviceArea("Housing"));
        assertThrows(RowRejectedException.class, () -> LegacyLabels.type("Housing Stage 2"));
    }

    @Test
    void aHousingRowIsImportedUnderTheHousingProcedure() throws IOException {
        importer().importFile(csv("housing.csv",
                row("reference=H-001", "received_on=2022-01-10", "service_area=Housing", "type=Housing",
                        "stage=Stage 1", "complainant_name=Dee Resident", "summary=Damp in the back bedroom",
                        "triaged_on=2022-01-10", "allocated_on=2022-01-11", "officer=h.officer",
                        "acknowledged_on=2022-01-12"),
                row("reference=H-002", "received_on=2022-01-10", "service_area=Housing", "type=Housing Stage 1",
                        "complainant_name=Eve Resident", "summary=Repairs not done")));
        Complaint acknowledged = complaints.findByReference("H-001").orElseThrow();
        assertEquals(Procedure.HOUSING, acknowledged.procedure());
        assertEquals(Status.ACKNOWLEDGED, acknowledged.status());
        assertEquals(ServiceArea.of("housing", "Housing"), acknowledged.serviceArea());
        assertEquals(Procedure.HOUSING, complaints.findByReference("H-002").orElseThrow().procedure());
    }

    @Test
    void stageOneAsASpreadsheetWritesItAndWhatElseCanBeImported() {
        for (String stage : List.of("", "1", "1.0", "1.00", "Stage 1", "stage_1")) {
            LegacyLabels.stageOne(stage);
        }
        assertEquals("stage: '2.0': only stage 1 cases can be imported (one row has no dates for the earlier stage); "
                + "import stage 1 and escalate it in the system",
                assertThrows(RowRejectedException.class, () -> LegacyLabels.stageOne("2.0")).getMessage());
        assertEquals("stage: '1.5' is not a stage: only stage 1 cases can be imported, with stage blank or 1 (one row "
                + "has no dates for an earlier stage; a later stage is escalated in the system after import)",
                assertThrows(RowRejectedException.class, () -> LegacyLabels.stageOne("1.5")).getMessage());
    }

    private LegacyImporter importer() {
        out = new StringWriter();
        err = new StringWriter();
        return new LegacyImporter(store, clock, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path csv(String name, String... rows) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join(",", HEADER) + "\r\n" + String.join("\r\n", rows) + "\r\n");
        return file;
    }

    /** A CSV line in {@link #HEADER}'s order from {@code column=value} pairs (columns in lower case). */
    static String row(String... pairs) {
        Map<String, String> values = Arrays.stream(pairs).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        List<String> cells = new ArrayList<>();
        for (String column : HEADER) {
            cells.add(values.getOrDefault(column.toLowerCase(java.util.Locale.ROOT), ""));
        }
        return String.join(",", cells);
    }

    private static List<EventType> types(List<ComplaintEvent> history) {
        return history.stream().map(ComplaintEvent::type).toList();
    }

    private static Map<String, String> without(Map<String, String> map, String key) {
        Map<String, String> copy = new HashMap<>(map);
        copy.remove(key);
        return copy;
    }

    /** The cells of a CSV record. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        assertFalse(quoted, line);
        return cells;
    }
}
