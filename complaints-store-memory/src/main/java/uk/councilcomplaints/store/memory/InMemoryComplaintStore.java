package uk.councilcomplaints.store.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.Comparators;
import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.Cursor;
import uk.councilcomplaints.store.DataSubject;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.store.GroupCounts;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.ProjectionRow;
import uk.councilcomplaints.store.VersionConflictException;

/**
 * A {@link ComplaintStore} held in memory: for tests, demos and deployments that fit in a heap. Each event is
 * one row of primitive columns holding its times, its {@link ProjectionRow projection} (the state reports
 * count) and what it says, about 60 bytes an event, so a report is one scan over arrays. Thread-safe: appends
 * take a write lock; reads take none (a scan of the columns checks that no append overlapped it, else reads
 * again under the read lock) and see each complaint's state, history and personal data as one value.
 * Everything it returns is immutable. Lost when the JVM stops.
 */
public final class InMemoryComplaintStore implements ComplaintStore {

    /**
     * One complaint, replaced whole by each append: its current state, its personal data (encoded; null when
     * erased or never given), its number among the complaints and its first and last rows.
     */
    private record Entry(Complaint state, byte[] personalData, int number, int firstRow, int lastRow) {
    }

    private final ConcurrentMap<ComplaintId, Entry> complaints = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, AtomicLong> sequences = new ConcurrentHashMap<>();
    /** Appends write; scans read, optimistically (see {@link #scan(Function)}). */
    private final StampedLock lock = new StampedLock();
    // written under the write lock only
    private final Map<String, ComplaintId> references = new HashMap<>();
    private final Map<EventData, EventData> sharedData = new HashMap<>();
    private final Columns columns = new Columns();
    private final Dictionary<ServiceArea> areas = new Dictionary<>();
    private final Dictionary<Holder> holders = new Dictionary<>();
    private final Dictionary<Note> notes = new Dictionary<>();
    /** What readers of the columns may read; published after each append, before its entry. */
    private volatile Columns.View view;

    public InMemoryComplaintStore() {
        holders.numberOf(Holder.NONE);
        view = columns.view(areas.size(), holders.size());
    }

