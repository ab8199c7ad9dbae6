package uk.councilcomplaints.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.feed.FeedEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.Page;

/**
 * A single-threaded test double behind the facade: keeps every commit it is given, so a test can see exactly
 * what the facade stored (or that it stored nothing). Not a store implementation: no concurrency, no paging.
 */
final class RecordingStore implements ComplaintStore {

    final List<Commit> commits = new ArrayList<>();
    private final Map<ComplaintId, List<ComplaintEvent>> events = new HashMap<>();
    private final Map<ComplaintId, PersonalData> personal = new HashMap<>();
    private long references;

    @Override
    public void appendAll(List<Commit> batch) {
        batch.forEach(this::record);
    }

    private void record(Commit commit) {
        List<ComplaintEvent> history = events.computeIfAbsent(commit.id(), id -> new ArrayList<>());
        if (history.size() != commit.expectedVersion()) {
            throw new IllegalStateException("test double: version " + history.size() + ", commit expects "
                    + commit.expectedVersion());
        }
        history.addAll(commit.events());
        commit.personalData().ifPresent(p -> personal.put(commit.id(), p));
        if (commit.erasePersonalData()) {
            personal.remove(commit.id());
        }
        commits.add(commit);
    }

    @Override
    public Optional<Complaint> load(ComplaintId id) {
        List<ComplaintEvent> history = history(id);
        return history.isEmpty() ? Optional.empty() : Optional.of(new ComplaintHistory(history).current());
    }

    @Override
    public List<ComplaintEvent> history(ComplaintId id) {
        return List.copyOf(events.getOrDefault(id, List.of()));
    }

    @Override
    public Page<Complaint> find(ComplaintQuery query) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public Stream<ComplaintHistory> histories(HistoryFilter filter) {
        return events.values().stream().map(ComplaintHistory::new);
    }

    @Override
    public Optional<PersonalData> personalData(ComplaintId id) {
        return Optional.ofNullable(personal.get(id));
    }

    @Override
    public long nextReferenceNumber(int year) {
        return ++references;
    }

    @Override
    public ClockPage clocks(ClockQuery query) {
        return ClockPage.of(List.of(), query.limit());
    }

    @Override
    public List<FeedEvent> eventsAfter(long position, int limit) {
        return List.of();
    }
}
