package uk.councilcomplaints.sla;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;

/**
 * One clock still running or paused after a complaint's latest event, with what a work queue shows and filters
 * by, so a queue needs nothing else. Core computes these rows with each commit ({@link ClockRows}); a store keeps
 * them and answers queue queries from them. A running clock's due instant is fixed by the events and the
 * calendar, so its state at any later instant follows from two instants ({@link #stateAt}). A paused clock has no
 * due time until it resumes.
 *
 * @param id the complaint
 * @param reference its reference
 * @param status its status
 * @param procedure its procedure
 * @param serviceArea its service area
 * @param officer its complaint officer, once allocated
 * @param team the officer's team
 * @param receivedAt when the contact was received
 * @param kind which clock
 * @param stage the stage it belongs to
 * @param due when it falls due; empty while paused
 * @param dueDate the London day it falls due; empty while paused
 * @param atRiskFrom the first instant at which it is at risk (the policy's margin before {@code due}); empty while
 *     paused
 * @param pausedSince when its pause began, if paused
 * @param workingDaysLeft working days from the complaint's latest event to the due date (negative when overdue);
 *     while paused, the working days that will be left when it resumes
 * @param extensionWorkingDays working days of extension counted in its due date
 * @param dateAgreed whether the due date is a response date agreed with the complainant
 */
public record DueClock(
        ComplaintId id,
        String reference,
        Status status,
        Procedure procedure,
        ServiceArea serviceArea,
        Optional<String> officer,
        Optional<String> team,
        Instant receivedAt,
        ClockKind kind,
        Stage stage,
        Optional<Instant> due,
        Optional<LocalDate> dueDate,
        Optional<Instant> atRiskFrom,
        Optional<Instant> pausedSince,
        int workingDaysLeft,
        int extensionWorkingDays,
        boolean dateAgreed) {

    public DueClock {
        requireNonNull(id, "id");
        requireNonNull(reference, "reference");
        requireNonNull(status, "status");
        requireNonNull(procedure, "procedure");
        requireNonNull(serviceArea, "serviceArea");
        requireNonNull(officer, "officer");
        requireNonNull(team, "team");
        requireNonNull(receivedAt, "receivedAt");
        requireNonNull(kind, "kind");
        requireNonNull(stage, "stage");
        requireNonNull(due, "due");
        requireNonNull(dueDate, "dueDate");
        requireNonNull(atRiskFrom, "atRiskFrom");
        requireNonNull(pausedSince, "pausedSince");
        checkArgument(pausedSince.isPresent() == due.isEmpty() && due.isPresent() == dueDate.isPresent()
                && due.isPresent() == atRiskFrom.isPresent(),
                "a clock is either paused (no due time) or running (a due instant, day and at-risk instant)");
        checkArgument(due.isEmpty() || !atRiskFrom.get().isAfter(due.get()), "atRiskFrom %s is after due %s",
                atRiskFrom, due);
    }

    /** Whether the clock is paused. */
    public boolean paused() {
        return pausedSince.isPresent();
    }

    /**
     * Where the clock stands at {@code at}, an instant at or after the complaint's latest event: paused, breached
     * (at or after its due instant), at risk, or running.
     */
    public ClockState stateAt(Instant at) {
        if (paused()) {
            return ClockState.PAUSED;
        }
        Instant t = ceilMicros(at);
        if (!t.isBefore(due.get())) {
            return ClockState.BREACHED;
        }
        return !t.isBefore(atRiskFrom.get()) ? ClockState.AT_RISK : ClockState.RUNNING;
    }

    /**
     * {@code at} rounded up to a whole microsecond, as stores compare it: clocks' instants are whole microseconds,
     * so "at or after {@code x}" holds for {@code at} exactly when it holds for this.
     */
    public static Instant ceilMicros(Instant at) {
        int nanos = at.getNano() % 1000;
        return nanos == 0 || at.getEpochSecond() == Instant.MAX.getEpochSecond() ? at : at.plusNanos(1000 - nanos);
    }
}
