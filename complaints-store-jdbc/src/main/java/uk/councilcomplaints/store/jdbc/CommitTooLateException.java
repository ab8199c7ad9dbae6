package uk.councilcomplaints.store.jdbc;

import java.time.Duration;
import java.time.Instant;
import uk.councilcomplaints.ComplaintsException;

/**
 * A commit reached the database more than the settle window after its events were recorded, so a report
 * already taken "as known at" a later instant could have missed it; nothing was stored. Issue the command
 * again: it is recorded anew.
 */
public final class CommitTooLateException extends ComplaintsException {
    private static final long serialVersionUID = 1L;

    CommitTooLateException(Instant recordedAt, Instant committingAt, Duration settleWindow) {
        super("An event recorded at " + recordedAt + " was committing at " + committingAt
                + ", more than the settle window of " + settleWindow + " later; nothing was stored, issue the "
                + "command again (an importer replaying old moments gives the store its clock, see the builder)");
    }
}
