package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import uk.councilcomplaints.model.Stage;

/**
 * One clock of one complaint, evaluated at an instant.
 *
 * @param kind which clock
 * @param stage the stage it belongs to
 * @param start when it started; a clock that counts from an event that has not happened yet (a response
 *     counted from acknowledgement, a panel report counted from the meeting) starts at the start of the
 *     day that event is due
 * @param due when it falls due (for day targets: the end of {@code dueDate}, Europe/London)
 * @param dueDate the local day it falls due
 * @param paused how long it has been paused in all
 * @param pausedWorkingDays the working days added to the due date by pauses
 * @param extensionWorkingDays the working days added by extensions
 * @param dateAgreed whether the due date is a response date agreed with the complainant
 * @param stretchedLate whether an extension, agreed date or pause was recorded (or dated) after the due date
 *     it would have moved: it does not count, so it cannot undo a breach
 * @param state where it stands
 * @param workingDaysLeft working days from the evaluation day (or the day it was met) to the due date;
 *     negative when overdue or met late
 * @param metAt when it was met, if it was
 */
public record SlaClock(
        ClockKind kind,
        Stage stage,
        Instant start,
        Instant due,
        LocalDate dueDate,
        Duration paused,
        int pausedWorkingDays,
        int extensionWorkingDays,
        boolean dateAgreed,
        boolean stretchedLate,
        ClockState state,
        int workingDaysLeft,
        Optional<Instant> metAt) {

    public SlaClock {
        requireNonNull(kind, "kind");
        requireNonNull(stage, "stage");
        requireNonNull(start, "start");
        requireNonNull(due, "due");
        requireNonNull(dueDate, "dueDate");
        requireNonNull(paused, "paused");
        requireNonNull(state, "state");
        requireNonNull(metAt, "metAt");
    }

    /** Whether the clock was stretched by an extension or an agreed date. */
    public boolean stretched() {
        return extensionWorkingDays > 0 || dateAgreed;
    }
}
