package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.testing.HostileInputs;
import uk.councilcomplaints.testing.HostileInputs.Field;
import uk.councilcomplaints.testing.HostileInputs.HostileInput;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Hostile spreadsheets through {@code complaints import}, on memory, an H2 file and PostgreSQL. Cells carry core's
 * hostile input corpus and bad dates and labels: every row is either imported and reads back exactly (a cell
 * trimmed of surrounding blanks, as the importer reads cells) or listed in {@code FILE.rejected.csv} with its row
 * number and a reason naming the column or field, and no rejected row leaves anything behind. A file-level fault
 * (broken quoting, not UTF-8, a wrong, missing or doubled header, an empty file) prints one line, exits non-zero
 * and stores nothing; a byte-order mark, Windows line endings and line breaks inside quoted cells are read as
 * meant.
 */
class HostileImportTest {

    private static final List<String> HEADER = List.of("reference", "received_on", "service_area", "type", "stage",
            "complainant_name", "complainant_email", "summary", "triaged_on", "allocated_on", "officer", "team",
            "responded_on", "outcome", "closed_on", "closure_reason", "matter_date");

    /** The column each corpus field goes into; the others have no column. */
    private static final Map<Field, String> COLUMNS = Map.of(Field.REFERENCE, "reference", Field.NAME,
            "complainant_name", Field.EMAIL, "complainant_email", Field.SUMMARY, "summary", Field.OFFICER, "officer",
            Field.TEAM, "team");

    /** One row: what goes in which cells, whether it must be imported, and what must read back. */
    private record Case(String what, Map<String, String> cells, boolean imported, String column,
            Function<Stored, Object> read, Object expected) {
    }

    /** A stored complaint as read back. */
    private record Stored(Complaint complaint, Optional<PersonalData> personal) {
    }

