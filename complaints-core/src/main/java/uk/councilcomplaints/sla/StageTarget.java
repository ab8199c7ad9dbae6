package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;

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
 *     procedure sets one
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
        /** The day the complaint was acknowledged. */
        ACKNOWLEDGEMENT
    }

    public StageTarget {
        requireNonNull(responseFrom, "responseFrom");
        requireNonNull(responseLimit, "responseLimit");
    }
}
