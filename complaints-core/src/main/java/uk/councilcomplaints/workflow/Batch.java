package uk.councilcomplaints.workflow;

import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.event.ComplaintHistory;
import java.util.Map;
import java.util.HashMap;
import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.store.ComplaintStore;

/**
 * Commands for importers, decided one by one exactly as {@link Complaints} decides them (the same
 * validation, guards and events, each command seeing the batch's earlier ones), then stored together by
 * {@link #commit()} with one {@link ComplaintStore#appendAll} call. A rejected command throws at once and
 * joins nothing; {@link #allOrNone} makes several commands join together or not at all. A new contact reads
 * nothing from the store but whether its reference is used ({@link #referencesUsed} looks up many at once).
 * Get one from {@link Complaints#batch()}; not thread-safe; commit once.
 */
public final class Batch {

    private final ComplaintStore store;
    private final BatchStore overlay;
    private final Complaints complaints;
    private final List<String> items = new ArrayList<>();
    private boolean committed;

    Batch(ComplaintStore store, Function<ComplaintStore, Complaints> rules) {
        this.store = store;
        this.overlay = new BatchStore(store);
        this.complaints = rules.apply(overlay);
    }

    /** Decides a new contact, as {@link Complaints#receive}; it is stored on {@link #commit()}. */
    public Complaint receive(ReceiveContact command, Audit audit) {
        checkOpen();
        Complaint c = complaints.receive(command, audit);
        items.add("RECEIVE " + c.reference());
        return c;
    }

    /** Decides {@code command}, as {@link Complaints#execute(ComplaintId, Command, Audit)}. */
    public Complaint execute(ComplaintId id, Command command, Audit audit) {
        checkOpen();
        return added(command, complaints.execute(id, command, audit));
    }

    /** Decides {@code command} if the complaint is at {@code expectedVersion}, as the facade does. */
    public Complaint execute(ComplaintId id, long expectedVersion, Command command, Audit audit) {
        checkOpen();
        return added(command, complaints.execute(id, expectedVersion, command, audit));
    }

    private Complaint added(Command command, Complaint c) {
        items.add(command.type() + " on " + c.reference());
        return c;
    }

    /**
     * Decides the commands {@code unit} issues on this batch as one: if it throws, none of them joins the
     * batch (the batch is as it was before) and the exception is passed on. For importers that store a record
     * whole or not at all.
     *
     * @return what {@code unit} returned
     */
    public <T> T allOrNone(Function<Batch, T> unit) {
        checkOpen();
        int mark = overlay.mark();
        int size = items.size();
        try {
            return unit.apply(this);
        } catch (RuntimeException | Error e) {
            overlay.rollback(mark);
            items.subList(size, items.size()).clear();
            throw e;
        }
    }

    /**
     * Which of {@code references} the store already holds (not counting this batch's contacts), looked up in
     * one {@link ComplaintStore#find} a thousand references; receiving a contact with any of them then reads
     * nothing more from the store.
     */
    public Set<String> referencesUsed(Collection<String> references) {
        checkOpen();
        return overlay.referencesUsed(List.copyOf(references));
    }

    /** How many commands the batch holds. */
    public int size() {
        return items.size();
    }

    /**
     * Stores every command of the batch with one {@link ComplaintStore#appendAll} call.
     *
     * @throws BatchFailedException naming the command that failed by its index (0 for the first command
     *     the batch accepted); nothing of the batch was stored
     */
    public void commit() {
        checkOpen();
        committed = true;
        try {
            store.appendAll(withClocks(overlay.commits()));
        } catch (BatchFailedException e) {
            throw new BatchFailedException(e.index(), items.get(e.index()),
                    (RuntimeException) e.getCause());
        }
    }

    /**
     * The commits, each complaint's last one with the clock rows of the complaint after the batch (the store keeps
     * only those); the commands were decided without working them out each time.
     */
    private List<Commit> withClocks(List<Commit> commits) {
        Map<ComplaintId, Integer> last = new HashMap<>();
        for (int i = 0; i < commits.size(); i++) {
            last.put(commits.get(i).id(), i);
        }
        List<Commit> out = new ArrayList<>(commits);
        last.forEach((id, i) -> out.set(i, out.get(i).withClocks(
                complaints.sla().clockRows(new ComplaintHistory(overlay.history(id))))));
        return out;
    }

    private void checkOpen() {
        checkState(!committed, "the batch was already committed");
    }
}
