package uk.councilcomplaints.examples.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Status;

/**
 * What the writers did, kept to be compared with the store afterwards. Every command is issued under a tag of
 * its own, its audit's actor, so its event can be found in a history: the tags issued, the commands the store
 * accepted (the complaint, the version and the status its event must have), the contacts received and their
 * references, and the commands refused by a version conflict, a guard or the settle window. Thread-safe.
 */
final class Ledger {

    /** Where an accepted command's event must be. */
    record Accepted(ComplaintId id, long version, Status status) {
    }

    private static final int REJECTIONS_KEPT = 5;

    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ComplaintId, String> received = new ConcurrentHashMap<>();
    private final LongAdder conflicts = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder tooLate = new LongAdder();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, LongAdder> mix = new ConcurrentHashMap<>();

    /** A new command is about to be issued under {@code tag}. */
    void issue(String tag) {
        if (!issued.add(tag)) {
            throw new IllegalArgumentException("tag issued twice: " + tag);
        }
    }

    /**
     * The store accepted the command issued under {@code tag}, of kind {@code kind} (its type, or RECEIVE);
     * {@code after} is the state it returned.
     */
    void accept(String tag, String kind, Complaint after) {
        mix.computeIfAbsent(kind, k -> new LongAdder()).increment();
        accepted.put(tag, new Accepted(after.id(), after.version(), after.status()));
        if (after.version() == 1) {
            received.put(after.id(), after.reference());
        }
    }

    void conflict() {
        conflicts.increment();
    }

    void lateCommit() {
        tooLate.increment();
    }

    void reject(String message) {
        rejected.increment();
        if (rejections.size() < REJECTIONS_KEPT) {
            rejections.add(message);
        }
    }

    boolean issued(String tag) {
        return issued.contains(tag);
    }

    Optional<Accepted> accepted(String tag) {
        return Optional.ofNullable(accepted.get(tag));
    }

    Set<String> acceptedTags() {
        return accepted.keySet();
    }

    /** The reference a contact received by the writers was given, if they received it. */
    Optional<String> reference(ComplaintId id) {
        return Optional.ofNullable(received.get(id));
    }

    int receivedCount() {
        return received.size();
    }

    long conflicts() {
        return conflicts.sum();
    }

    long rejected() {
        return rejected.sum();
    }

    long lateCommits() {
        return tooLate.sum();
    }

    /** How many of each kind of command were accepted, most first, as percentages of all. */
    String mix() {
        long all = mix.values().stream().mapToLong(LongAdder::sum).sum();
        return mix.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100.0 * e.getValue().sum() / all))
                .collect(Collectors.joining(", "));
    }

    /** The first few rejections' messages. */
    List<String> rejections() {
        return List.copyOf(rejections);
    }
}
