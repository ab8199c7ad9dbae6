package uk.councilcomplaints.examples.cli.legacy;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.councilcomplaints.ComplaintsException;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Imports a legacy tracker spreadsheet saved as CSV, one row per case, through the {@link Complaints} facade:
 * each row becomes its list of commands ({@link RowPlan}), dated on the spreadsheet's days and recorded now
 * with the reason that they came from the spreadsheet.
 *
 * <p>A row is stored whole or not at all. Its plan is first checked without the library (labels, dates,
 * order), then tried on a scratch store ({@link DryRunStore}: an empty memory store per row, reading through
 * to the real store only to load a duplicate's original) by the same facade rules; only a row whose every
 * command passes there is recorded in the real store. A row refused at its fourth milestone so leaves nothing
 * behind. (With a batch append in the store, storing a plan becomes one atomic call: {@link #store}.)
 *
 * <p>The legacy reference is the key: a row whose reference the store holds is "already present" and not
 * stored again, so importing a file twice imports nothing the second time. Rows refused are written with their
 * row number and reason to {@code FILE.rejected.csv}; possible duplicates are printed. Not thread-safe.
 */
public final class LegacyImporter {

    /** Progress goes to the error stream after every this many rows. */
    static final int PROGRESS_EVERY = 1000;

    private final Complaints complaints;
    private final DryRunStore dryRunStore;
    private final Complaints dryRun;
    private final RowPlanner planner;
    private final PrintWriter out;
    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final int progressEvery;

    /**
     * An importer into {@code store}, recording events at {@code clock}'s instants; possible duplicates are
     * printed on {@code out}, progress and warnings on {@code err}.
     */
    public LegacyImporter(ComplaintStore store, Clock clock, PrintWriter out, PrintWriter err) {
        this(store, clock, out, err, System::nanoTime, PROGRESS_EVERY);
    }

    LegacyImporter(ComplaintStore store, Clock clock, PrintWriter out, PrintWriter err, LongSupplier nanoTime,
            int progressEvery) {
        this.complaints = Complaints.builder(requireNonNull(store, "store")).clock(clock).build();
        this.dryRunStore = new DryRunStore(store);
        this.dryRun = Complaints.builder(dryRunStore).clock(clock).build();
        this.planner = new RowPlanner(clock);
        this.out = requireNonNull(out, "out");
        this.err = requireNonNull(err, "err");
        this.nanoTime = nanoTime;
        this.progressEvery = progressEvery;
    }

    /** Where the rejected rows of {@code csv} go: {@code FILE.rejected.csv} beside it. */
    public static Path rejectedFile(Path csv) {
        String name = csv.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(base + ".rejected.csv");
    }

    /**
     * Imports every row of {@code csv}.
     *
     * @throws LegacyImportException if the file cannot be read as a spreadsheet of cases
     * @throws IOException if it cannot be read or the rejected rows cannot be written
     */
    public ImportSummary importFile(Path csv) throws IOException {
        Path rejectedPath = rejectedFile(csv);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                .setTrim(true).setIgnoreEmptyLines(true).get();
        Run run = new Run(csv);
        try (BufferedReader reader = utf8(csv);
                CSVParser parser = parse(format, reader, csv);
                BufferedWriter rejects = Files.newBufferedWriter(rejectedPath, StandardCharsets.UTF_8)) {
            Map<String, Integer> columns = columns(parser.getHeaderNames(), csv);
            List<String> header = new ArrayList<>(List.of("row", "reason"));
            header.addAll(parser.getHeaderNames());
            writeRecord(rejects, header);
            for (CSVRecord record : parser) {
                run.row(record, columns, rejects);
            }
        } catch (UncheckedIOException e) {
            throw unreadable(csv, e.getCause(), run);
        } catch (MalformedInputException e) {
            throw unreadable(csv, e, run);
        }
        if (run.blank > 0) {
            err.println("skipped " + run.blank + " rows with every cell blank");
        }
        return new ImportSummary(run.rows, run.imported, run.present, run.rejected, run.duplicates, rejectedPath);
    }

    private static BufferedReader utf8(Path csv) throws IOException {
        BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset(); // no byte-order mark, as spreadsheets sometimes write
        }
        return reader;
    }

    private static CSVParser parse(CSVFormat format, BufferedReader reader, Path csv) throws IOException {
        try {
            return CSVParser.parse(reader, format);
        } catch (IllegalArgumentException e) {
            throw new LegacyImportException(csv + ": the header row cannot be read: " + e.getMessage(), e);
        }
    }

    /** The index of each column by lower-case name; fails if a required one is missing. */
    private Map<String, Integer> columns(List<String> names, Path csv) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            columns.put(name, i);
            if (!Columns.KNOWN.contains(name)) {
                unknown.add(names.get(i));
            }
        }
        List<String> missing = Columns.REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new LegacyImportException(csv + ": the header row has no column " + String.join(", ", missing)
                    + " (it needs " + String.join(", ", Columns.REQUIRED) + "; see --help)", null);
        }
        if (!unknown.isEmpty()) {
            err.println("ignoring columns " + unknown);
        }
        return columns;
    }

    private static LegacyImportException unreadable(Path csv, IOException cause, Run run) {
        return new LegacyImportException(cause instanceof MalformedInputException
                ? csv + " is not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\"" + run.soFar()
                : csv + " cannot be read as CSV: " + cause.getMessage() + run.soFar(), cause);
    }

    private static void writeRecord(BufferedWriter writer, List<String> cells) throws IOException {
        writer.write(CSVFormat.RFC4180.format(cells.toArray()));
        writer.write("\r\n");
    }

    /**
     * Stores a checked row: its commands one by one through the facade, as the store has no batch append yet.
     * Every command already passed on the scratch store, so only a concurrent change can refuse one here.
     */
    private void store(RowPlan plan) {
        try {
            plan.applyTo(complaints);
        } catch (ComplaintsException e) {
            throw new RowRejectedException("refused while storing, after it passed the dry run (" + e.getMessage()
                    + "); check " + plan.reference() + " by hand");
        }
    }

    /** One pass over a file: the counts, the duplicates seen, the progress clock. */
    private final class Run {
        private final Path csv;
        private final PossibleDuplicates seen = new PossibleDuplicates();
        private final Set<String> references = new HashSet<>();
        private final long started = nanoTime.getAsLong();
        private int rows;
        private int blank;
        private int imported;
        private int present;
        private int rejected;
        private int duplicates;

        Run(Path csv) {
            this.csv = csv;
        }

        void row(CSVRecord record, Map<String, Integer> columns, BufferedWriter rejects) throws IOException {
            if (record.stream().allMatch(String::isEmpty)) {
                blank++;
                return;
            }
            rows++;
            int row = (int) record.getRecordNumber() + 1; // the header is row 1
            try {
                if (!record.isConsistent()) {
                    throw new RowRejectedException("the row has " + record.size() + " cells, the header "
                            + columns.size());
                }
                Map<String, String> fields = new HashMap<>();
                columns.forEach((name, i) -> fields.put(name, record.get(i)));
                importRow(row, fields);
            } catch (RowRejectedException | ComplaintsException | IllegalArgumentException e) {
                rejected++;
                List<String> line = new ArrayList<>(List.of(Integer.toString(row), e.getMessage()));
                record.forEach(line::add);
                writeRecord(rejects, line);
            }
            if (rows % progressEvery == 0) {
                double seconds = Math.max(1e-9, (nanoTime.getAsLong() - started) / 1e9);
                err.printf(Locale.UK, "%s: %,d rows, %,.0f rows/s%n", csv.getFileName(), rows, rows / seconds);
                err.flush();
            }
        }

        private void importRow(int row, Map<String, String> fields) {
            String reference = fields.getOrDefault(Columns.REFERENCE, "");
            PossibleDuplicates.Seen seen = seen(row, fields);
            if (!reference.isEmpty() && complaints.findByReference(reference).isPresent()) {
                present++;
                remember(seen);
                return;
            }
            Optional<PossibleDuplicates.Match> match = this.seen.match(seen);
            RowPlan plan = planner.plan(row, fields, this::idOf, match.map(m -> m.earlier().reference()));
            dryRunStore.reset();
            plan.applyTo(dryRun);
            store(plan);
            imported++;
            remember(seen);
        }

        /**
         * Counts and prints a possible duplicate of a row now in the store, and remembers the row; a row repeating
         * an earlier row's reference is that row, not a duplicate of another.
         */
        private void remember(PossibleDuplicates.Seen row) {
            if (!references.add(row.reference())) {
                return;
            }
            seen.match(row).ifPresent(m -> {
                duplicates++;
                out.println("possible duplicate: row " + row.row() + " (" + row.reference() + ") and row "
                        + m.earlier().row() + " (" + m.earlier().reference() + "): " + m.why());
            });
            seen.add(row);
        }

        private Optional<ComplaintId> idOf(String reference) {
            return complaints.findByReference(reference).map(Complaint::id);
        }

        private PossibleDuplicates.Seen seen(int row, Map<String, String> fields) {
            Optional<LocalDate> received;
            try {
                String text = fields.getOrDefault(Columns.RECEIVED_ON, "");
                received = text.isEmpty() ? Optional.empty() : Optional.of(LegacyDates.parse(text));
            } catch (DateTimeParseException e) {
                received = Optional.empty();
            }
            return PossibleDuplicates.Seen.of(row, fields.getOrDefault(Columns.REFERENCE, ""),
                    fields.getOrDefault(Columns.COMPLAINANT_EMAIL, ""),
                    fields.getOrDefault(Columns.COMPLAINANT_NAME, ""),
                    fields.getOrDefault(Columns.SERVICE_AREA, ""), received, fields.getOrDefault(Columns.SUMMARY, ""));
        }

        String soFar() {
            return rows == 0 ? "" : " (after " + rows + " rows: imported " + imported + ", already present " + present
                    + ", rejected " + rejected + ")";
        }
    }
}
