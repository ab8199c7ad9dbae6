package uk.councilcomplaints.examples.cli.legacy;

import com.google.common.base.Throwables;
import com.google.common.util.concurrent.Uninterruptibles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import uk.councilcomplaints.examples.cli.legacy.LegacyImporter.Row;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Complaints;

/**
 * The importer's writer pipeline: the batch being filled with decided rows, and the batch before it, stored on a
 * thread of its own while the next is decided (one batch in flight, so at most two in memory). When a stored
 * batch fails, the rows it did not store are handed back to the {@link Decisions} to be decided again. Not
 * thread-safe: one importing thread calls it.
 */
final class BatchWriter implements AutoCloseable {

    /** What the pipeline needs from the rows' decisions after a batch failed. */
    interface Decisions {

        /** {@code row} was refused while storing, for {@code reason}: it is not stored, nor decided again. */
        void refused(Row row, String reason) throws IOException;

        /**
         * Decides {@code rows} again, in order, into the new {@link BatchWriter#batch()}: the rows of the failed
         * batch after the refused one, then the rows decided into the batch being filled meanwhile.
         */
        void decideAgain(List<Row> rows) throws IOException;
    }

    /** A row in the batch, and how many of the batch's commands record it. */
    private record Pending(Row row, int commands) {
    }

    /** A batch handed to the writer thread: its rows, their references, and when it is stored. */
    private record Stored(List<Pending> rows, Set<String> references, Future<?> done) {

        Stored(List<Pending> rows, Future<?> done) {
            this(rows, rows.stream().map(p -> p.row().reference()).collect(Collectors.toUnmodifiableSet()), done);
        }

        /** Whether {@code row} names one of these rows as its original (a duplicate). */
        boolean holdsTheOriginalOf(Row row) {
            String named = row.fields().get(Columns.DUPLICATE_OF);
            return named != null && references.contains(named)
                    || row.likelyOriginal().filter(references::contains).isPresent();
        }
    }

    private final Complaints complaints;
    private final Decisions decisions;
    private final List<Pending> pending = new ArrayList<>();
    /** Stores batches one at a time while the importing thread decides the next. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "complaints-import-writer");
        thread.setDaemon(true);
        return thread;
    });
    private Batch batch;
    private Stored inFlight;
    private int imported;

    BatchWriter(Complaints complaints, Decisions decisions) {
        this.complaints = complaints;
        this.decisions = decisions;
        this.batch = complaints.batch();
    }

    /** The batch being filled: rows are decided into it, then {@link #added}. */
    Batch batch() {
        return batch;
    }

    /** Records that {@code row} was decided into the batch as its last {@code commands} commands. */
    void added(Row row, int commands) {
        pending.add(new Pending(row, commands));
    }

    /** Whether rows are decided into the batch but not yet handed to the writer thread. */
    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Whether the batch in flight holds the original {@code row} duplicates, so that it must be stored first. */
    boolean storingTheOriginalOf(Row row) {
        return inFlight != null && inFlight.holdsTheOriginalOf(row);
    }

    /** The rows stored so far. */
    int imported() {
        return imported;
    }

    /**
     * Hands the batch to the writer thread to be stored while the next rows are decided, once the batch before it
     * is stored.
     */
    void flush() throws IOException {
        settle();
        if (pending.isEmpty()) {
            return;
        }
        Stored stored = new Stored(List.copyOf(pending), writer.submit(batch::commit));
        pending.clear();
        batch = complaints.batch();
        inFlight = stored;
    }

    /**
     * Waits for the batch in flight and counts its rows. Every row in it passed the library's rules, so only a
     * concurrent change can fail it, and then nothing of it is stored: the row holding the failed command is
     * refused, and the others, with the rows decided meanwhile (which may name them), are decided again
     * into a new batch, which {@link #flush} then stores. Any other failure of the store stops the import.
     */
    void settle() throws IOException {
        if (inFlight == null) {
            return;
        }
        Stored stored = inFlight;
        inFlight = null;
        BatchFailedException e;
        try {
            Uninterruptibles.getUninterruptibly(stored.done());
            imported += stored.rows().size();
            return;
        } catch (ExecutionException failed) {
            if (!(failed.getCause() instanceof BatchFailedException refused)) {
                Throwables.throwIfUnchecked(failed.getCause());
                throw new IllegalStateException(failed.getCause());
            }
            e = refused;
        }
        List<Row> again = new ArrayList<>();
        int start = 0;
        for (Pending p : stored.rows()) {
            Row row = p.row();
            int end = start + p.commands();
            if (start <= e.index() && e.index() < end) {
                decisions.refused(row, "refused while storing, after it passed the checks (" + e.getMessage() + ")");
            } else {
                again.add(row);
            }
            start = end;
        }
        for (Pending p : pending) {
            again.add(p.row());
        }
        pending.clear();
        batch = complaints.batch();
        decisions.decideAgain(again);
    }

    /**
     * After the import failed for another reason: waits for the batch in flight, if any, counting its rows if it
     * was stored, and stops the writer thread.
     */
    @Override
    public void close() {
        try {
            if (inFlight != null) {
                try {
                    Uninterruptibles.getUninterruptibly(inFlight.done());
                    imported += inFlight.rows().size();
                } catch (ExecutionException ignored) {
                    // the failure already reported is the one that stopped the import
                }
            }
        } finally {
            writer.shutdown();
        }
    }
}
