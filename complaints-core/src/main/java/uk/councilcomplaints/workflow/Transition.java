package uk.councilcomplaints.workflow;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.util.Set;
import uk.councilcomplaints.model.Status;

/**
 * One row of the transition table: a command, the statuses it may be issued from, and the statuses it may
 * lead to. An empty {@code to} means the status does not change; more than one means the command chooses.
 */
public record Transition(CommandType command, Set<Status> from, Set<Status> to) {

    public Transition {
        requireNonNull(command, "command");
        from = ImmutableSet.copyOf(from);
        to = ImmutableSet.copyOf(to);
    }

    /** Whether the status stays as it is. */
    public boolean keepsStatus() {
        return to.isEmpty();
    }
}
