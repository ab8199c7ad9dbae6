package uk.councilcomplaints.testing;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.feed.FeedEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.report.ReportTable.Row;
import uk.councilcomplaints.sla.ClockRows;
import uk.councilcomplaints.sla.DueClock;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.store.GroupCounts;
import uk.councilcomplaints.store.GroupKey;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.SubjectKeys;
import uk.councilcomplaints.store.VersionConflictException;

/**
 * The simplest correct {@link ComplaintStore}: every method holds one lock. Core's own tests run the contract
 * suites against it, and against copies with a deliberate {@link Flaw}, to show the suites pass a correct
 * store and catch each flaw.
 */
public final class ReferenceStore implements ComplaintStore {

    /** A deliberate mistake a store could make. */
    public enum Flaw {
        /** Appends whatever the expected version: a lost update under concurrency. */
        SKIPS_VERSION_CHECK,
        /** Checks the version but not that new events follow the stored ones in time. */
        SKIPS_TIME_ORDER_CHECK,
        /** Returns a history latest first, as if ordered by version descending. */
        REORDERS_EVENTS,
        /** Keeps only when events happened: the recorded time comes back as the occurred time. */
        DROPS_RECORDED_TIME,
        /** Lets two complaints share a reference. */
        ALLOWS_DUPLICATE_REFERENCE,
        /** Checks the reference before the id, so a retried create says "duplicate reference". */
        CREATE_RETRY_IS_DUPLICATE_REFERENCE,
        /** Stores personal data before checking the commit, and keeps it when the commit is refused. */
        KEEPS_PERSONAL_DATA_OF_REFUSED_CREATE,
        /** Pages in Java's order: signed ids and UTF-16 references. */
        PAGES_IN_JAVA_ORDER,
        /**
         * Reports the default aggregation with one case counted in the wrong bucket (open with the service
         * counted as complete), every total still adding up.
         */
        MISCOUNTS_A_REPORT_BUCKET,
        /** Stores a batch one commit at a time: a failure leaves the commits before it stored. */
        STORES_A_PREFIX,
        /** Keeps the keys of erased personal data, so a subject access query still finds the complaint. */
        KEEPS_SUBJECT_KEYS_AFTER_ERASURE,
        /** Adds a commit's clock rows to the complaint's earlier ones: a clock that stopped stays in the queues. */
        KEEPS_STOPPED_CLOCKS,
        /** Keeps the clock rows of a complaint's first commit only: later commits leave stale due dates. */
        KEEPS_STALE_CLOCK_ROWS,
        /** Keeps the feed positions of a batch that failed: events that were never stored appear in the feed. */
        FEEDS_FAILED_BATCHES,
        /** Reads a page of the feed from two positions on: the event just after each page boundary is skipped. */
        SKIPS_AT_PAGE_BOUNDARIES
    }

    private record Entry(Complaint state, List<ComplaintEvent> events) {
    }

    private final Set<Flaw> flaws;
    private final Map<ComplaintId, Entry> complaints = new HashMap<>();
    private final Map<String, ComplaintId> references = new HashMap<>();
    private final Map<ComplaintId, PersonalData> personalData = new HashMap<>();
    private final Map<ComplaintId, SubjectKeys> keys = new HashMap<>();
    private final Map<Integer, Long> sequences = new HashMap<>();
    /** Each complaint's clock rows, with the basis they were kept under. */
    private final Map<ComplaintId, Map<DueClock, Long>> clocks = new HashMap<>();
    /** The feed: every stored event in the order stored; position {@code n} is at index {@code n - 1}. */
    private final List<ComplaintEvent> feed = new ArrayList<>();

    private ReferenceStore(Set<Flaw> flaws) {
        this.flaws = flaws.isEmpty() ? EnumSet.noneOf(Flaw.class) : EnumSet.copyOf(flaws);
    }

    /** A correct store. */
    public static ReferenceStore correct() {
        return new ReferenceStore(Set.of());
    }

    /** A store with {@code flaw}. */
    public static ReferenceStore with(Flaw flaw) {
        return new ReferenceStore(Set.of(flaw));
    }

    private boolean has(Flaw flaw) {
        return flaws.contains(flaw);
    }

