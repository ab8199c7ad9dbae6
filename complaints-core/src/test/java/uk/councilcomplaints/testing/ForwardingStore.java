package uk.councilcomplaints.testing;

import static java.util.Objects.requireNonNull;

import java.util.List;
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
 * A store that passes the SPI's abstract methods on to another store, for tests that watch or break one of
 * them by overriding it. The SPI's default methods are not passed on: they run over these, so a flaw added
 * here shows through every read built on them.
 */
public class ForwardingStore implements ComplaintStore {

    /** The store every call goes to. */
    protected final ComplaintStore store;

    /** Passes every call on to {@code store}. */
    public ForwardingStore(ComplaintStore store) {
        this.store = requireNonNull(store, "store");
    }

    @Override
    public void appendAll(List<Commit> commits) {
        store.appendAll(commits);
    }

    @Override
    public Optional<Complaint> load(ComplaintId id) {
        return store.load(id);
    }

    @Override
    public List<ComplaintEvent> history(ComplaintId id) {
        return store.history(id);
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
        return store.personalData(id);
    }

    @Override
    public long nextReferenceNumber(int year) {
        return store.nextReferenceNumber(year);
    }

    @Override
    public ClockPage clocks(ClockQuery query) {
        return store.clocks(query);
    }

    @Override
    public List<FeedEvent> eventsAfter(long position, int limit) {
        return store.eventsAfter(position, limit);
    }
}