    private static Map<String, String> base(int n) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : HEADER) {
            row.put(column, "");
        }
        row.put("reference", "H-" + n);
        row.put("received_on", "2022-01-10");
        row.put("service_area", "Corporate");
        row.put("type", "Corporate");
        row.put("complainant_name", "Ann Example");
        row.put("summary", "Bins not collected");
        row.put("allocated_on", "2022-01-12");
        row.put("officer", "b.officer");
        return row;
    }

    private static Object read(Field field, Stored s) {
        return switch (field) {
            case REFERENCE -> s.complaint().reference();
            case NAME -> s.personal().orElseThrow().complainant().name();
            case EMAIL -> s.personal().orElseThrow().complainant().email().orElseThrow();
            case SUMMARY -> s.personal().orElseThrow().summary();
            case OFFICER -> s.complaint().officer().orElseThrow();
            case TEAM -> s.complaint().team().orElseThrow();
            default -> throw new IllegalArgumentException(field.toString());
        };
    }

    /** The corpus's text in the columns that take it, then dates and labels. */
    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (HostileInput input : HostileInputs.corpus()) {
            String column = COLUMNS.get(input.field());
            // a cell is text, never null; the importer trims cells, so text it would change is left to the rows below
            // a UTF-8 file cannot hold an unpaired surrogate at all
            if (column == null || !(input.value() instanceof String text) || !text.equals(text.trim())
                    || !StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
                continue;
            }
            // a blank email or team cell means none (the default team): tested by the corpus through the API
            if (text.isEmpty() && (input.field() == Field.EMAIL || input.field() == Field.TEAM)) {
                continue;
            }
            Map<String, String> row = base(cases.size());
            row.put(column, text);
            // an empty reference is "missing", and so rejected naming the column as the corpus expects
            cases.add(new Case(input.toString(), row, input.stored(), column, s -> read(input.field(), s),
                    input.readBack()));
        }
        cell(cases, "complainant_name", "  Padded Name\t", true, s -> read(Field.NAME, s), "Padded Name");
        cell(cases, "summary", "line one\r\nline two\nline three", true, s -> read(Field.SUMMARY, s),
                "line one\r\nline two\nline three");
        cell(cases, "summary", "a \"quoted\" word, and a comma", true, s -> read(Field.SUMMARY, s),
                "a \"quoted\" word, and a comma");
        for (String[] d : new String[][] {{"1899-12-31", "receivedAt"}, {"1066-10-14", "receivedAt"},
                {"2300-01-01", "received_on"}, {"2022-04-02", "received_on"}, {"31/02/2022", "received_on"},
                {"2022-13-01", "received_on"}, {"yesterday", "received_on"}, {"", "received_on"},
                {"1/1/22", "receivedAt"}, {"10-01-2022", "received_on"},
                {"9".repeat(60), "received_on"}}) {
            cell(cases, "received_on", d[0], false, s -> null, null);
        }
        cell(cases, "received_on", "10/01/2022", true,
                s -> uk.councilcomplaints.model.LondonDays.dayOf(s.complaint().receivedAt()), LocalDate.of(2022, 1, 10));
        // a time after the day, as Excel's text exports write it, is read and ignored: the day counts
        for (String text : List.of("2022-01-10T09:00", "10/01/2022 09:30", "10-Jan-2022", "10 January 2022")) {
            cell(cases, "received_on", text, true,
                    s -> uk.councilcomplaints.model.LondonDays.dayOf(s.complaint().receivedAt()), LocalDate.of(2022, 1, 10));
        }
        cell(cases, "matter_date", "1900-01-01", true, s -> s.complaint().matterDate().orElseThrow(),
                LocalDate.of(1900, 1, 1));
        for (String[] d : new String[][] {{"1899-12-31", "matterDate"}, {"2300-01-01", "matter_date"},
                {"not a date", "matter_date"}, {"2022-01-11", "matterDate"}}) {
            cell(cases, "matter_date", d[0], false, s -> null, null);
        }
        cell(cases, "triaged_on", "2022-01-09", false, s -> null, null);
        cell(cases, "allocated_on", "2022-04-02", false, s -> null, null);
        cell(cases, "type", "statutory_ADULTS", true, s -> s.complaint().procedure().name(), "ADULT_SOCIAL_CARE");
        for (String label : List.of("Nonsense", "", "Corporate'; DROP TABLE complaints; --", "Statutory Adults😀",
                "x".repeat(5_000))) {
            cell(cases, "type", label, false, s -> null, null);
        }
        cell(cases, "service_area", "Ffyrdd a Phalmentydd 🚧", true, s -> s.complaint().serviceArea().code(),
                "ffyrdd-a-phalmentydd");
        for (String label : List.of("😀", "", "-", "y".repeat(101))) {
            cell(cases, "service_area", label, false, s -> null, null);
        }
        cell(cases, "stage", "1", true, s -> s.complaint().stage().number(), 1);
        for (String label : List.of("2", "one", "0", "-1")) {
            cell(cases, "stage", label, false, s -> null, null);
        }
        Case responded = cell(cases, "outcome", "maybe", false, s -> null, null);
        responded.cells().put("responded_on", "2022-01-20");
        Case closed = cell(cases, "closure_reason", "lost", false, s -> null, null);
        closed.cells().put("closed_on", "2022-01-20");
        return cases;
    }

    /** A row with one cell set; the reason of a rejection must name the column or its field. */
    private static Case cell(List<Case> cases, String column, String value, boolean imported,
            Function<Stored, Object> read, Object expected) {
        Map<String, String> row = base(cases.size());
        row.put(column, value);
        Case c = new Case(column + " '" + (value.length() > 40 ? value.substring(0, 37) + "..." : value) + "'", row,
                imported, column, read, expected);
        cases.add(c);
        return c;
    }

    static Stream<String> stores() {
        return Stream.of("memory", "h2", "postgresql");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void everyRowIsImportedExactlyOrRejectedWithItsRowAndReason(String kind, @TempDir Path dir) throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 100, cases.size() + " rows");
        Path file = dir.resolve("hostile.csv");
        write(file, cases, "\r\n", true);
        try (Target target = Target.of(kind, dir)) {
            Cli.Result run = target.run("import", file.toString());
            assertEquals(0, run.exitCode(), run.err());
            Map<Integer, String> rejected = rejects(dir.resolve("hostile.rejected.csv"));
            Complaints complaints = Complaints.builder(target.store()).build();
            int imported = 0;
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                int row = i + 2; // the header is row 1
                String reference = c.cells().get("reference");
                // a reference no stored value can hold is refused as a lookup: it cannot have been stored
                Optional<Complaint> stored = !ComplaintQuery.canMatch(reference) ? Optional.empty()
                        : complaints.findByReference(reference);
                if (c.imported()) {
                    assertFalse(rejected.containsKey(row), c.what() + ": " + rejected.get(row));
                    Complaint complaint = stored.orElseThrow(() -> new AssertionError(c.what() + " not stored"));
                    Stored s = new Stored(complaint, target.store().personalData(complaint.id()));
                    assertEquals(c.expected(), c.read().apply(s), c.what());
                    assertEquals(complaint, complaints.stateAsOf(complaint.id(), complaint.lastOccurredAt(), KnownAt.latest())
                            .orElseThrow(), c.what() + ": whole");
                    imported++;
                } else {
                    String reason = rejected.get(row);
                    assertTrue(reason != null, c.what() + " (row " + row + ") is not in the rejects file");
                    String field = fieldOf(c.column());
                    assertTrue(reason.contains(c.column()) || reason.contains(field),
                            c.what() + " (row " + row + "): the reason names " + c.column() + ": " + reason);
                    assertTrue(reason.length() < 1_000, c.what() + ": a short reason, was " + reason.length());
                    assertTrue(stored.isEmpty(), c.what() + ": nothing of a rejected row is stored");
                }
            }
            assertEquals(cases.size() - imported, rejected.size(), "every row imported or rejected, once");
            assertEquals(imported, count(target.store()));
            assertTrue(run.out().contains("imported " + imported + ", already present 0, rejected "
                    + rejected.size()), run.out());
        }
    }

    /** The library's name for a column's field, as its validation messages give it. */
    private static String fieldOf(String column) {
        return switch (column) {
            case "complainant_name" -> "complainant.name";
            case "complainant_email" -> "complainant.email";
            case "received_on" -> "receivedAt";
            case "matter_date" -> "matterDate";
            default -> column;
        };
    }

    @Test
    void aByteOrderMarkWindowsLineEndingsAndQuotedLineBreaksAreReadAsMeant(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("excel.csv");
        String csv = "\uFEFFReference,Received_On,Service_Area,Type,Complainant_Name,Summary\r\n"
                + "B-1,2022-01-10,Adults,Statutory Adults,Ann,\"two\r\nlines, \"\"quoted\"\"\"\r\n"
                + "B-2,10/01/2022,Corporate,Corporate,Bob,Siân 😀\r\n";
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        Cli.Result run = Cli.run(store, "import", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("imported 2, already present 0, rejected 0, possible duplicates 0", run.out().strip());
        Complaints complaints = Complaints.builder(store).build();
        assertEquals("two\r\nlines, \"quoted\"", store.personalData(complaints.findByReference("B-1").orElseThrow()
                .id()).orElseThrow().summary());
        assertEquals("Siân 😀", store.personalData(complaints.findByReference("B-2").orElseThrow().id())
                .orElseThrow().summary());
    }

    /** A file-level fault: one line on the error stream naming the file, exit 1, nothing stored. */
    private static void refusedWhole(Path dir, String name, byte[] content, String says) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        for (String kind : List.of("memory", "h2")) {
            try (Target target = Target.of(kind, dir.resolve(kind + "-" + name))) {
                Cli.Result run = target.run("import", file.toString());
                assertEquals(1, run.exitCode(), name + ": " + run.out() + run.err());
                List<String> lines = run.err().lines().toList();
                assertEquals(1, lines.size(), name + ": " + run.err());
                assertTrue(lines.get(0).contains(file.toString()) && lines.get(0).contains(says),
                        name + ": " + lines.get(0));
                assertEquals(0, count(target.store()), name + ": nothing stored");
            }
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final String GOOD_HEADER = "reference,received_on,service_area,type,complainant_name,summary\r\n";
    private static final String GOOD_ROWS = "F-1,2022-01-10,Adults,Statutory Adults,Ann,Care\r\n"
            + "F-2,2022-01-11,Adults,Statutory Adults,Bob,Care\r\n";

    @Test
    void brokenQuotingStoresNothing(@TempDir Path dir) throws IOException {
        refusedWhole(dir, "unclosed.csv", utf8(GOOD_HEADER + GOOD_ROWS + "F-3,2022-01-12,Adults,Corporate,Cy,\"never closed\r\n"
                + "F-4,2022-01-12,Adults,Corporate,Di,after\r\n"), "cannot be read as CSV (after row 3)");
        refusedWhole(dir, "stray.csv", utf8(GOOD_HEADER + GOOD_ROWS + "F-3,2022-01-12,Adults,\"Corp\"orate,Cy,x\r\n"),
                "cannot be read as CSV (after row 3)");
        refusedWhole(dir, "header-quote.csv", utf8("reference,\"received_on,service_area,type\r\n" + GOOD_ROWS),
                "cannot be read as CSV");
    }

    @Test
    void aFileThatIsNotUtf8StoresNothing(@TempDir Path dir) throws IOException {
        byte[] latin1 = (GOOD_HEADER + GOOD_ROWS + "F-3,2022-01-12,Adults,Corporate,Siân,Care\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        refusedWhole(dir, "latin1.csv", latin1, "is not UTF-8 text");
        byte[] utf16 = (GOOD_HEADER + GOOD_ROWS).getBytes(StandardCharsets.UTF_16);
        refusedWhole(dir, "utf16.csv", utf16, "is not UTF-8 text");
    }

    @Test
    void aWrongMissingOrDoubledHeaderStoresNothing(@TempDir Path dir) throws IOException {
        refusedWhole(dir, "wrong.csv", utf8("ref,date,area,kind,complainant_name,summary\r\n" + GOOD_ROWS),
                "the header row has no column reference, received_on, service_area, type");
        refusedWhole(dir, "headless.csv", utf8(GOOD_ROWS), "the header row has no column");
        refusedWhole(dir, "twice.csv", utf8("reference,received_on,service_area,type,complainant_name,Reference\r\n" + GOOD_ROWS),
                "names column reference twice (columns 1 and 6)");
        refusedWhole(dir, "twice-spaced.csv", utf8("reference,received_on,service_area,type,summary, summary \r\n"
                + "F-1,2022-01-10,Adults,Statutory Adults,one,two\r\n"), "names column summary twice");
        refusedWhole(dir, "empty.csv", new byte[0], "is empty");
        refusedWhole(dir, "bom-only.csv", utf8("\uFEFF"), "is empty");
    }

    @Test
    void aRowOfTheWrongWidthIsRejectedAndTheOthersImported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ragged.csv");
        Files.writeString(file, GOOD_HEADER + "R-1,2022-01-10,Adults\r\n" + GOOD_ROWS
                + "R-2,2022-01-10,Adults,Corporate,Cy,x,extra\r\n\r\n");
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        Cli.Result run = Cli.run(store, "import", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("imported 2, already present 0, rejected 2, possible duplicates 0",
                run.out().lines().findFirst().orElseThrow());
        Map<Integer, String> rejected = rejects(dir.resolve("ragged.rejected.csv"));
        assertEquals(List.of(2, 5), rejected.keySet().stream().sorted().toList());
        assertTrue(rejected.get(2).contains("the row has 3 cells, the header 6"), rejected.get(2));
        assertTrue(rejected.get(5).contains("the row has 7 cells, the header 6"), rejected.get(5));
    }

    /** Writes the rows as a spreadsheet would, every cell quoted where it needs to be. */
    private static void write(Path file, List<Case> cases, String lineEnding, boolean bom) throws IOException {
        StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "");
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator(lineEnding).get();
        csv.append(format.format(HEADER.toArray())).append(lineEnding);
        for (Case c : cases) {
            csv.append(format.format(HEADER.stream().map(c.cells()::get).toArray())).append(lineEnding);
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /** The rejects file: reason by row number; each row once. */
    private static Map<Integer, String> rejects(Path file) throws IOException {
        Map<Integer, String> reasons = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setHeader()
                        .setSkipHeaderRecord(true).get())) {
            assertEquals(List.of("row", "reason"), parser.getHeaderNames().subList(0, 2));
            for (CSVRecord r : parser) {
                assertEquals(null, reasons.put(Integer.parseInt(r.get("row")), r.get("reason")), "row " + r.get("row"));
            }
        }
        return reasons;
    }

    private static long count(ComplaintStore store) {
        long n = 0;
        Optional<uk.councilcomplaints.store.Cursor> after = Optional.empty();
        do {
            ComplaintQuery.Builder q = ComplaintQuery.builder().limit(500);
            after.ifPresent(q::after);
            uk.councilcomplaints.store.Page<Complaint> page = store.find(q.build());
            n += page.items().size();
            after = page.next();
        } while (after.isPresent());
        return n;
    }

    /** Where an import runs: a memory store kept across runs, an H2 file or a PostgreSQL database. */
    private record Target(String kind, Optional<String> url, ComplaintStore store, AutoCloseable closer)
            implements AutoCloseable {

        static Target of(String kind, Path dir) {
            if (kind.equals("memory")) {
                return new Target(kind, Optional.empty(), new InMemoryComplaintStore(), () -> { });
            }
            String url = kind.equals("h2") ? "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                    : TestPostgres.newMigratedDatabaseUrl();
            OpenStore open = JdbcStores.open(StoreOptions.of(StoreOptions.Kind.JDBC, url, false));
            return new Target(kind, Optional.of(url), open.store(), open);
        }

        Cli.Result run(String... args) {
            if (url.isEmpty()) {
                return Cli.run(store, args);
            }
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--db", url.get()));
            return Cli.run(Clock.fixed(Cli.APRIL_2022, ZoneOffset.UTC), StoreFactory.standard(),
                    all.toArray(String[]::new));
        }

        @Override
        public void close() {
            try {
                closer.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
