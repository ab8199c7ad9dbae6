package uk.councilcomplaints.protection;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;

/**
 * How long the personal data of each procedure's complaints is kept after the complaint closes: six years
 * unless the council sets another period. A complaint is closed when its status is in the Complete (response
 * sent) or the Closed, other reason bucket; it closed on the London day of its latest event, so any later
 * event (a referral to the Ombudsman, a request for the next stage) starts the period again. Its personal
 * data is kept to the end of the day {@code closed + period} and expires the day after. An open complaint
 * never expires. Immutable.
 */
public final class RetentionPolicy {

    /** The period of a procedure the council has not set. */
    public static final Period DEFAULT_PERIOD = Period.ofYears(6);

    private final Map<Procedure, Period> periods;

    private RetentionPolicy(Map<Procedure, Period> periods) {
        this.periods = Collections.unmodifiableMap(periods);
    }

    /** Six years after closure for every procedure. */
    public static RetentionPolicy defaults() {
        Map<Procedure, Period> periods = new EnumMap<>(Procedure.class);
        for (Procedure p : Procedure.values()) {
            periods.put(p, DEFAULT_PERIOD);
        }
        return new RetentionPolicy(periods);
    }

    /**
     * A copy keeping {@code procedure}'s personal data for {@code period} after closure.
     *
     * @throws IllegalArgumentException if the period is not positive (zero, or any part negative), naming the
     *     procedure
     */
    public RetentionPolicy with(Procedure procedure, Period period) {
        requireNonNull(procedure, "procedure");
        requireNonNull(period, "period");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("retention period of " + procedure + " must be positive, was " + period);
        }
        Map<Procedure, Period> copy = new EnumMap<>(periods);
        copy.put(procedure, period);
        return new RetentionPolicy(copy);
    }

    /** How long {@code procedure}'s personal data is kept after closure. */
    public Period period(Procedure procedure) {
        return periods.get(requireNonNull(procedure, "procedure"));
    }

    /** The last day {@code complaint}'s personal data is kept; empty while it is open. */
    public Optional<LocalDate> keptUntil(Complaint complaint) {
        if (complaint.status().open()) {
            return Optional.empty();
        }
        return Optional.of(LondonDays.dayOf(complaint.lastOccurredAt()).plus(period(complaint.procedure())));
    }

    /** Whether {@code complaint}'s personal data, if still held, is to be anonymised on {@code day}. */
    public boolean expired(Complaint complaint, LocalDate day) {
        requireNonNull(day, "day");
        return keptUntil(complaint).map(day::isAfter).orElse(false);
    }

    /**
     * An instant every complaint expired on {@code day} had its latest event before (perhaps a few days
     * late): what to ask a store for before checking each candidate with {@link #expired}.
     */
    public Instant closedBefore(LocalDate day) {
        requireNonNull(day, "day");
        LocalDate latest = LocalDate.MIN;
        for (Period period : periods.values()) {
            // adding months or years to the end of a month can lose up to 3 days; 7 covers it
            LocalDate bound = day.minus(period).plusDays(7);
            latest = bound.isAfter(latest) ? bound : latest;
        }
        return LondonDays.startOf(latest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetentionPolicy other && periods.equals(other.periods);
    }

    @Override
    public int hashCode() {
        return periods.hashCode();
    }

    @Override
    public String toString() {
        return "RetentionPolicy" + periods;
    }
}
