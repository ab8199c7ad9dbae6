package uk.councilcomplaints.workflow;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
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
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.VersionConflictException;

/**
 * The store as a {@link Batch} sees it: the store's complaints with the batch's commits on top. Appends are
 * checked as a store checks them (versions, ids, references) and kept until the batch is committed; finding
 * and streaming read the store alone. A new complaint reads nothing from the store but whether its reference
 * is used, and not even that for a reference already looked up with {@link #referencesUsed}; its id, random,
 * is checked against the batch here and against the store when the batch is stored. Appends since a
 * {@link #mark()} can be undone. Not thread-safe.
 */
final class BatchStore implements ComplaintStore {

    private record Pending(Complaint state, List<ComplaintEvent> events) {
    }

    /** What one append changed, to undo it: the complaint's pending entry and personal data before it. */
    private record Undo(ComplaintId id, Pending before, boolean hadPersonalData, Optional<PersonalData> personalBefore,
            Optional<String> reference) {
    }

    private final ComplaintStore store;
    private final Map<ComplaintId, Pending> pending = new HashMap<>();
    private final Map<ComplaintId, Optional<PersonalData>> personalData = new HashMap<>();
    private final Set<String> references = new HashSet<>();
    /** References looked up in the store, and whether it holds them. */
    private final Map<String, Boolean> stored = new HashMap<>();
    private final List<Commit> commits = new ArrayList<>();
    private final Deque<Undo> undo = new ArrayDeque<>();

    BatchStore(ComplaintStore store) {
        this.store = store;
    }

    /** The commits appended so far, in order. */
    List<Commit> commits() {
        return ImmutableList.copyOf(commits);
    }

    /** A point to go back to with {@link #rollback(int)}: the number of commits so far. */
    int mark() {
        return commits.size();
    }

    /** Undoes every append since {@code mark}. */
    void rollback(int mark) {
        while (commits.size() > mark) {
            commits.remove(commits.size() - 1);
            Undo u = undo.pop();
            if (u.before() == null) {
                pending.remove(u.id());
            } else {
                pending.put(u.id(), u.before());
            }
            if (u.hadPersonalData()) {
                personalData.put(u.id(), u.personalBefore());
            } else {
                personalData.remove(u.id());
            }
            u.reference().ifPresent(references::remove);
        }
    }

    /** Appends each commit in turn; when one fails, undoes those before it and names it. */
    @Override
    public void appendAll(List<Commit> batch) {
        int mark = mark();
        for (int i = 0; i < batch.size(); i++) {
            Commit commit = batch.get(i);
            try {
                append(commit);
            } catch (RuntimeException e) {
                rollback(mark);
                throw BatchFailedException.of(i, commit, e);
            }
        }
    }

    @Override
    public void append(Commit commit) {
        ComplaintId id = commit.id();
        Pending before = pending.get(id);
        // a new complaint's id is random: the store checks it against its own when the batch is stored. The version
        // is read from the same history the pending events extend, so a commit by another writer in between makes
        // the batch's commit conflict in the store, never a history that skips a version
        List<ComplaintEvent> read = before != null ? before.events() : commit.creates() ? List.of() : store.history(id);
        // a complaint's first event is version 1, so a create (expected version 0) of one that exists conflicts
        long actual = read.isEmpty() ? 0 : read.get(read.size() - 1).version();
        if (actual != commit.expectedVersion()) {
            throw new VersionConflictException(id, commit.expectedVersion(), actual);
        }
        String reference = commit.state().reference();
        if (commit.creates() && (references.contains(reference) || isStored(reference))) {
            throw new DuplicateReferenceException(reference);
        }
        List<ComplaintEvent> earlier = read;
        if (commit.erasePersonalData()) {
            earlier = earlier.stream().map(ComplaintEvent::withReasonErased).toList();
        }
        List<ComplaintEvent> events = ImmutableList.<ComplaintEvent>builder().addAll(earlier)
                .addAll(commit.events()).build();
        boolean hadPersonalData = personalData.containsKey(id);
        undo.push(new Undo(id, before, hadPersonalData, hadPersonalData ? personalData.get(id) : Optional.empty(),
                commit.creates() ? Optional.of(reference) : Optional.empty()));
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

    private boolean isStored(String reference) {
        return !referencesUsed(List.of(reference)).isEmpty();
    }

    /**
     * Which of {@code references} the store holds, in one {@link #find} a thousand for those not looked up
     * before; the answers are kept, so receiving a contact with one of them reads nothing more.
     */
    Set<String> referencesUsed(Collection<String> wanted) {
        // text no stored reference can hold is held by none, and is not asked of the store
        Map<Boolean, List<String>> askable = wanted.stream().distinct().filter(r -> !stored.containsKey(r))
                .collect(Collectors.partitioningBy(ComplaintQuery::canMatch));
        askable.get(false).forEach(r -> stored.put(r, false));
        List<String> unknown = askable.get(true);
        if (!unknown.isEmpty()) {
            Set<String> used = referencesUsed(store, unknown);
            unknown.forEach(r -> stored.put(r, used.contains(r)));
        }
        Set<String> used = new HashSet<>();
        for (String r : wanted) {
            if (stored.get(r)) {
                used.add(r);
            }
        }
        return Set.copyOf(used);
    }

    /** Which of {@code references} (distinct) {@code store} holds, by {@link ComplaintQuery} pages. */
    private static Set<String> referencesUsed(ComplaintStore store, List<String> references) {
        Set<String> used = new HashSet<>();
        for (int from = 0; from < references.size(); from += ComplaintQuery.MAX_LIMIT) {
            List<String> part = references.subList(from, Math.min(references.size(), from + ComplaintQuery.MAX_LIMIT));
            Page<Complaint> page = store.find(ComplaintQuery.builder().references(part).limit(ComplaintQuery.MAX_LIMIT)
                    .build());
            page.items().forEach(c -> used.add(c.reference()));
        }
        return used;
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
    public Stream<ComplaintHistory> histories(HistoryFilter filter) {
        return store.histories(filter);
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

    /** The store's clock rows: a batch's commits are not in the queues until it is stored. */
    @Override
    public ClockPage clocks(ClockQuery query) {
        return store.clocks(query);
    }

    /** The store's feed: a batch's events are not in it until the batch is stored. */
    @Override
    public List<FeedEvent> eventsAfter(long position, int limit) {
        return store.eventsAfter(position, limit);
    }
}
