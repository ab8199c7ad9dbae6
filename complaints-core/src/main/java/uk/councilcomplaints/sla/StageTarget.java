package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The timescales for one stage of a procedure. The numbers are checked against the statutory limits
 * when the target is given to {@link SlaPolicy.Builder#target}.
 *
 * @param acknowledgeWorkingDays working days from receipt to acknowledge the complaint
 * @param responseWorkingDays working days to respond, counted from {@code responseFrom}
 * @param responseFrom the event the response clock starts from
 * @param maxExtensionWorkingDays the most working days an extension may add to the response time
 * @param responseLimit the longest response period that may be agreed with the complainant, if the
 *     procedure sets one; it begins on the day of receipt
 */
public record StageTarget(
        int acknowledgeWorkingDays,
        int responseWorkingDays,
        ResponseFrom responseFrom,
        int maxExtensionWorkingDays,
        Optional<Period> responseLimit) {

    /** The event a response clock starts from. */
    public enum ResponseFrom {
        /** The day the complaint (or the request for this stage) was received. */
        RECEIPT,
        /**
         * The day the complaint was acknowledged; while it has not been, the day the acknowledgement is
         * due.
         */
        ACKNOWLEDGEMENT,
        /**
         * The day the review panel reported (children's stage 3); while it has not, the day its report is
         * due.
         */
        PANEL_REPORT
    }

    public StageTarget {
        requireNonNull(responseFrom, "responseFrom");
        requireNonNull(responseLimit, "responseLimit");
    }

    /**
     * The last day of the response limit for a complaint received on {@code received}: a period that
     * begins on the day of receipt ends the day before the same date that many months later (received
     * 15 March 2022, 6 months: 14 September 2022). Empty if the procedure sets no limit.
     */
    public Optional<LocalDate> responseLimitEnds(LocalDate received) {
        requireNonNull(received, "received");
        return responseLimit.map(limit -> received.plus(limit).minusDays(1));
    }
}
