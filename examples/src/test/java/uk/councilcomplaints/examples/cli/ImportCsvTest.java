package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/**
 * {@code complaints import FILE.csv}: the separator found from the header, a folder named as the file, the row of
 * a byte that is not UTF-8, row numbers that count empty lines as a spreadsheet does, and no rejects file when
 * nothing is rejected.
 */
class ImportCsvTest {

    @TempDir
    Path dir;

    /** How the command line starts an error. */
    private static final String E = "complaints import: ";

    private static final String HEADER = "reference,received_on,service_area,type,complainant_name,summary";

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theSeparatorIsACommaASemicolonOrATabFoundFromTheHeader() throws IOException {
        for (String sep : List.of(",", ";", "\t")) {
            Path file = file("sep.csv", String.join("\r\n", HEADER.replace(",", sep),
                    String.join(sep, "S-1", "10/01/2022", "Corporate", "Corporate", "Ann", "Bins"),
                    String.join(sep, "S-2", "10/01/2022", "Corporate", "Corporate", "Bob",
                            "\"Parking; permits,\ttoo \"\"quoted\"\"\"")));
            InMemoryComplaintStore store = new InMemoryComplaintStore();
            Cli.Result run = Cli.run(store, "import", file.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("imported 2, already present 0, rejected 0, possible duplicates 0", run.out().strip(),
                    "separated by '" + sep + "': " + run.err());
            assertEquals(sep.equals(",") ? "sep.csv: 2 rows in" : "sep.csv: read as CSV with a "
                    + (sep.equals(";") ? "semicolon" : "tab") + " between columns",
                    run.err().lines().findFirst().orElseThrow().replaceFirst(" in .*", " in"));
        }
    }

    @Test
    void theSeparatorCanBeGivenAndAHeaderThatDoesNotParseSaysWhatWasTried() throws IOException {
        Path file = file("semi.csv", HEADER.replace(",", ";") + "\r\nS-1;10/01/2022;Corporate;Corporate;Ann;x\r\n");
        Cli.Result given = Cli.run("import", "--store", "memory", "--separator", "semicolon", file.toString());
        assertEquals(0, given.exitCode(), given.err());
        Cli.Result wrong = Cli.run("import", "--store", "memory", "--separator", "comma", file.toString());
        assertEquals(1, wrong.exitCode());
        assertEquals(E + file + ": the header row has no column reference, received_on, service_area, type (it needs "
                + "reference, received_on, service_area, type; see --help) (read with a comma between columns "
                + "(--separator), the header row was "
                + "'reference;received_on;service_area;type;complainant_name;...')", wrong.err().strip());
        Cli.Result bad = Cli.run("import", "--store", "memory", "--separator", "pipe", file.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("complaints import: --separator: 'pipe' is not comma, semicolon or tab"),
                bad.err());

        Path pipes = file("pipes.csv", HEADER.replace(",", "|") + "\r\nS-1|10/01/2022|Corporate|Corporate|Ann|x\r\n");
        Cli.Result detected = Cli.run("import", "--store", "memory", pipes.toString());
        assertEquals(1, detected.exitCode());
        assertEquals(E + pipes + ": the header row has no column reference, received_on, service_area, type (it needs "
                + "reference, received_on, service_area, type; see --help) (read with a comma, a semicolon and a "
                + "tab between columns, the header row was "
                + "'reference|received_on|service_area|type|complainant_name|...')", detected.err().strip());
        Path tabs = file("tabs.csv", "ref\tdate\r\n");
        Cli.Result shown = Cli.run("import", "--store", "memory", tabs.toString());
        assertTrue(shown.err().strip().endsWith("the header row was 'ref\\tdate')"), shown.err());
    }

    @Test
    void aFolderIsNotAFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("tracker.csv"));
        Cli.Result run = Cli.run("import", "--store", "memory", folder.toString());
        assertEquals(1, run.exitCode());
        assertEquals(E + folder + " is a folder, not a file", run.err().strip());
        Cli.Result none = Cli.run("import", "--store", "memory", dir.resolve("none.csv").toString());
        assertEquals(E + dir.resolve("none.csv") + ": no such file", none.err().strip());
    }

    /**
     * The reader decodes thousands of characters ahead of the row being parsed, so the error used to name the row
     * being parsed when the decoder met the byte (here row 1, "after row 1"), not the row holding it.
     */
    @Test
    void aByteThatIsNotUtf8IsNamedWithItsRow() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("U-1,2022-01-10,Adults,Statutory Adults,Ann,\"two\r\nlines\"\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8)); // row 2, a quoted line break; row 3 empty
        for (int i = 4; i <= 40; i++) {
            bytes.writeBytes(("U-" + i + ",2022-01-10,Adults,Statutory Adults,Ann Siân,Care\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        int offset = bytes.size() + "U-41,2022-01-10,Adults,Statutory Adults,Si".length();
        bytes.writeBytes("U-41,2022-01-10,Adults,Statutory Adults,Siân,Care\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes("U-42,2022-01-10,Adults,Statutory Adults,Bob,Care\r\n".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("latin1.csv");
        Files.write(file, bytes.toByteArray());
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        Cli.Result run = Cli.run(store, "import", file.toString());
        assertEquals(1, run.exitCode());
        assertEquals(E + file + " is not UTF-8 text: row 41 has a byte UTF-8 does not allow (0xE2 at byte " + offset
                + " of the file): save it from the spreadsheet as \"CSV UTF-8\", or import the .xlsx workbook "
                + "itself; nothing was imported", run.err().strip());
        assertEquals(0, store.size());

        Path header = dir.resolve("header.csv");
        Files.write(header, "reference,received_on,service_area,type,Siân\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Cli.Result first = Cli.run("import", "--store", "memory", header.toString());
        assertTrue(first.err().contains(" is not UTF-8 text: row 1 has a byte"), first.err());
    }

    @Test
    void rowNumbersCountEmptyLinesAsTheSpreadsheetShowsThem() throws IOException {
        Path file = file("gaps.csv", HEADER + "\r\n\r\nG-1,2022-01-10,Adults,Nonsense,Ann,x\r\n\r\n,,,,,\r\n"
                + "G-2,2022-01-10,Adults,Statutory Adults,Bob,x\r\nG-3,yesterday,Adults,Statutory Adults,Cy,x\r\n");
        Cli.Result run = Cli.run("import", "--store", "memory", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("imported 1, already present 0, rejected 2, possible duplicates 0",
                run.out().lines().findFirst().orElseThrow());
        List<String> rejects = Files.readAllLines(dir.resolve("gaps.rejected.csv"));
        assertTrue(rejects.get(1).startsWith("3,\"type: 'Nonsense'"), rejects.get(1));
        assertTrue(rejects.get(2).startsWith("7,received_on: 'yesterday' is not a date"), rejects.get(2));
        assertTrue(run.err().contains("skipped 3 rows with every cell blank"), run.err());
    }

    @Test
    void noRejectsFileWhenNothingIsRejectedAndAnEarlierOneIsRemoved() throws IOException {
        Path file = file("clean.csv", HEADER + "\r\nC-1,2022-01-10,Adults,Statutory Adults,Ann,x\r\n");
        Path rejects = dir.resolve("clean.rejected.csv");
        Cli.Result run = Cli.run("import", "--store", "memory", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(rejects), "no empty rejects file");
        assertFalse(Files.exists(dir.resolve("clean.duplicates.csv")), "no empty duplicates file");

        Files.writeString(rejects, "row,reason\r\n2,from an earlier run\r\n");
        Cli.Result again = Cli.run("import", "--store", "memory", file.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertFalse(Files.exists(rejects), "an earlier run's rejects are not left looking current");
        assertTrue(again.err().contains("no row rejected: removed " + rejects + ", left by an earlier import"),
                again.err());

        Path broken = file("clean.csv", HEADER + "\r\nC-1,2022-01-10,\"never closed\r\n");
        Files.writeString(rejects, "row,reason\r\n2,from an earlier run\r\n");
        Cli.Result refused = Cli.run("import", "--store", "memory", broken.toString());
        assertEquals(1, refused.exitCode());
        assertTrue(Files.exists(rejects), "a file refused whole leaves the earlier files as they were");
    }

    @Test
    void stageOnePointZeroIsStageOneAndAnotherStageSaysWhatCanBeImported() throws IOException {
        Path file = file("stages.csv", HEADER + ",stage\r\nP-1,2022-01-10,Adults,Statutory Adults,Ann,x,1.0\r\n"
                + "P-2,2022-01-10,Adults,Statutory Adults,Bob,x,one\r\n");
        Cli.Result run = Cli.run("import", "--store", "memory", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("imported 1, already present 0, rejected 1"), run.out());
        assertEquals("3,\"stage: 'one' is not a stage: only stage 1 cases can be imported, with stage blank or 1 (one "
                + "row has no dates for an earlier stage; a later stage is escalated in the system after import)\","
                + "P-2,2022-01-10,Adults,Statutory Adults,Bob,x,one",
                Files.readAllLines(dir.resolve("stages.rejected.csv")).get(1));
    }
}
