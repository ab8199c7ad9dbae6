package uk.councilcomplaints.store.memory;

import java.util.Arrays;
import uk.councilcomplaints.model.ComplaintId;

/**
 * The memory store's events and projection as primitive columns, in chunks of {@value #CHUNK} rows: one row
 * per event, in the order appended (a complaint's rows are linked by {@code nextRow}), and one entry per
 * complaint. Times are epoch microseconds; a row's state is packed {@link Facts}, its officer and team a
 * {@link Holder} number, who recorded it and why an {@link Note} number, and what happened its
 * {@link uk.councilcomplaints.event.EventData}.
 *
 * <p>Written only under the store's write lock; a row, once its complaint's entry or a {@link View} holding
 * it is published, changes only when the next event closes it ({@code nextRow}, {@code nextOccurred},
 * {@code nextRecorded}) and when its complaint's personal data is erased ({@code note}). A complaint's rows come in version order. Readers of a complaint's history follow
 * {@code nextRow} up to its version; readers of the next times make sure no append overlapped them.
 */
final class Columns {

    static final int CHUNK_BITS = 12;
    static final int CHUNK = 1 << CHUNK_BITS;
    static final int MASK = CHUNK - 1;
    /** The next times of a row with no next event. */
    static final long OPEN = Long.MAX_VALUE;
    /** The next row of a row with no next event. */
    static final int NONE = Integer.MAX_VALUE;

    long[][] occurred = new long[0][];
    long[][] recorded = new long[0][];
    long[][] nextOccurred = new long[0][];
    long[][] nextRecorded = new long[0][];
    int[][] facts = new int[0][];
    int[][] holder = new int[0][];
    int[][] complaint = new int[0][];
    int[][] nextRow = new int[0][];
    int[][] note = new int[0][];
    Object[][] data = new Object[0][];
    int rows;

    int[][] firstRow = new int[0][];
    int[][] receivedDay = new int[0][];
    ComplaintId[][] ids = new ComplaintId[0][];
    int complaints;

    /**
     * What a reader may read: the first {@code rows} rows and {@code complaints} complaints, with the numbers
     * of areas and holders known when it was published. Immutable; the arrays it holds are only appended to.
     */
    record View(int rows, int complaints, int areas, int holders, long[][] occurred, long[][] recorded,
            long[][] nextOccurred, long[][] nextRecorded, int[][] facts, int[][] holder, int[][] complaint,
            int[][] nextRow, int[][] note, Object[][] data, int[][] firstRow, int[][] receivedDay,
            ComplaintId[][] ids) {

        /** How many rows chunk {@code c} holds in this view. */
        int length(int c) {
            return Math.min(CHUNK, rows - (c << CHUNK_BITS));
        }

        /** How many chunks hold rows in this view. */
        int chunks() {
            return (rows + MASK) >>> CHUNK_BITS;
        }

        /** When complaint {@code c} was first recorded (its receipt's recorded time). */
        long receiptRecorded(int c) {
            return recorded(firstRow[c >>> CHUNK_BITS][c & MASK]);
        }

        long occurred(int r) {
            return occurred[r >>> CHUNK_BITS][r & MASK];
        }

        long recorded(int r) {
            return recorded[r >>> CHUNK_BITS][r & MASK];
        }

        int facts(int r) {
            return facts[r >>> CHUNK_BITS][r & MASK];
        }

        int note(int r) {
            return note[r >>> CHUNK_BITS][r & MASK];
        }

        Object data(int r) {
            return data[r >>> CHUNK_BITS][r & MASK];
        }

        int nextRow(int r) {
            return nextRow[r >>> CHUNK_BITS][r & MASK];
        }

        ComplaintId id(int complaintNumber) {
            return ids[complaintNumber >>> CHUNK_BITS][complaintNumber & MASK];
        }

        /** The number of row {@code r}'s complaint. */
        int complaintOf(int r) {
            return complaint[r >>> CHUNK_BITS][r & MASK];
        }

        /** The version of row {@code r}'s event: its place in its complaint's chain of rows. */
        long version(int r) {
            int n = complaintOf(r);
            long version = 1;
            for (int x = firstRow[n >>> CHUNK_BITS][n & MASK]; x != r; x = nextRow(x)) {
                version++;
            }
            return version;
        }
    }

    /** A view of everything written so far, to publish. */
    View view(int areas, int holders) {
        return new View(rows, complaints, areas, holders, occurred, recorded, nextOccurred, nextRecorded, facts,
                holder, complaint, nextRow, note, data, firstRow, receivedDay, ids);
    }

    /** Appends a row, open, and returns its number. */
    int addRow(int complaintIndex, long occurredMicros, long recordedMicros, int packedFacts, int holderNumber,
            int noteNumber, Object eventData) {
        int r = rows;
        int c = r >>> CHUNK_BITS;
        if (c == occurred.length) {
            occurred = grow(occurred);
            recorded = grow(recorded);
            nextOccurred = grow(nextOccurred);
            nextRecorded = grow(nextRecorded);
            facts = grow(facts);
            holder = grow(holder);
            complaint = grow(complaint);
            nextRow = grow(nextRow);
            note = grow(note);
            data = Arrays.copyOf(data, c + 1);
            data[c] = new Object[CHUNK];
        }
        int i = r & MASK;
        occurred[c][i] = occurredMicros;
        recorded[c][i] = recordedMicros;
        nextOccurred[c][i] = OPEN;
        nextRecorded[c][i] = OPEN;
        facts[c][i] = packedFacts;
        holder[c][i] = holderNumber;
        complaint[c][i] = complaintIndex;
        nextRow[c][i] = NONE;
        note[c][i] = noteNumber;
        data[c][i] = eventData;
        rows = r + 1;
        return r;
    }

    /** Closes row {@code r} with its complaint's next row {@code next}. */
    void close(int r, int next) {
        int c = r >>> CHUNK_BITS;
        int i = r & MASK;
        nextOccurred[c][i] = occurred[next >>> CHUNK_BITS][next & MASK];
        nextRecorded[c][i] = recorded[next >>> CHUNK_BITS][next & MASK];
        nextRow[c][i] = next;
    }

    /** Gives row {@code r} note number {@code n} (erasing its reason). */
    void setNote(int r, int n) {
        note[r >>> CHUNK_BITS][r & MASK] = n;
    }

    /** Appends a complaint whose first row is {@code first} and returns its number. */
    int addComplaint(ComplaintId id, int first, int receivedEpochDay) {
        int n = complaints;
        int c = n >>> CHUNK_BITS;
        if (c == ids.length) {
            firstRow = grow(firstRow);
            receivedDay = grow(receivedDay);
            ids = Arrays.copyOf(ids, c + 1);
            ids[c] = new ComplaintId[CHUNK];
        }
        int i = n & MASK;
        firstRow[c][i] = first;
        receivedDay[c][i] = receivedEpochDay;
        ids[c][i] = id;
        complaints = n + 1;
        return n;
    }

    private static long[][] grow(long[][] chunks) {
        long[][] more = Arrays.copyOf(chunks, chunks.length + 1);
        more[chunks.length] = new long[CHUNK];
        return more;
    }

    private static int[][] grow(int[][] chunks) {
        int[][] more = Arrays.copyOf(chunks, chunks.length + 1);
        more[chunks.length] = new int[CHUNK];
        return more;
    }
}
