package uk.councilcomplaints.store.memory;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.Comparators;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.store.Cursor;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.store.Page;

/**
 * A {@link ComplaintStore} held in memory: for tests, demos and small deployments. Thread-safe; it keeps
 * only immutable values, so nothing it returns can change it. Lost when the JVM stops.
 */
public final class InMemoryComplaintStore implements ComplaintStore {

    /**
     * One complaint: its current state, its history and its personal data (null once erased or never given),
     * replaced together, so a reader never sees one without the others.
     */
    private record Entry(Complaint state, EventList events, PersonalData personalData) {
    }

    private final ConcurrentMap<ComplaintId, Entry> complaints = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ComplaintId> references = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, AtomicLong> sequences = new ConcurrentHashMap<>();

    @Override
    public void append(Commit commit) {
        requireNonNull(commit, "commit");
        if (commit.creates()) {
            create(commit);
        } else {
            update(commit);
        }
    }

    private void create(Commit commit) {
        ComplaintId id = commit.id();
        String reference = commit.state().reference();
        ComplaintId holder = references.putIfAbsent(reference, id);
        if (holder != null) {
            if (holder.equals(id)) {
                // the same complaint created twice (a retry): a stale version, not someone else's reference
                Entry existing = complaints.get(id);
                throw new VersionConflictException(id, 0, existing == null ? -1 : existing.state().version());
            }
            throw new DuplicateReferenceException(reference);
        }
        try {
            complaints.compute(id, (key, current) -> {
                if (current != null) {
                    throw new VersionConflictException(id, 0, current.state().version());
                }
                return new Entry(commit.state(), EventList.of(commit.events()), commit.personalData().orElse(null));
            });
        } catch (VersionConflictException e) {
            references.remove(reference, id);
            throw e;
        }
    }

    private void update(Commit commit) {
        ComplaintId id = commit.id();
        complaints.compute(id, (key, entry) -> {
            long actual = entry == null ? 0 : entry.state().version();
            if (actual != commit.expectedVersion()) {
                throw new VersionConflictException(id, commit.expectedVersion(), actual);
            }
            PersonalData personal = commit.erasePersonalData() ? null
                    : commit.personalData().orElse(entry.personalData());
            return new Entry(commit.state(), entry.events().append(commit.events()), personal);
        });
    }

    @Override
    public Optional<Complaint> load(ComplaintId id) {
        Entry entry = complaints.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.state());
    }

    @Override
    public List<ComplaintEvent> history(ComplaintId id) {
        Entry entry = complaints.get(id);
        return entry == null ? List.of() : entry.events();
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
        return complaints.values().stream().map(entry -> new ComplaintHistory(entry.events()));
    }

    @Override
    public Optional<PersonalData> personalData(ComplaintId id) {
        Entry entry = complaints.get(id);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.personalData());
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