    /** Stores each commit in turn; when one fails, puts back what the store held before the batch. */
    @Override
    public synchronized void appendAll(List<Commit> commits) {
        Map<ComplaintId, Entry> complaintsBefore = new HashMap<>(complaints);
        Map<String, ComplaintId> referencesBefore = new HashMap<>(references);
        Map<ComplaintId, PersonalData> personalDataBefore = new HashMap<>(personalData);
        Map<ComplaintId, SubjectKeys> keysBefore = new HashMap<>(keys);
        Map<ComplaintId, Map<DueClock, Long>> clocksBefore = new HashMap<>(clocks);
        int feedBefore = feed.size();
        for (int i = 0; i < commits.size(); i++) {
            try {
                store(commits.get(i));
                feed.addAll(commits.get(i).events());
            } catch (RuntimeException e) {
                if (!has(Flaw.STORES_A_PREFIX) && !has(Flaw.FEEDS_FAILED_BATCHES)) {
                    feed.subList(feedBefore, feed.size()).clear();
                }
                if (!has(Flaw.STORES_A_PREFIX)) {
                    restore(complaints, complaintsBefore);
                    restore(references, referencesBefore);
                    if (!has(Flaw.KEEPS_PERSONAL_DATA_OF_REFUSED_CREATE)) {
                        restore(personalData, personalDataBefore);
                    }
                    restore(keys, keysBefore);
                    restore(clocks, clocksBefore);
                }
                throw new BatchFailedException(i, "commit " + i, e);
            }
        }
    }

    @Override
    public synchronized List<FeedEvent> eventsAfter(long position, int limit) {
        List<FeedEvent> page = new ArrayList<>();
        long from = position + (position > 0 && has(Flaw.SKIPS_AT_PAGE_BOUNDARIES) ? 2 : 1);
        for (long p = from; p <= feed.size() && page.size() < limit; p++) {
            page.add(new FeedEvent(p, feed.get((int) p - 1)));
        }
        return page;
    }

    private static <K, V> void restore(Map<K, V> map, Map<K, V> before) {
        map.clear();
        map.putAll(before);
    }

    private void store(Commit commit) {
        requireNonNull(commit, "commit");
        ComplaintId id = commit.id();
        Entry entry = complaints.get(id);
        if (has(Flaw.KEEPS_PERSONAL_DATA_OF_REFUSED_CREATE)) {
            commit.personalData().ifPresent(p -> personalData.put(id, p));
        }
        String reference = commit.state().reference();
        if (commit.creates() && has(Flaw.CREATE_RETRY_IS_DUPLICATE_REFERENCE) && references.containsKey(reference)) {
            throw new DuplicateReferenceException(reference);
        }
        Optional<ComplaintEvent> last = entry == null ? Optional.empty()
                : Optional.of(entry.events().get(entry.events().size() - 1));
        if (has(Flaw.SKIPS_TIME_ORDER_CHECK)) {
            long actual = entry == null ? 0 : entry.state().version();
            if (actual != commit.expectedVersion()) {
                throw new VersionConflictException(id, commit.expectedVersion(), actual);
            }
        } else if (!has(Flaw.SKIPS_VERSION_CHECK)) {
            commit.checkFollows(last);
        }
        if (commit.creates() && !has(Flaw.ALLOWS_DUPLICATE_REFERENCE) && references.containsKey(reference)
                && !references.get(reference).equals(id)) {
            throw new DuplicateReferenceException(reference);
        }
        List<ComplaintEvent> events = new ArrayList<>(entry == null ? List.of() : entry.events());
        if (commit.erasePersonalData()) {
            events.replaceAll(ComplaintEvent::withReasonErased);
        }
        events.addAll(commit.events());
        complaints.put(id, new Entry(commit.state(), ImmutableList.copyOf(events)));
        if (commit.creates()) {
            references.putIfAbsent(reference, id);
        }
        if (commit.erasePersonalData()) {
            personalData.remove(id);
            if (!has(Flaw.KEEPS_SUBJECT_KEYS_AFTER_ERASURE)) {
                keys.remove(id);
            }
        }
        commit.personalData().ifPresent(p -> personalData.put(id, p));
        commit.subjectKeys().ifPresent(k -> keys.put(id, k));
        keepClocks(id, commit.clocks(), commit.creates());
    }

