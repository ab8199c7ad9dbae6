package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;

/**
 * How soon a new contact must be triaged. {@link SlaPolicy.Builder} accepts 24 or 48 hours.
 *
 * @param hours the hours allowed
 * @param kind whether the hours are working hours (see {@link WorkingCalendar#plusWorkingHours})
 *     or calendar hours
 */
public record TriageTarget(int hours, HourKind kind) {

    /** Whether a triage target counts working or calendar hours. */
    public enum HourKind {
        WORKING,
        CALENDAR
    }

    public TriageTarget {
        requireNonNull(kind, "kind");
    }
}
