package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * How many of the contacts received in a period turned out not to be complaints: service requests and
 * contacts signposted elsewhere, as triage had found by the end of the as-of day.
 *
 * @param from first day received
 * @param to last day received (inclusive)
 * @param asOf the day at whose end the classification is taken
 * @param contacts every contact received in the period (by the as-of day)
 * @param serviceRequests of which service requests
 * @param notCouncilComplaints of which not council complaints (signposted)
 */
public record NonComplaintShare(LocalDate from, LocalDate to, LocalDate asOf, long contacts, long serviceRequests,
        long notCouncilComplaints) implements Report {

    public NonComplaintShare {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(asOf, "asOf");
        checkArgument(serviceRequests >= 0 && notCouncilComplaints >= 0
                && serviceRequests + notCouncilComplaints <= contacts, "inconsistent counts");
    }

    /** Service requests and not council complaints together. */
    public long nonComplaints() {
        return serviceRequests + notCouncilComplaints;
    }

    /** The share of contacts that were not complaints, from 0 to 1; 0 when there were no contacts. */
    public double share() {
        return contacts == 0 ? 0 : (double) nonComplaints() / contacts;
    }
}
