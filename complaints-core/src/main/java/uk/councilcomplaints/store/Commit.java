package uk.councilcomplaints.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;

/**
 * What one command stores, all or nothing: new events after {@code expectedVersion}, the state they lead to,
 * and any change to the personal data.
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
        for (int i = 0; i < events.size(); i++) {
            ComplaintEvent e = events.get(i);
            checkArgument(e.complaintId().equals(id), "event for %s in a commit for %s", e.complaintId(), id);
            checkArgument(e.version() == expectedVersion + 1 + i, "event version %s, expected %s",
                    e.version(), expectedVersion + 1 + i);
        }
        checkArgument(state.id().equals(id) && state.version() == expectedVersion + events.size(),
                "state must be complaint %s at version %s", id, expectedVersion + events.size());
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
}
