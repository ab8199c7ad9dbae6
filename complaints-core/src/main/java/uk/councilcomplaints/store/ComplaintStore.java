package uk.councilcomplaints.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.StatusBucket;

/**
 * Where complaints are kept: an append-only history per complaint, its current state, and its personal data
 * apart; optionally the report projection of the history ({@link ProjectionRow}), to answer report counts
 * ({@link #count(CountQuery)}) without folding histories. Stores hold no policy: the {@code Complaints} facade
 * decides, a store only keeps. Implementations are thread-safe. The contract suites (core's test-jar) say what
 * every implementation must do.
 */
public interface ComplaintStore {

    /**
     * Atomically appends the commit's events and stores the resulting state (and personal data change), if
     * the complaint is at the expected version; version 0 creates it.
     *
     * @throws VersionConflictException if the complaint's version is not the expected one
     * @throws DuplicateReferenceException if a new complaint's reference is already used
     */
    void append(Commit commit);

    /**
     * Appends a batch of commits in order, for importers; commits on one complaint follow each other's
     * versions. By default one by one through {@link #append}, so a failure leaves the commits before it
     * stored; a store may write the batch in one transaction, and then a failure stores none of it.
     *
     * @throws BatchFailedException naming the index of the commit that failed, its cause saying why
     */
    default void appendAll(List<Commit> commits) {
        for (int i = 0; i < commits.size(); i++) {
            Commit commit = commits.get(i);
            try {
                append(commit);
            } catch (RuntimeException e) {
                throw new BatchFailedException(i, i, "complaint " + commit.id() + " after version "
                        + commit.expectedVersion(), e);
            }
        }
    }

    /**
     * Which of {@code references} this store's complaints hold, for importers checking many rows at once. By
     * default one {@link #find} per reference; a store may answer in one query.
     */
    default Set<String> referencesUsed(Collection<String> references) {
        return references.stream().distinct()
                .filter(r -> !find(ComplaintQuery.builder().reference(r).limit(1).build()).items().isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The current state of a complaint. */
    Optional<Complaint> load(ComplaintId id);

    /** A complaint's events in version order; empty if there is no such complaint. */
    List<ComplaintEvent> history(ComplaintId id);

    /** Current states matching the query, one page at a time, in the query's order. */
    Page<Complaint> find(ComplaintQuery query);

    /** Every complaint's history, for reports. The caller closes the stream. */
    Stream<ComplaintHistory> histories();

    /**
     * The histories {@code filter} wants, for readers that need only some (SLA figures, the statutory
     * returns); a store may return more, never fewer. By default {@link #histories()} filtered. The caller
     * closes the stream.
     */
    default Stream<ComplaintHistory> histories(HistoryFilter filter) {
        return histories().filter(filter::matches);
    }

    /**
     * Raw counts for a report: the answer to {@code query} (see {@link CountQuery}). By default
     * {@link CountQuery#count(Stream) query.count(histories())}, folding every history; a store that keeps
     * the {@link ProjectionRow projection} answers from it, and must then give equal counts.
     */
    default GroupCounts count(CountQuery query) {
        try (Stream<ComplaintHistory> all = histories()) {
            return query.count(all);
        }
    }

    /**
     * A report from this store's counts: {@code report.fromCounts(count(report.countQuery()))}. Stores push
     * reports down by implementing {@link #count(CountQuery)}, not this.
     */
    default <R> R aggregate(CountedReport<R> report) {
        return report.fromCounts(count(report.countQuery()));
    }

    /** The complaint's personal data, unless it was erased. */
    Optional<PersonalData> personalData(ComplaintId id);

    /**
     * The ids of the complaints whose stored personal data is {@code subject}'s (see
     * {@link DataSubject#matches}), in any order; erased personal data matches nothing. By default a scan of
     * every complaint's personal data.
     */
    default List<ComplaintId> complaintsOf(DataSubject subject) {
        try (Stream<ComplaintHistory> all = histories()) {
            return all.map(ComplaintHistory::id)
                    .filter(id -> personalData(id).map(p -> subject.matches(p.complainant())).orElse(false))
                    .toList();
        }
    }

    /**
     * The current states, in any order, of the complaints whose personal data is still held, that are closed
     * (their status in {@link StatusBucket#COMPLETE} or {@link StatusBucket#CLOSED_OTHER}) and whose latest
     * event happened before {@code lastEventBefore}: the candidates for anonymisation after a retention
     * period. By default a scan of every history.
     */
    default List<Complaint> closedWithPersonalData(Instant lastEventBefore) {
        try (Stream<ComplaintHistory> all = histories()) {
            return all.map(ComplaintHistory::current)
                    .filter(c -> isClosedWithPersonalData(c, lastEventBefore))
                    .toList();
        }
    }

    /** Whether {@code c} is one of {@link #closedWithPersonalData(Instant)}'s complaints. */
    static boolean isClosedWithPersonalData(Complaint c, Instant lastEventBefore) {
        return !c.personalDataErased() && !c.status().open() && c.lastOccurredAt().isBefore(lastEventBefore);
    }

    /** The next number of a per-year sequence used for generated references; never the same twice. */
    long nextReferenceNumber(int year);
}
