package uk.councilcomplaints.protection;

import java.time.LocalDate;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.store.VersionConflictException;

/**
 * What {@link DataProtection} needs from the workflow behind the facade: its checks of a retention run, its
 * current state of a complaint, and the erasure command (validated, guarded and audited like any other
 * command). The {@code Complaints} facade implements it; a council's app has no need to.
 */
public interface Erasure {

    /**
     * Rejects {@code day} unless expired complaints can be listed for it.
     *
     * @throws RuntimeException the workflow's invalid-command exception, naming the field {@code day}
     */
    void checkDay(LocalDate day);

    /**
     * Rejects a retention run for {@code day} recorded by {@code actor}: the actor is not valid, or the day is
     * after today.
     *
     * @throws RuntimeException the workflow's invalid-command exception, naming the field
     */
    void checkRun(LocalDate day, String actor);

    /**
     * The complaint's current state.
     *
     * @throws RuntimeException the workflow's not-found exception if there is no such complaint
     */
    Complaint current(ComplaintId id);

    /**
     * Erases the complaint's personal data, recorded now by {@code actor} with {@code reason}, if it is still at
     * {@code expectedVersion}; returns its state after it.
     *
     * @throws VersionConflictException if the complaint changed since that version
     */
    Complaint erase(ComplaintId id, long expectedVersion, String actor, String reason);
}