    @Override
    public void append(Commit commit) {
        requireNonNull(commit, "commit"); // its events' times are whole microseconds (Commit checks them)
        byte[] newPersonalData = commit.personalData().map(PersonalDataCodec::encode).orElse(null);
        long stamp = lock.writeLock();
        try {
            ComplaintId id = commit.id();
            Entry entry = complaints.get(id);
            commit.checkFollows(entry == null ? Optional.empty() : Optional.of(lastEvent(entry)));
            String reference = commit.state().reference();
            if (commit.creates() && references.containsKey(reference)) {
                throw new DuplicateReferenceException(reference);
            }
            if (commit.erasePersonalData() && entry != null) {
                eraseReasons(entry);
            }
            int[] facts = facts(commit.projection());
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
            byte[] personal = commit.erasePersonalData() ? null
                    : newPersonalData != null ? newPersonalData : entry == null ? null : entry.personalData();
            view = columns.view(areas.size(), holders.size());
            complaints.put(id, new Entry(commit.state(), personal, number, entry == null ? first : entry.firstRow(),
                    previous));
            if (entry == null) {
                references.put(reference, id);
            }
        } finally {
            lock.unlockWrite(stamp);
        }
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

    /** The packed facts of each row, numbering new service areas; fails before anything is written. */
    private int[] facts(List<ProjectionRow> rows) {
        int[] facts = new int[rows.size()];
        for (int i = 0; i < facts.length; i++) {
            ProjectionRow row = rows.get(i);
            int area = areas.numberOf(row.serviceArea());
            ServiceArea known = areas.get(area);
            if (ServiceArea.labelOf(known, row.serviceArea()) != known) {
                areas.replace(area, row.serviceArea()); // one name per code, whichever complaint came first
            }
            if (area >= Facts.MAX_AREAS) {
                throw new IllegalStateException("the memory store holds at most " + Facts.MAX_AREAS
                        + " service areas; " + row.serviceArea().code() + " is one more");
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
        Entry entry = complaints.get(id);
        return entry == null ? List.of() : events(entry, view);
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

    /**
     * Who recorded row {@code r} and why. An erasure may give the row another note and forget the one read
     * meanwhile; the row then holds the new number, so it is read again.
     */
    private Note note(Columns.View rows, int r) {
        Note note = notes.get(rows.note(r));
        return note != null ? note : notes.get(rows.note(r));
    }

    @Override
    public Page<Complaint> find(ComplaintQuery query) {
        List<Complaint> found = complaints.values().stream()
                .map(Entry::state)
                .filter(query::matches)
                .filter(query::isAfterCursor)
                .collect(Comparators.least(query.limit() + 1, query.order()));
        if (found.size() <= query.limit()) {
            return new Page<>(found, Optional.empty());
        }
        List<Complaint> page = found.subList(0, query.limit());
        return new Page<>(page, Optional.of(Cursor.after(page.get(page.size() - 1))));
    }

    @Override
    public Stream<ComplaintHistory> histories() {
        return complaints.values().stream().map(this::historyOf);
    }

    /** The histories of the complaints the projection says {@code filter} wants. */
    @Override
    public Stream<ComplaintHistory> histories(HistoryFilter filter) {
        requireNonNull(filter, "filter");
        record Wanted(Columns.View rows, long[] bits) {
        }
        Wanted wanted = scan(projection -> new Wanted(projection.view(), projection.wanted(filter)));
        Columns.View rows = wanted.rows();
        long[] bits = wanted.bits();
        return IntStream.range(0, rows.complaints()).filter(n -> (bits[n >>> 6] & (1L << n)) != 0)
                // a complaint whose first append is still under way has no entry yet: it is not there to read
                .mapToObj(n -> complaints.get(rows.id(n))).filter(Objects::nonNull).map(this::historyOf);
    }

    /** The history of a complaint as its entry has it. */
    private ComplaintHistory historyOf(Entry entry) {
        return new ComplaintHistory(events(entry, view));
    }

    /** Counted from the projection's columns in one pass (two for a cohort). */
    @Override
    public GroupCounts count(CountQuery query) {
        requireNonNull(query, "query");
        return scan(projection -> projection.count(query));
    }

    /**
     * Reads the published columns without a lock, and checks afterwards that no append overlapped the read
     * (an append closes a complaint's last row and adds the next, which a reader must see both or neither
     * of); if one did, reads them again under the read lock, which appends wait for.
     */
    private <T> T scan(Function<ProjectionScan, T> read) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            T result = read.apply(new ProjectionScan(view, areas, holders));
            if (lock.validate(stamp)) {
                return result;
            }
        }
        stamp = lock.readLock();
        try {
            return read.apply(new ProjectionScan(view, areas, holders));
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

    /** A scan of the held personal data, decoding each. */
    @Override
    public List<ComplaintId> complaintsOf(DataSubject subject) {
        requireNonNull(subject, "subject");
        return complaints.values().stream()
                .filter(e -> e.personalData() != null
                        && subject.matches(PersonalDataCodec.decode(e.personalData()).complainant()))
                .map(e -> e.state().id())
                .toList();
    }

    /** A scan of the current states. */
    @Override
    public List<Complaint> closedWithPersonalData(Instant lastEventBefore) {
        requireNonNull(lastEventBefore, "lastEventBefore");
        return complaints.values().stream().map(Entry::state)
                .filter(c -> ComplaintStore.isClosedWithPersonalData(c, lastEventBefore))
                .toList();
    }

    /** From the map of references, not a scan of the complaints. */
    @Override
    public Set<String> referencesUsed(Collection<String> wanted) {
        long stamp = lock.readLock();
        try {
            return wanted.stream().filter(references::containsKey).collect(Collectors.toUnmodifiableSet());
        } finally {
            lock.unlockRead(stamp);
        }
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
