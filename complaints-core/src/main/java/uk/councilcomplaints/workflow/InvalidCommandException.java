package uk.councilcomplaints.workflow;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;
import uk.councilcomplaints.ComplaintsException;

/** A command failed validation; nothing was changed. Lists every violated field. */
public final class InvalidCommandException extends ComplaintsException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidCommandException(String command, List<Violation> violations) {
        super("Invalid " + command + ": "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = ImmutableList.copyOf(violations);
    }

    /** The violated fields, sorted by path. */
    public List<Violation> violations() {
        return violations;
    }
}
