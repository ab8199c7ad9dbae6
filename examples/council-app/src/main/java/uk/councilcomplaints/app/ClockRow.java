package uk.councilcomplaints.app;

import java.time.Instant;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.DueClock;

/**
 * A clock row as a queue shows it: the row and its state now ("Overdue", "At risk", "On time", "Paused") with
 * the GOV.UK tag colour.
 *
 * @param clock the row
 * @param state its state now
 */
public record ClockRow(DueClock clock, ClockState state) {

    static ClockRow of(DueClock clock, Instant now) {
        return new ClockRow(clock, clock.stateAt(now));
    }

    public String tag() {
        return switch (state) {
            case BREACHED -> "Overdue";
            case AT_RISK -> "At risk";
            case PAUSED -> "Paused";
            default -> "On time";
        };
    }

    public String tagClass() {
        return switch (state) {
            case BREACHED -> "govuk-tag govuk-tag--red";
            case AT_RISK -> "govuk-tag govuk-tag--orange";
            case PAUSED -> "govuk-tag govuk-tag--grey";
            default -> "govuk-tag govuk-tag--green";
        };
    }

    public String id() {
        return clock.id().value().toString();
    }
}
