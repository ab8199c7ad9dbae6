package uk.councilcomplaints.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;

/**
 * What one command stores, all or nothing: new events after {@code expectedVersion}, the state they lead to,
 * and any change to the personal data. The constructor checks the new events among themselves (one complaint,
 * consecutive versions, neither happened nor recorded out of order, whole microseconds) and against the
 * state; a store checks them against what it holds with {@link #checkFollows(Optional)}.
 *
 * @param id the complaint
 * @param expectedVersion the version the command was decided on; 0 for a new complaint
 * @param events the new events, versions {@code expectedVersion + 1} onwards
 * @param state the state after the events
 * @param personalData personal data to store (a new complaint), if any
 * @param erasePersonalData whether to erase the stored personal data
 */
public record Commit(
        ComplaintId id,
        long expectedVersion,
        List<ComplaintEvent> events,
        Complaint state,
        Optional<PersonalData> personalData,
        boolean erasePersonalData) {

    public Commit {
        requireNonNull(id, "id");
        events = ImmutableList.copyOf(events);
        requireNonNull(state, "state");
        requireNonNull(personalData, "personalData");
        checkArgument(expectedVersion >= 0, "expectedVersion must be >= 0, was %s", expectedVersion);
        checkArgument(!events.isEmpty(), "a commit has at least one event");
        ComplaintEvent first = events.get(0);
        checkArgument(first.complaintId().equals(id), "event version %s is of complaint %s, in a commit for %s",
                first.version(), first.complaintId(), id);
        checkArgument(first.version() == expectedVersion + 1,
                "the first event of a commit after version %s must be version %s, was %s", expectedVersion,
                expectedVersion + 1, first.version());
        ComplaintHistory.checkEvents(events);
        long newVersion = expectedVersion + events.size();
        checkArgument(state.id().equals(id) && state.version() == newVersion,
                "state must be complaint %s at version %s, was %s at version %s", id, newVersion, state.id(),
                state.version());
        ComplaintEvent last = events.get(events.size() - 1);
        checkArgument(state.status() == last.status() && state.lastOccurredAt().equals(last.occurredAt()),
                "state must be %s at %s as left by event version %s, was %s at %s", last.status(),
                last.occurredAt(), last.version(), state.status(), state.lastOccurredAt());
        if (expectedVersion == 0) {
            checkArgument(state.equals(new ComplaintHistory(events).current()),
                    "the state of new complaint %s must be the fold of its events", id);
        }
        checkArgument(!(erasePersonalData && personalData.isPresent()), "cannot both store and erase personal data");
    }

    /** A commit of events only. */
    public static Commit of(long expectedVersion, List<ComplaintEvent> events, Complaint state) {
        return new Commit(state.id(), expectedVersion, events, state, Optional.empty(), false);
    }

    /** The version after this commit. */
    public long newVersion() {
        return expectedVersion + events.size();
    }

    /** Whether this commit creates the complaint. */
    public boolean creates() {
        return expectedVersion == 0;
    }

    /**
     * The check every store makes before storing anything, under the same lock or transaction as its write:
     * the complaint's latest stored event ({@code lastStored}; empty when the store has no such complaint) is
     * at the expected version, and this commit's first event follows it (same complaint, next version, neither
     * happened nor recorded before it).
     *
     * @throws VersionConflictException if the stored version is not the expected one (a complaint that exists
     *     when this commit creates it, or one that does not exist when it does not)
     * @throws IllegalArgumentException if the first new event is dated or recorded before {@code lastStored},
     *     naming both versions and instants
     */
    public void checkFollows(Optional<ComplaintEvent> lastStored) {
        requireNonNull(lastStored, "lastStored");
        long actual = lastStored.map(ComplaintEvent::version).orElse(0L);
        if (actual != expectedVersion) {
            throw new VersionConflictException(id, expectedVersion, actual);
        }
        lastStored.ifPresent(last -> ComplaintHistory.checkFollows(last, events.get(0)));
    }
}