    private void keepClocks(ComplaintId id, ClockRows rows, boolean creates) {
        if (has(Flaw.KEEPS_STALE_CLOCK_ROWS) && !creates) {
            return;
        }
        Map<DueClock, Long> kept = new HashMap<>(has(Flaw.KEEPS_STOPPED_CLOCKS)
                ? clocks.getOrDefault(id, Map.of()) : Map.of());
        rows.clocks().forEach(c -> kept.put(c, rows.basis()));
        clocks.put(id, kept);
    }

    @Override
    public synchronized ClockPage clocks(ClockQuery query) {
        Map<DueClock, Long> basis = new HashMap<>();
        clocks.values().forEach(basis::putAll);
        List<DueClock> ordered = basis.keySet().stream().filter(c -> c.paused() == query.pausedClocks())
                .sorted(ClockQuery.ORDER).toList();
        return ClockPage.answer(query, ordered, basis::get);
    }

    @Override
    public synchronized Optional<Complaint> load(ComplaintId id) {
        return Optional.ofNullable(complaints.get(id)).map(Entry::state);
    }

    @Override
    public synchronized List<ComplaintEvent> history(ComplaintId id) {
        Entry entry = complaints.get(id);
        return entry == null ? List.of() : stored(entry.events());
    }

    /** The events as this store gives them back. */
    private List<ComplaintEvent> stored(List<ComplaintEvent> events) {
        Stream<ComplaintEvent> out = events.stream();
        if (has(Flaw.REORDERS_EVENTS)) {
            out = out.sorted(Comparator.comparing(ComplaintEvent::version).reversed());
        }
        if (has(Flaw.DROPS_RECORDED_TIME)) {
            out = out.map(e -> new ComplaintEvent(e.complaintId(), e.version(), e.status(), e.occurredAt(),
                    e.occurredAt(), e.actor(), e.reason(), e.data()));
        }
        return out.collect(ImmutableList.toImmutableList());
    }

    @Override
    public synchronized Page<Complaint> find(ComplaintQuery query) {
        Comparator<Complaint> order = query.order();
        if (has(Flaw.PAGES_IN_JAVA_ORDER)) {
            Comparator<Complaint> java = switch (query.sort()) {
                case RECEIVED_AT -> Comparator.comparing(Complaint::receivedAt);
                case REFERENCE -> Comparator.comparing(Complaint::reference);
                case LAST_ACTIVITY -> Comparator.comparing(Complaint::lastOccurredAt);
            };
            java = java.thenComparing(Complaint::id);
            order = query.descending() ? java.reversed() : java;
        }
        List<Complaint> found = new ArrayList<>();
        for (Entry entry : complaints.values()) {
            Optional<SubjectKeys> held = Optional.ofNullable(keys.get(entry.state().id()));
            if (query.matches(entry.state(), held) && query.isAfterCursor(entry.state())) {
                found.add(entry.state());
            }
        }
        found.sort(order);
        return Page.of(found.subList(0, Math.min(found.size(), query.limit() + 1)), query.limit());
    }

    @Override
    public synchronized Stream<ComplaintHistory> histories(HistoryFilter filter) {
        List<ComplaintHistory> all = new ArrayList<>();
        for (Entry entry : complaints.values()) {
            all.add(new ComplaintHistory(stored(entry.events())));
        }
        return all.stream();
    }

    @Override
    public GroupCounts count(CountQuery query) {
        GroupCounts counts = ComplaintStore.super.count(query);
        if (!has(Flaw.MISCOUNTS_A_REPORT_BUCKET)) {
            return counts;
        }
        // one complaint counted complete instead of with the service: every total still adds up
        GroupCounts.Builder wrong = GroupCounts.builder();
        boolean moved = false;
        for (LocalDate day : counts.days()) {
            for (GroupKey key : counts.keys(day)) {
                for (StatusBucket bucket : StatusBucket.values()) {
                    long n = counts.count(day, key, bucket);
                    if (!moved && bucket == StatusBucket.WITH_SERVICE && n > 0) {
                        n--;
                        wrong.add(day, key, StatusBucket.COMPLETE, 1);
                        moved = true;
                    }
                    if (n > 0) {
                        wrong.add(day, key, bucket, n);
                    }
                }
            }
        }
        return wrong.build();
    }

    @Override
    public synchronized Optional<PersonalData> personalData(ComplaintId id) {
        return Optional.ofNullable(personalData.get(id));
    }

    @Override
    public synchronized long nextReferenceNumber(int year) {
        return sequences.merge(year, 1L, Long::sum);
    }
}
