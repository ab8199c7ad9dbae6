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
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.councilcomplaints.ComplaintsException;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Imports a legacy tracker spreadsheet saved as CSV, one row per case, through the {@link Complaints} facade:
 * each row becomes its list of commands ({@link RowPlan}), dated on the spreadsheet's days and recorded now
 * with the reason that they came from the spreadsheet.
 *
 * <p>A row is stored whole or not at all. Its plan is first checked without the library (labels, dates,
 * order), then its commands are decided into the facade's {@link Batch} by the facade's rules, all or none of
 * them ({@link Batch#allOrNone}); the batch is stored {@value #BATCH_ROWS} rows at a time with one
 * {@link ComplaintStore#appendAll} call, on a thread of its own while the next batch is decided (one batch in
 * flight; the import returns once every batch is stored). A row refused at its fourth milestone so leaves
 * nothing behind. The references of a batch's rows are looked up in the store with one call.
 *
 * <p>The legacy reference is the key: a row whose reference the store holds is "already present" and not
 * stored again, so importing a file twice imports nothing the second time. Rows refused are written with their
 * row number and reason to {@code FILE.rejected.csv}; possible duplicates are printed. Not thread-safe.
 */
public final class LegacyImporter {

    /** Progress goes to the error stream after every this many rows. */
    static final int PROGRESS_EVERY = 1000;

    /** Rows stored together in one batch. */
    static final int BATCH_ROWS = 2000;

    private final Complaints complaints;
    private final RowPlanner planner;
    private final PrintWriter out;
    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final int progressEvery;
    private final int batchRows;

    /**
     * An importer into {@code store}, recording events at {@code clock}'s instants; possible duplicates are
     * printed on {@code out}, progress and warnings on {@code err}.
     */
    public LegacyImporter(ComplaintStore store, Clock clock, PrintWriter out, PrintWriter err) {
        this(store, clock, out, err, System::nanoTime, PROGRESS_EVERY, BATCH_ROWS);
    }

    LegacyImporter(ComplaintStore store, Clock clock, PrintWriter out, PrintWriter err, LongSupplier nanoTime,
            int progressEvery, int batchRows) {
        this.complaints = Complaints.builder(requireNonNull(store, "store")).clock(clock).build();
        this.planner = new RowPlanner(clock);
        this.out = requireNonNull(out, "out");
        this.err = requireNonNull(err, "err");
        this.nanoTime = nanoTime;
        this.progressEvery = progressEvery;
        this.batchRows = batchRows;
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
        checkReadable(csv, format);
        Run run = new Run(csv);
        try (run; BufferedReader reader = utf8(csv);
                CSVParser parser = parse(format, reader, csv);
                BufferedWriter rejects = Files.newBufferedWriter(rejectedPath, StandardCharsets.UTF_8)) {
            run.rejects = rejects;
            Map<String, Integer> columns = columns(parser.getHeaderNames(), csv, true);
            List<String> header = new ArrayList<>(List.of("row", "reason"));
            header.addAll(parser.getHeaderNames());
            writeRecord(rejects, header);
            try {
                for (CSVRecord record : parser) {
                    run.row(record, columns);
                }
            } catch (UncheckedIOException e) {
                run.finish(columns); // the rows read before an unreadable one are stored, as the message says
                throw e;
            }
            run.finish(columns);
        } catch (UncheckedIOException e) {
            throw unreadable(csv, e.getCause(), run);
        } catch (MalformedInputException e) {
            throw unreadable(csv, e, run);
        }
        if (run.blank > 0) {
            err.println("skipped " + run.blank + " rows with every cell blank");
        }
        double seconds = run.seconds();
        err.printf(Locale.UK, "%s: %,d rows in %,.1f s, %,.0f rows/s%n", csv.getFileName(), run.rows, seconds,
                run.rows / seconds);
        err.flush();
        return new ImportSummary(run.rows, run.imported(), run.present, run.rejected, run.duplicates, rejectedPath);
    }

    /**
     * Reads the whole file once without storing anything, so that a file-level fault (not UTF-8, broken quoting,
     * a header without the required columns) stops the import before its first row is stored.
     */
    private void checkReadable(Path csv, CSVFormat format) throws IOException {
        long records = 0;
        try (BufferedReader reader = utf8(csv); CSVParser parser = parse(format, reader, csv)) {
            columns(parser.getHeaderNames(), csv, false);
            for (CSVRecord ignored : parser) {
                records++;
            }
        } catch (UncheckedIOException e) {
            throw unchecked(csv, e.getCause(), records);
        } catch (MalformedInputException | CSVException e) {
            throw unchecked(csv, e, records);
        }
    }

    private static LegacyImportException unchecked(Path csv, IOException cause, long records) {
        String where = " (after row " + (records + 1) + ")";
        return new LegacyImportException((cause instanceof MalformedInputException
                ? csv + " is not UTF-8 text" + where + ": save it from the spreadsheet as \"CSV UTF-8\""
                : csv + " cannot be read as CSV" + where + ": " + cause.getMessage()) + "; nothing was imported",
                cause);
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

    /**
     * The index of each column by lower-case name; fails if the file is empty, a required column is missing or a
     * known one is named twice. Unknown columns are reported if {@code report}.
     */
    private Map<String, Integer> columns(List<String> names, Path csv, boolean report) {
        if (names.isEmpty()) {
            throw new LegacyImportException(csv + " is empty: it needs a header row naming the columns "
                    + String.join(", ", Columns.REQUIRED) + " (see --help)", null);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            Integer twice = columns.put(name, i);
            if (twice != null && Columns.KNOWN.contains(name)) {
                throw new LegacyImportException(csv + ": the header row names column " + name + " twice (columns "
                        + (twice + 1) + " and " + (i + 1) + ")", null);
            }
            if (!Columns.KNOWN.contains(name)) {
                unknown.add(names.get(i));
            }
        }
        List<String> missing = Columns.REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new LegacyImportException(csv + ": the header row has no column " + String.join(", ", missing)
                    + " (it needs " + String.join(", ", Columns.REQUIRED) + "; see --help)", null);
        }
        if (report && !unknown.isEmpty()) {
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

    /** A row to decide: its number, fields and cells, and the reference of an earlier row it may duplicate. */
    record Row(int number, Map<String, String> fields, List<String> cells, Optional<String> likelyOriginal) {

        String reference() {
            return fields.get(Columns.REFERENCE);
        }
    }

    /**
     * One pass over a file: the counts, the duplicates seen, the rows read but not yet decided, the progress clock,
     * and the decisions of each row. Rows are read a batch at a time: their references are looked up in the store
     * with one call, then each row is decided into the {@link BatchWriter}'s batch, then the batch is stored.
     */
    private final class Run implements BatchWriter.Decisions, AutoCloseable {
        private final Path csv;
        private final PossibleDuplicates seen = new PossibleDuplicates();
        private final Set<String> references = new HashSet<>();
        /** The complaint of each reference imported in this run, stored or in the batch. */
        private final Map<String, ComplaintId> ids = new HashMap<>();
        private final List<CSVRecord> read = new ArrayList<>();
        private final BatchWriter writer;
        private final long started = nanoTime.getAsLong();
        private BufferedWriter rejects;
        private int rows;
        private int blank;
        private int present;
        private int rejected;
        private int duplicates;

        Run(Path csv) {
            this.csv = csv;
            this.writer = new BatchWriter(complaints, this);
        }

        void row(CSVRecord record, Map<String, Integer> columns) throws IOException {
            if (record.stream().allMatch(String::isEmpty)) {
                blank++;
                return;
            }
            read.add(record);
            if (read.size() >= batchRows) {
                decide(columns);
                writer.flush();
            }
        }

        /** Decides and stores the rows read so far, and waits until they are stored. */
        void finish(Map<String, Integer> columns) throws IOException {
            decide(columns);
            do {
                writer.flush();
                writer.settle();
            } while (writer.hasPending()); // rows decided again after the last batch failed
        }

        /** The rows stored so far. */
        int imported() {
            return writer.imported();
        }

        /** Decides every row read so far into the batch, after one look-up of their references in the store. */
        private void decide(Map<String, Integer> columns) throws IOException {
            Integer referenceColumn = columns.get(Columns.REFERENCE);
            Set<String> stored = writer.batch().referencesUsed(read.stream()
                    .filter(r -> r.isConsistent() && referenceColumn != null)
                    .map(r -> r.get(referenceColumn))
                    .filter(r -> !r.isEmpty() && !ids.containsKey(r))
                    .toList());
            for (CSVRecord record : read) {
                decide(record, columns, stored);
            }
            read.clear();
        }

        private void decide(CSVRecord record, Map<String, Integer> columns, Set<String> stored) throws IOException {
            rows++;
            int row = (int) record.getRecordNumber() + 1; // the header is row 1
            try {
                if (!record.isConsistent()) {
                    throw new RowRejectedException("the row has " + record.size() + " cells, the header "
                            + columns.size());
                }
                Map<String, String> fields = new HashMap<>();
                columns.forEach((name, i) -> fields.put(name, record.get(i)));
                importRow(row, fields, record.toList(), stored);
            } catch (RowRejectedException | ComplaintsException | IllegalArgumentException e) {
                reject(row, e.getMessage(), record.toList());
            }
            if (rows % progressEvery == 0) {
                err.printf(Locale.UK, "%s: %,d rows, %,.0f rows/s%n", csv.getFileName(), rows, rows / seconds());
                err.flush();
            }
        }

        double seconds() {
            return Math.max(1e-9, (nanoTime.getAsLong() - started) / 1e9);
        }

        private void reject(int row, String reason, List<String> cells) throws IOException {
            rejected++;
            List<String> line = new ArrayList<>(List.of(Integer.toString(row), reason));
            line.addAll(cells);
            writeRecord(rejects, line);
        }

        private void importRow(int row, Map<String, String> fields, List<String> cells, Set<String> stored)
                throws IOException {
            String reference = fields.getOrDefault(Columns.REFERENCE, "");
            PossibleDuplicates.Seen seen = seen(row, fields);
            if (!reference.isEmpty() && (ids.containsKey(reference) || stored.contains(reference))) {
                present++;
                remember(seen);
                return;
            }
            Optional<String> likelyOriginal = this.seen.match(seen).map(m -> m.earlier().reference());
            add(new Row(row, fields, cells, likelyOriginal));
            remember(seen);
        }

        /**
         * Plans the row and decides its commands into the batch, all or none of them. A duplicate whose original
         * is in the batch in flight waits for it to be stored.
         *
         * @throws RowRejectedException or {@link ComplaintsException} if the row or one of its commands is refused
         */
        private void add(Row row) throws IOException {
            if (writer.storingTheOriginalOf(row)) {
                writer.settle(); // the original is stored, or decided again into this batch, before its duplicate
            }
            record Decided(RowPlan plan, Complaint complaint) {
            }
            Decided decided = writer.batch().allOrNone(b -> {
                RowPlan plan = planner.plan(row.number(), row.fields(), this::idOf, row.likelyOriginal());
                return new Decided(plan, plan.applyTo(b));
            });
            writer.added(row, decided.plan().commands());
            ids.put(decided.plan().reference(), decided.complaint().id());
        }

        @Override
        public void refused(Row row, String reason) throws IOException {
            ids.remove(row.reference());
            reject(row.number(), reason, row.cells());
        }

        @Override
        public void decideAgain(List<Row> again) throws IOException {
            for (Row row : again) {
                ids.remove(row.reference());
            }
            writer.batch().referencesUsed(again.stream().map(Row::reference).toList());
            for (Row row : again) {
                try {
                    add(row);
                } catch (RowRejectedException | ComplaintsException | IllegalArgumentException refused) {
                    reject(row.number(), "refused when decided again after a batch failed ("
                            + refused.getMessage() + ")", row.cells());
                }
            }
        }

        /** Waits for the batch in flight, if any, and stops the writer thread. */
        @Override
        public void close() {
            writer.close();
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

        /** The stored complaint with this reference; the batch is stored first if it holds the reference. */
        private Optional<ComplaintId> idOf(String reference) {
            ComplaintId id = ids.get(reference);
            return id != null ? Optional.of(id) : complaints.findByReference(reference).map(Complaint::id);
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
            return rows == 0 ? "" : " (after " + rows + " rows: imported " + imported() + ", already present " + present
                    + ", rejected " + rejected + ")";
        }
    }
}
