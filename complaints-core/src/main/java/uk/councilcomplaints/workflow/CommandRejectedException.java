package uk.councilcomplaints.workflow;

import com.google.common.collect.ImmutableSet;
import java.util.Set;
import uk.councilcomplaints.ComplaintsException;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Status;

/**
 * A valid command that the complaint's state does not allow: the wrong status, or a guard that failed.
 * Nothing was changed. The message names the complaint, its status, the command and the commands allowed now.
 */
public final class CommandRejectedException extends ComplaintsException {
    private static final long serialVersionUID = 1L;

    private final String reference;
    private final Status status;
    private final CommandType command;
    private final Set<CommandType> allowed;

    CommandRejectedException(Complaint complaint, CommandType command, String why, Set<CommandType> allowed) {
        super(String.format("Complaint %s (%s) is %s: cannot %s: %s. Allowed now: %s", complaint.reference(),
                complaint.id(), complaint.status(), command, why, allowed));
        this.reference = complaint.reference();
        this.status = complaint.status();
        this.command = command;
        this.allowed = ImmutableSet.copyOf(allowed);
    }

    /** The complaint's reference. */
    public String reference() {
        return reference;
    }

    /** The complaint's status when the command was rejected. */
    public Status status() {
        return status;
    }

    /** The rejected command. */
    public CommandType command() {
        return command;
    }

    /**
     * The commands allowed now: those the status allows that no guard refuses whatever their values. One of them
     * may still be refused for what it says (an officer, a number of days) or its date.
     */
    public Set<CommandType> allowed() {
        return allowed;
    }
}
