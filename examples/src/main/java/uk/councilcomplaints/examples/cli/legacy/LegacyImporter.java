package uk.councilcomplaints.examples.cli.legacy;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
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
import uk.councilcomplaints.ComplaintsException;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Imports a legacy tracker spreadsheet, saved as CSV or an {@code .xlsx} workbook (read as a {@link RowSource},
 * so that the rules do not depend on the kind of file), one row per case, through the {@link Complaints} facade:
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
 * row number and reason to {@code FILE.rejected.csv}, and rows imported that look like an earlier row to
 * {@code FILE.duplicates.csv}; neither file is written when it would be empty, and one left by an earlier import is
 * removed. Not thread-safe.
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
     * An importer into {@code store}, recording events at {@code clock}'s instants; progress and warnings go to
     * {@code err}. Nothing goes to {@code out} now (possible duplicates go to their file); it is kept for callers.
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

    /** Where the rejected rows of {@code file} go: {@code FILE.rejected.csv} beside it. */
    public static Path rejectedFile(Path file) {
        return beside(file, ".rejected.csv");
    }

    /** Where the possible duplicates of {@code file} go: {@code FILE.duplicates.csv} beside it. */
    public static Path duplicatesFile(Path file) {
        return beside(file, ".duplicates.csv");
    }

    private static Path beside(Path file, String suffix) {
        String name = file.getFileName().toString();
        String base = name.replaceFirst("(?i)\\.(csv|tsv|txt|xlsx|xlsm)$", "");
        return file.resolveSibling(base + suffix);
    }

    /** Imports every row of {@code file}, CSV (its separator detected) or the first sheet of a workbook. */
    public ImportSummary importFile(Path file) throws IOException {
        return importFile(file, ReadOptions.DETECT);
    }

    /**
     * Imports every row of {@code file}, read as {@code options} say.
     *
     * @throws LegacyImportException if the file cannot be read as a spreadsheet of cases
     * @throws IOException if it cannot be read or the rejected rows cannot be written
     */
    public ImportSummary importFile(Path file, ReadOptions options) throws IOException {
        Path rejectedPath = rejectedFile(file);
        Path duplicatesPath = duplicatesFile(file);
        RowSource.Opener opener;
        try {
            opener = RowSource.of(file, options);
        } catch (UnreadableFileException e) {
            throw nothingImported(e);
        }
        Run run;
        try (opener) {
            checkReadable(file, opener);
            opener.notice().ifPresent(err::println);
            // files of an earlier import: rewritten below if this one rejects rows or finds duplicates
            boolean staleRejects = Files.deleteIfExists(rejectedPath);
            boolean staleDuplicates = Files.deleteIfExists(duplicatesPath);
            run = new Run(file, rejectedPath, duplicatesPath);
            try (run; RowSource rows = opener.open()) {
                Map<String, Integer> columns = columns(rows.header(), file, opener, true);
                run.header = rows.header();
                try {
                    for (Optional<RowSource.SourceRow> row = rows.next(); row.isPresent(); row = rows.next()) {
                        run.row(row.get(), columns);
                    }
                } catch (UnreadableFileException e) {
                    run.finish(columns); // the rows read before an unreadable one are stored, as the message says
                    throw e;
                }
                run.finish(columns);
            } catch (UnreadableFileException e) {
                throw new LegacyImportException(e.getMessage() + run.soFar(), e);
            }
            if (staleRejects && run.rejected == 0) {
                err.println("no row rejected: removed " + rejectedPath + ", left by an earlier import");
            }
            if (staleDuplicates && run.duplicates == 0) {
                err.println("no possible duplicate: removed " + duplicatesPath + ", left by an earlier import");
            }
        }
        if (run.blank > 0) {
            err.println("skipped " + run.blank + " rows with every cell blank");
        }
        double seconds = run.seconds();
        err.printf(Locale.UK, "%s: %,d rows in %,.1f s, %,.0f rows/s%n", file.getFileName(), run.rows, seconds,
                run.rows / seconds);
        err.flush();
        return new ImportSummary(run.rows, run.imported(), run.present, run.rejected, run.duplicates, rejectedPath,
                duplicatesPath);
    }

    /**
     * Reads the whole file once without storing anything, so that a file-level fault (not UTF-8, broken quoting,
     * a header without the required columns) stops the import before its first row is stored.
     */
    private void checkReadable(Path file, RowSource.Opener opener) throws IOException {
        try (RowSource rows = opener.open()) {
            columns(rows.header(), file, opener, false);
            while (rows.next().isPresent()) {
                // read to the end
            }
        } catch (UnreadableFileException e) {
            throw nothingImported(e);
        }
    }

    private static LegacyImportException nothingImported(UnreadableFileException e) {
        return new LegacyImportException(e.getMessage() + "; nothing was imported", e);
    }

    /**
     * The index of each column by lower-case name; fails if the file is empty, a required column is missing or a
     * known one is named twice. Unknown columns are reported if {@code report}.
     */
    private Map<String, Integer> columns(List<String> names, Path file, RowSource.Opener opener, boolean report) {
        if (names.isEmpty()) {
            throw new LegacyImportException(file + opener.emptyPart() + " is empty: it needs a header row naming the "
                    + "columns " + String.join(", ", Columns.REQUIRED) + " (see --help)", null);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            Integer twice = columns.put(name, i);
            if (twice != null && Columns.KNOWN.contains(name)) {
                throw new LegacyImportException(file + ": the header row names column " + name + " twice (columns "
                        + (twice + 1) + " and " + (i + 1) + ")", null);
            }
            if (!Columns.KNOWN.contains(name)) {
                unknown.add(names.get(i));
            }
        }
        List<String> missing = Columns.REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new LegacyImportException(file + ": the header row has no column " + String.join(", ", missing)
                    + " (it needs " + String.join(", ", Columns.REQUIRED) + "; see --help)" + opener.headerHint(),
                    null);
        }
        if (report && !unknown.isEmpty()) {
            err.println("ignoring columns " + unknown);
        }
        return columns;
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
        private final Path rejectedPath;
        private final Path duplicatesPath;
        private final PossibleDuplicates seen = new PossibleDuplicates();
        private final Set<String> references = new HashSet<>();
        /** The complaint of each reference imported in this run, stored or in the batch. */
        private final Map<String, ComplaintId> ids = new HashMap<>();
        private final List<RowSource.SourceRow> read = new ArrayList<>();
        private final BatchWriter writer;
        private final long started = nanoTime.getAsLong();
        /** The header row's cells, as the rejects and duplicates files repeat them. */
        private List<String> header = List.of();
        /** Opened at the first rejected row: no rejects file when nothing is rejected. */
        private BufferedWriter rejects;
        /** Opened at the first possible duplicate. */
        private BufferedWriter duplicatesOut;
        private int rows;
        private int blank;
        private int present;
        private int rejected;
        private int duplicates;

        Run(Path csv, Path rejectedPath, Path duplicatesPath) {
            this.csv = csv;
            this.rejectedPath = rejectedPath;
            this.duplicatesPath = duplicatesPath;
            this.writer = new BatchWriter(complaints, this);
        }

        void row(RowSource.SourceRow record, Map<String, Integer> columns) throws IOException {
            if (record.blank()) {
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
                    .filter(r -> consistent(r) && referenceColumn != null)
                    .map(r -> r.cells().get(referenceColumn))
                    .filter(r -> !r.isEmpty() && !ids.containsKey(r))
                    .toList());
            for (RowSource.SourceRow record : read) {
                decide(record, columns, stored);
            }
            read.clear();
        }

        /** Whether the row has as many cells as the header. */
        private boolean consistent(RowSource.SourceRow record) {
            return record.cells().size() == header.size();
        }

        private void decide(RowSource.SourceRow record, Map<String, Integer> columns, Set<String> stored)
                throws IOException {
            rows++;
            int row = record.number();
            try {
                if (record.unreadable().isPresent()) {
                    throw new RowRejectedException(record.unreadable().get());
                }
                if (!consistent(record)) {
                    throw new RowRejectedException("the row has " + record.cells().size() + " cells, the header "
                            + header.size());
                }
                Map<String, String> fields = new HashMap<>();
                columns.forEach((name, i) -> fields.put(name, record.cells().get(i)));
                importRow(row, fields, record.cells(), stored);
            } catch (RowRejectedException | ComplaintsException | IllegalArgumentException e) {
                reject(row, e.getMessage(), record.cells());
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
            if (rejects == null) {
                rejects = Files.newBufferedWriter(rejectedPath, StandardCharsets.UTF_8);
                List<String> first = new ArrayList<>(List.of("row", "reason"));
                first.addAll(header);
                writeRecord(rejects, first);
            }
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
                remember(seen, cells, false); // imported before: its possible duplicates were reported then
                return;
            }
            Optional<String> likelyOriginal = this.seen.match(seen).map(m -> m.earlier().reference());
            add(new Row(row, fields, cells, likelyOriginal));
            remember(seen, cells, true);
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

        /** Waits for the batch in flight, if any, stops the writer thread, and closes the files written. */
        @Override
        public void close() throws IOException {
            try {
                writer.close();
            } finally {
                try {
                    if (rejects != null) {
                        rejects.close();
                    }
                } finally {
                    if (duplicatesOut != null) {
                        duplicatesOut.close();
                    }
                }
            }
        }

        /**
         * Remembers a row now in the store and, if it was imported now ({@code report}), writes it to the
         * duplicates file when it looks like an earlier row. A row repeating an earlier row's reference is that
         * row, not a duplicate of another; a row already present was reported when it was imported.
         */
        private void remember(PossibleDuplicates.Seen row, List<String> cells, boolean report) throws IOException {
            if (!references.add(row.reference())) {
                return;
            }
            Optional<PossibleDuplicates.Match> match = seen.match(row);
            if (report && match.isPresent()) {
                duplicates++;
                if (duplicatesOut == null) {
                    duplicatesOut = Files.newBufferedWriter(duplicatesPath, StandardCharsets.UTF_8);
                    List<String> first = new ArrayList<>(List.of("row", "reference", "resembles_row",
                            "resembles_reference", "why"));
                    first.addAll(header);
                    writeRecord(duplicatesOut, first);
                }
                PossibleDuplicates.Match m = match.get();
                List<String> line = new ArrayList<>(List.of(Integer.toString(row.row()), row.reference(),
                        Integer.toString(m.earlier().row()), m.earlier().reference(), m.why()));
                line.addAll(cells);
                writeRecord(duplicatesOut, line);
            }
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
