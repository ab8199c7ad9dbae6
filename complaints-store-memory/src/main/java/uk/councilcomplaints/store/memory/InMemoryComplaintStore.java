package uk.councilcomplaints.store.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.Comparators;
import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.feed.FeedEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.DataSubject;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.store.GroupCounts;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.ProjectionRow;
import uk.councilcomplaints.store.SubjectKeys;
import uk.councilcomplaints.store.VersionConflictException;

/**
 * A {@link ComplaintStore} held in memory: for tests, demos and deployments that fit in a heap. Each event is
 * one row of primitive columns holding its times, its {@link ProjectionRow projection} (the state reports
 * count) and what it says, about 60 bytes an event, so a report is one scan over arrays. Thread-safe: a batch
 * is checked whole, then written, under a write lock; reads of the columns are optimistic (they check
 * afterwards that no append overlapped them, else read again under the read lock) and see each complaint's
 * state, history and personal data as one value. The work queues' clock rows are kept sorted by due instant
 * ({@link ClockIndex}). Everything it returns is immutable. Lost when the JVM stops.
 */
public final class InMemoryComplaintStore implements ComplaintStore {

    /**
     * One complaint, replaced whole by each append: its current state, its personal data (encoded; null when
     * erased or never given), the hashes of the {@link SubjectKeys} it is found by (an index: a candidate is
     * checked against the keys of its decoded personal data), its number among the complaints and its first and
     * last rows.
     */
    private record Entry(Complaint state, byte[] personalData, int nameHash, int plainNameHash, int emailHash,
            int number, int firstRow, int lastRow) {

        /** An entry holding {@code personalData} (null: none) and the hashes of its {@code keys}. */
        static Entry of(Complaint state, byte[] personalData, Optional<SubjectKeys> keys, int number, int firstRow,
                int lastRow) {
            return new Entry(state, personalData, keys.map(k -> k.name().hashCode()).orElse(0),
                    keys.map(k -> k.plainName().hashCode()).orElse(0),
                    keys.flatMap(SubjectKeys::email).map(String::hashCode).orElse(0), number, firstRow, lastRow);
        }

        /** This complaint at {@code next}, its last row {@code lastRow}, its personal data unchanged. */
        Entry advancedTo(Complaint next, int lastRow) {
            return new Entry(next, personalData, nameHash, plainNameHash, emailHash, number, firstRow, lastRow);
        }

        /**
         * The keys of this complaint's personal data when their hash ({@code hash} of the value of
         * {@code subject}'s key) says it may be the subject's, decoded only then; empty when it cannot be.
         */
        Optional<SubjectKeys> keysIfMaybeOf(DataSubject subject, int hash) {
            if (personalData == null) {
                return Optional.empty();
            }
            boolean candidate = switch (subject.key()) {
                case NAME -> hash == nameHash;
                case PLAIN_NAME -> hash == plainNameHash;
                case EMAIL -> hash == emailHash;
            };
            return candidate ? Optional.of(SubjectKeys.of(PersonalDataCodec.decode(personalData).complainant()))
                    : Optional.empty();
        }
    }

    private final ConcurrentMap<ComplaintId, Entry> complaints = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, AtomicLong> sequences = new ConcurrentHashMap<>();
    /** Appends write; scans read, optimistically (see {@link #scan(Function)}). */
    private final StampedLock lock = new StampedLock();
    // written under the write lock only
    private final Map<String, ComplaintId> references = new HashMap<>();
    private final Map<EventData, EventData> sharedData = new HashMap<>();
    private final Columns columns = new Columns();
    private final Dictionary<NamedArea> areas = new Dictionary<>();
    private final Dictionary<Holder> holders = new Dictionary<>();
    private final Dictionary<Note> notes = new Dictionary<>();
    /** The work queues' clock rows; read under the read lock. */
    private final ClockIndex clocks = new ClockIndex();
    /** What readers of the columns may read; published after each append, before its entry. */
    private volatile Columns.View view;

