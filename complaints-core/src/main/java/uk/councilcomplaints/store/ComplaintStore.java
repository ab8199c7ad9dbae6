package uk.councilcomplaints.store;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.feed.FeedEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;

/**
 * Where complaints are kept: an append-only history per complaint, its current state, its personal data
 * apart, and the rows of the report projection. Stores hold no policy: the {@code Complaints} facade decides
 * and computes (states, projection rows, the keys personal data is found by, every filter's meaning); a store
 * only keeps and answers. The contract suites in core's test-jar check every duty below.
 *
 * <p>The methods, and the duties that go with them:
 * <ol>
 *   <li>{@link #appendAll}: stores a batch of {@link Commit}s, all or nothing. For each commit, under the same
 *       lock or transaction as the write, it calls {@link Commit#checkFollows} with the complaint's latest
 *       event (stored, or earlier in the batch); it refuses a new complaint whose reference is used; a store that
 *       answers {@link #count} from the projection closes the complaint's previous last row with the first new
 *       event's times and keeps the commit's {@link ProjectionRow}s; it replaces the personal data and its {@link Commit#subjectKeys() keys}, or on
 *       erasure drops both and keeps the reasons of the complaint's earlier events as
 *       {@link ComplaintEvent#ERASED_REASON}; it replaces the complaint's clock rows with the commit's
 *       {@link Commit#clocks()} and keeps their {@link uk.councilcomplaints.sla.ClockRows#basis() basis}. A commit
 *       with no events ({@link Commit#clocksOf}) replaces the clock rows only, after the same version check.
 *   <li>{@link #append}: one commit; by default {@code appendAll} of one, its failure's cause thrown as is.
 *   <li>{@link #load}, {@link #history}, {@link #personalData}: one complaint's state, events, personal data.
 *   <li>{@link #find}: current states matching a {@link ComplaintQuery}, in its {@link ComplaintQuery#order()},
 *       a page at a time ({@link Page#of}); filters as {@link ComplaintQuery#matches} defines them, the subject
 *       filter on the kept keys.
 *   <li>{@link #histories}: the histories a {@link HistoryFilter} wants, or more.
 *   <li>{@link #count}: raw counts for a report; by default folded from every history.
 *   <li>{@link #nextReferenceNumber}: a per-year sequence.
 *   <li>{@link #clocks}: the kept clock rows matching a {@link ClockQuery}, in {@link ClockQuery#ORDER}, a page at
 *       a time ({@link ClockPage#of}), or counted per group; filters as {@link ClockQuery#matches} defines them.
 *   <li>{@link #eventsAfter}: the event feed. {@link #appendAll} gives each event of a batch the next position, in
 *       the batch's order, in the same lock or transaction, so that positions become visible in the order they
 *       were taken: a reader never sees position {@code p} before every position below it is committed or gone.
 * </ol>
 * Times are kept to the microsecond, as events have them. Implementations are thread-safe: a read sees each
 * complaint's state, history and personal data as one value, the fold of a prefix of its history.
 */
public interface ComplaintStore {

    /**
     * Atomically stores the commits, in order, or none of them. Commits on one complaint follow each other's
     * versions; each is checked against the complaint's latest event, stored or earlier in the batch.
     *
     * @throws BatchFailedException naming the index of the first commit that failed, its cause saying why
     *     ({@link VersionConflictException}, {@link DuplicateReferenceException}, an {@link IllegalArgumentException}
     *     from {@link Commit#checkFollows}, or the store's own failure); nothing of the batch was stored
     */
    void appendAll(List<Commit> commits);

    /**
     * Atomically stores one commit: {@link #appendAll} of it.
     *
     * @throws VersionConflictException if the complaint's version is not the expected one
     * @throws DuplicateReferenceException if a new complaint's reference is already used
     */
    default void append(Commit commit) {
        try {
            appendAll(List.of(commit));
        } catch (BatchFailedException e) {
            throw (RuntimeException) e.getCause(); // a BatchFailedException's cause is a RuntimeException
        }
    }

    /** The current state of a complaint. */
    Optional<Complaint> load(ComplaintId id);

    /** A complaint's events in version order; empty if there is no such complaint. */
    List<ComplaintEvent> history(ComplaintId id);

    /** Current states matching the query, one page at a time, in the query's order. */
    Page<Complaint> find(ComplaintQuery query);

    /**
     * The histories {@code filter} wants ({@link HistoryFilter#all()}: every one); a store may return more,
     * never fewer. The caller closes the stream.
     */
    Stream<ComplaintHistory> histories(HistoryFilter filter);

    /**
     * Raw counts for a report: the answer to {@code query} (see {@link CountQuery}). By default
     * {@link CountQuery#count(Stream) query.count(histories(all()))}, folding every history; a store that
     * keeps the {@link ProjectionRow projection} answers from it, and must then give equal counts.
     */
    default GroupCounts count(CountQuery query) {
        try (Stream<ComplaintHistory> all = histories(HistoryFilter.all())) {
            return query.count(all);
        }
    }

    /** The complaint's personal data, unless it was erased. */
    Optional<PersonalData> personalData(ComplaintId id);

    /** The next number of a per-year sequence used for generated references; never the same twice. */
    long nextReferenceNumber(int year);

    /**
     * The work queues: the clock rows kept from the commits matching {@code query}, a page at a time in
     * {@link ClockQuery#ORDER}, or their number per group when it {@linkplain ClockQuery#countBy() counts}.
     */
    ClockPage clocks(ClockQuery query);

    /**
     * The event feed: the committed events at positions after {@code position}, in position order, at most
     * {@code limit} of them, with their reasons. Positions start at 1 and follow commit order.
     */
    List<FeedEvent> eventsAfter(long position, int limit);
}
