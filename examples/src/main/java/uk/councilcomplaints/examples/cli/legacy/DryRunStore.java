package uk.councilcomplaints.examples.cli.legacy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/**
 * A scratch store for trying a row's commands before storing them: what they write goes to an empty memory
 * store, emptied for each row; the current state of a complaint it does not hold (the original a duplicate
 * names) is loaded from the real store, which is never written.
 */
final class DryRunStore implements ComplaintStore {

    private final ComplaintStore real;
    private InMemoryComplaintStore scratch = new InMemoryComplaintStore();

    DryRunStore(ComplaintStore real) {
        this.real = real;
    }

    /** Forgets everything written so far. */
    void reset() {
        scratch = new InMemoryComplaintStore();
    }

    @Override
    public void append(Commit commit) {
        scratch.append(commit);
    }

    @Override
    public Optional<Complaint> load(ComplaintId id) {
        Optional<Complaint> c = scratch.load(id);
        return c.isPresent() ? c : real.load(id);
    }

    @Override
    public List<ComplaintEvent> history(ComplaintId id) {
        return scratch.history(id);
    }

    @Override
    public Page<Complaint> find(ComplaintQuery query) {
        return scratch.find(query);
    }

    @Override
    public Stream<ComplaintHistory> histories() {
        return scratch.histories();
    }

    @Override
    public Optional<PersonalData> personalData(ComplaintId id) {
        return scratch.personalData(id);
    }

    @Override
    public long nextReferenceNumber(int year) {
        return scratch.nextReferenceNumber(year);
    }
}