    public InMemoryComplaintStore() {
        holders.numberOf(Holder.NONE);
        view = columns.view(areas.size(), holders.size());
    }

    /** Checks every commit against the store and the commits before it, then writes them all. */
    @Override
    public void appendAll(List<Commit> commits) {
        List<Commit> batch = List.copyOf(commits); // each commit's event times are whole microseconds
        List<byte[]> personal = batch.stream()
                .map(c -> c.personalData().map(PersonalDataCodec::encode).orElse(null)).toList();
        long stamp = lock.writeLock();
        try {
            List<int[]> facts = check(batch);
            for (int i = 0; i < batch.size(); i++) {
                write(batch.get(i), facts.get(i), personal.get(i));
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Checks each commit of a batch as if those before it were stored, and packs each one's projection facts;
     * changes nothing the store's readers see. Under the write lock.
     *
     * @throws BatchFailedException naming the first commit that cannot be stored
     */
    private List<int[]> check(List<Commit> batch) {
        Map<ComplaintId, ComplaintEvent> last = new HashMap<>();
        Set<String> created = new HashSet<>();
        List<int[]> facts = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Commit commit = batch.get(i);
            try {
                ComplaintEvent before = last.get(commit.id());
                if (before == null) {
                    Entry entry = complaints.get(commit.id());
                    before = entry == null ? null : lastEvent(entry);
                }
                commit.checkFollows(Optional.ofNullable(before));
                String reference = commit.state().reference();
                if (commit.creates() && (references.containsKey(reference) || !created.add(reference))) {
                    throw new DuplicateReferenceException(reference);
                }
                facts.add(facts(commit.projection()));
                if (commit.hasEvents()) {
                    last.put(commit.id(), commit.events().get(commit.events().size() - 1));
                } else if (before != null) {
                    last.put(commit.id(), before);
                }
            } catch (RuntimeException e) {
                throw BatchFailedException.of(i, commit, e);
            }
        }
        return facts;
    }

    /** Writes one checked commit: its rows, then the view, then the complaint's entry. Under the write lock. */
    private void write(Commit commit, int[] facts, byte[] newPersonalData) {
        ComplaintId id = commit.id();
        Entry entry = complaints.get(id);
        if (commit.erasePersonalData() && entry != null) {
            eraseReasons(entry);
        }
        int number = entry == null ? columns.complaints : entry.number();
        int first = -1;
        int previous = entry == null ? -1 : entry.lastRow();
        for (int i = 0; i < commit.events().size(); i++) {
            ComplaintEvent e = commit.events().get(i);
            ProjectionRow row = commit.projection().get(i);
            int r = columns.addRow(number, Micros.floor(e.occurredAt()), Micros.floor(e.recordedAt()), facts[i],
                    holders.numberOf(new Holder(row.officer().orElse(null), row.team().orElse(null))),
                    notes.numberOf(new Note(e.actor(), e.reason())), shared(e.data()));
            if (previous >= 0) {
                columns.close(previous, r);
            }
            first = first < 0 ? r : first;
            previous = r;
        }
        if (entry == null) {
            columns.addComplaint(id, first, Math.toIntExact(commit.projection().get(0).receivedDay().toEpochDay()));
        }
        view = columns.view(areas.size(), holders.size());
        // a commit stores new personal data, erases it (neither data nor keys), or leaves it as it was
        boolean sameData = entry != null && newPersonalData == null && !commit.erasePersonalData();
        complaints.put(id, sameData ? entry.advancedTo(commit.state(), previous)
                : Entry.of(commit.state(), newPersonalData, commit.subjectKeys(), number,
                        entry == null ? first : entry.firstRow(), previous));
        if (entry == null) {
            references.put(commit.state().reference(), id);
        }
        clocks.replace(id, commit.clocks());
    }

    /**
     * Gives each stored event of the complaint that has a reason the note saying it was erased, and forgets
     * the reasons no other event holds. Under the write lock.
     */
    private void eraseReasons(Entry entry) {
        int r = entry.firstRow();
        for (long version = 1; version <= entry.state().version(); version++) {
            int old = view.note(r);
            Note note = notes.get(old);
            if (note.reason().isPresent()) {
                columns.setNote(r, notes.numberOf(new Note(note.actor(), Optional.of(ComplaintEvent.ERASED_REASON))));
                notes.release(old);
            }
            r = view.nextRow(r);
        }
    }

    /** The packed facts of each row, numbering new service areas and names; fails before anything is written. */
    private int[] facts(List<ProjectionRow> rows) {
        int[] facts = new int[rows.size()];
        for (int i = 0; i < facts.length; i++) {
            ProjectionRow row = rows.get(i);
            int area = areas.numberOf(NamedArea.of(row.serviceArea()));
            if (area >= Facts.MAX_AREAS) {
                throw new IllegalStateException("the memory store holds at most " + Facts.MAX_AREAS
                        + " service areas (each name of a renamed one counting apart); " + row.serviceArea().code()
                        + " named '" + row.serviceArea().name() + "' is one more");
            }
            facts[i] = Facts.pack(row.status(), row.classification(), row.procedure(), row.stage(), area);
        }
        return facts;
    }

    /** One instance of each value of event data (receipts are each their own), so rows share them. */
    private EventData shared(EventData data) {
        return data instanceof EventData.Received ? data : sharedData.computeIfAbsent(data, d -> d);
    }

    @Override
    public Optional<Complaint> load(ComplaintId id) {
        Entry entry = complaints.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.state());
    }

    @Override
    public List<ComplaintEvent> history(ComplaintId id) {
        // the entry is read within the read, so an append or erasure after it shows as an overlapping write
        return read(() -> {
            Entry entry = complaints.get(id);
            return entry == null ? List.of() : events(entry, view);
        });
    }

    /** The latest event of a complaint; under the write lock. */
    private ComplaintEvent lastEvent(Entry entry) {
        int r = entry.lastRow();
        Note note = note(view, r);
        return new ComplaintEvent(entry.state().id(), entry.state().version(), Facts.status(view.facts(r)),
                Micros.toInstant(view.occurred(r)), Micros.toInstant(view.recorded(r)), note.actor(), note.reason(),
                (EventData) view.data(r));
    }

    /** The events of a complaint as its entry has them; the view is read after the entry, so it holds them. */
    private ImmutableList<ComplaintEvent> events(Entry entry, Columns.View rows) {
        ComplaintId id = entry.state().id();
        int count = Math.toIntExact(entry.state().version());
        ImmutableList.Builder<ComplaintEvent> events = ImmutableList.builderWithExpectedSize(count);
        int r = entry.firstRow();
        for (int version = 1; version <= count; version++) {
            Note note = note(rows, r);
            events.add(new ComplaintEvent(id, version, Facts.status(rows.facts(r)), Micros.toInstant(rows.occurred(r)),
                    Micros.toInstant(rows.recorded(r)), note.actor(), note.reason(), (EventData) rows.data(r)));
            r = version < count ? rows.nextRow(r) : r;
        }
        return events.build();
    }

    /** Who recorded row {@code r} and why. */
    private Note note(Columns.View rows, int r) {
        return notes.get(rows.note(r));
    }

    @Override
    public Page<Complaint> find(ComplaintQuery query) {
        requireNonNull(query, "query");
        int subjectHash = query.subject().map(subject -> subject.keyValue().hashCode()).orElse(0);
        return Page.of(complaints.values().stream()
                .filter(e -> query.matches(e.state(), query.subject().flatMap(s -> e.keysIfMaybeOf(s, subjectHash))))
                .map(Entry::state)
                .filter(query::isAfterCursor)
                .collect(Comparators.least(query.limit() + 1, query.order())), query.limit());
    }

    /** The histories of the complaints the projection says {@code filter} wants. */
    @Override
    public Stream<ComplaintHistory> histories(HistoryFilter filter) {
        requireNonNull(filter, "filter");
        record Wanted(Columns.View rows, long[] bits) {
        }
        if (filter instanceof HistoryFilter.All) {
            return complaints.values().stream().map(this::historyOf);
        }
        Wanted wanted = scan(projection -> new Wanted(projection.view(), projection.wanted(filter)));
        Columns.View rows = wanted.rows();
        long[] bits = wanted.bits();
        return IntStream.range(0, rows.complaints()).filter(n -> (bits[n >>> 6] & (1L << n)) != 0)
                // a complaint whose first append is still under way has no entry yet: it is not there to read
                .mapToObj(n -> complaints.get(rows.id(n))).filter(Objects::nonNull).map(this::historyOf);
    }

    /** The history of a complaint, its entry read again within the read (see {@link #history}). */
    private ComplaintHistory historyOf(Entry entry) {
        ComplaintId id = entry.state().id();
        return new ComplaintHistory(read(() -> events(complaints.get(id), view)));
    }

    /** Counted from the projection's columns in one pass (two for a cohort). */
    @Override
    public GroupCounts count(CountQuery query) {
        requireNonNull(query, "query");
        return scan(projection -> projection.count(query));
    }

    /** Reads the projection's columns as {@link #read} does. */
    private <T> T scan(Function<ProjectionScan, T> read) {
        return read(() -> read.apply(new ProjectionScan(view, areas, holders)));
    }

    /**
     * Reads the columns and dictionaries without a lock, and checks afterwards that no append overlapped the
     * read (an append closes a complaint's last row and adds the next, and an erasure renumbers notes, which a
     * reader must see all or none of); if one did, or the read failed on what it saw half-written, reads
     * again under the read lock, which appends wait for.
     */
    private <T> T read(Supplier<T> read) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            try {
                T result = read.get();
                if (lock.validate(stamp)) {
                    return result;
                }
            } catch (RuntimeException e) {
                if (lock.validate(stamp)) {
                    throw e;
                }
            }
        }
        stamp = lock.readLock();
        try {
            return read.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * The feed is the rows in the order appended: position {@code p} is row {@code p - 1}. A batch is checked whole
     * before its first row is written, so no row of a failed batch is ever there; rows are read as {@link #history}
     * reads them.
     */
    @Override
    public List<FeedEvent> eventsAfter(long position, int limit) {
        return read(() -> {
            Columns.View rows = view;
            List<FeedEvent> page = new ArrayList<>(Math.min(limit, 1024));
            for (long p = position + 1; p <= rows.rows() && page.size() < limit; p++) {
                int r = Math.toIntExact(p - 1);
                Note note = note(rows, r);
                page.add(new FeedEvent(p, new ComplaintEvent(rows.id(rows.complaintOf(r)), rows.version(r),
                        Facts.status(rows.facts(r)), Micros.toInstant(rows.occurred(r)),
                        Micros.toInstant(rows.recorded(r)), note.actor(), note.reason(), (EventData) rows.data(r))));
            }
            return List.copyOf(page);
        });
    }

    /** Read under the read lock: a commit replaces a complaint's rows as one change. */
    @Override
    public ClockPage clocks(ClockQuery query) {
        requireNonNull(query, "query");
        long stamp = lock.readLock();
        try {
            return clocks.answer(query);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public Optional<PersonalData> personalData(ComplaintId id) {
        Entry entry = complaints.get(id);
        return entry == null || entry.personalData() == null ? Optional.empty()
                : Optional.of(PersonalDataCodec.decode(entry.personalData()));
    }

    @Override
    public long nextReferenceNumber(int year) {
        return sequences.computeIfAbsent(year, y -> new AtomicLong()).incrementAndGet();
    }

    /** How many complaints it holds. */
    public int size() {
        return complaints.size();
    }
}
