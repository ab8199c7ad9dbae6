package uk.councilcomplaints.sla;

/**
 * A date, or a result, outside the years a {@link WorkingCalendar} supports. Thrown by the calendar's methods
 * (and by {@link SlaEvaluator} for a date it would pass to them); any other exception from a calendar or a
 * policy is a fault, not a date out of range.
 */
public class CalendarRangeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An exception whose message names the date and the supported range. */
    public CalendarRangeException(String message) {
        super(message);
    }
}
