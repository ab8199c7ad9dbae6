package uk.councilcomplaints.workflow;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.VersionConflictException;

/**
 * The store as a {@link Batch} sees it: the store's complaints with the batch's commits on top. Appends are
 * checked as a store checks them (versions, ids, references) and kept until the batch is committed; finding
 * and streaming read the store alone. Not thread-safe.
 */
final class BatchStore implements ComplaintStore {

    private record Pending(Complaint state, List<ComplaintEvent> events) {
    }

    private final ComplaintStore store;
    private final Map<ComplaintId, Pending> pending = new HashMap<>();
    private final Map<ComplaintId, Optional<PersonalData>> personalData = new HashMap<>();
    private final Set<String> references = new HashSet<>();
    private final List<Commit> commits = new ArrayList<>();

    BatchStore(ComplaintStore store) {
        this.store = store;
    }

    /** The commits appended so far, in order. */
    List<Commit> commits() {
        return ImmutableList.copyOf(commits);
    }

    @Override
    public void append(Commit commit) {
        ComplaintId id = commit.id();
        Optional<Complaint> current = load(id);
        long actual = current.map(Complaint::version).orElse(0L);
        if (actual != commit.expectedVersion() || (commit.creates() && current.isPresent())) {
            throw new VersionConflictException(id, commit.expectedVersion(), actual);
        }
        String reference = commit.state().reference();
        if (commit.creates() && (references.contains(reference)
                || !store.find(ComplaintQuery.builder().reference(reference).limit(1).build()).items().isEmpty())) {
            throw new DuplicateReferenceException(reference);
        }
        List<ComplaintEvent> stored = history(id);
        if (commit.erasePersonalData()) {
            stored = stored.stream().map(ComplaintEvent::withReasonErased).toList();
        }
        List<ComplaintEvent> events = ImmutableList.<ComplaintEvent>builder().addAll(stored)
                .addAll(commit.events()).build();
        pending.put(id, new Pending(commit.state(), events));
        if (commit.creates()) {
            references.add(reference);
        }
        if (commit.erasePersonalData()) {
            personalData.put(id, Optional.empty());
        }
        commit.personalData().ifPresent(p -> personalData.put(id, Optional.of(p)));
        commits.add(commit);
    }

    @Override
    public Optional<Complaint> load(ComplaintId id) {
        Pending p = pending.get(id);
        return p != null ? Optional.of(p.state()) : store.load(id);
    }

    @Override
    public List<ComplaintEvent> history(ComplaintId id) {
        Pending p = pending.get(id);
        return p != null ? p.events() : store.history(id);
    }

    @Override
    public Page<Complaint> find(ComplaintQuery query) {
        return store.find(query);
    }

    @Override
    public Stream<ComplaintHistory> histories() {
        return store.histories();
    }

    @Override
    public Optional<PersonalData> personalData(ComplaintId id) {
        Optional<PersonalData> p = personalData.get(id);
        return p != null ? p : store.personalData(id);
    }

    @Override
    public long nextReferenceNumber(int year) {
        return store.nextReferenceNumber(year);
    }
}
