package uk.councilcomplaints.learning;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Remedy;

/**
 * A complaint's time with the Ombudsman (LGSCO, or the Housing Ombudsman for housing): referral, enquiry,
 * decision, the remedies it recommended and the council's compliance. Days are London days.
 *
 * @param referredOn the day the referral was recorded
 * @param enquiryOn the day the Ombudsman's enquiry was received, if it made one
 * @param decision its decision, once made
 * @param decidedOn the day the decision was recorded
 * @param remedies the remedies it recommended
 * @param payment the amount of a recommended payment
 * @param remediesDue the day the council must comply by, when remedies were recommended
 * @param compliedOn the day the council complied, once it did
 */
public record OmbudsmanCase(LocalDate referredOn, Optional<LocalDate> enquiryOn,
        Optional<OmbudsmanDecision> decision, Optional<LocalDate> decidedOn, Set<Remedy> remedies,
        Optional<Money> payment, Optional<LocalDate> remediesDue, Optional<LocalDate> compliedOn) {

    public OmbudsmanCase {
        requireNonNull(referredOn, "referredOn");
        requireNonNull(enquiryOn, "enquiryOn");
        requireNonNull(decision, "decision");
        requireNonNull(decidedOn, "decidedOn");
        remedies = ImmutableSet.copyOf(remedies);
        requireNonNull(payment, "payment");
        requireNonNull(remediesDue, "remediesDue");
        requireNonNull(compliedOn, "compliedOn");
    }

    /** Where the council stands on the Ombudsman's recommended remedies on a day. */
    public enum Compliance {
        /** No decision yet, or one recommending no remedy. */
        NONE_RECOMMENDED("No remedy recommended"),
        /** Recommended and not yet due. */
        NOT_YET_DUE("Not yet due"),
        /** Complied by the day due. */
        ON_TIME("Complied on time"),
        /** Complied after the day due. */
        LATE("Complied late"),
        /** Due, and not complied with yet. */
        OUTSTANDING("Outstanding");

        private final String label;

        Compliance(String label) {
            this.label = label;
        }

        /** Human label used in reports. */
        public String label() {
            return label;
        }
    }

    static OmbudsmanCase referred(LocalDate day) {
        return new OmbudsmanCase(day, Optional.empty(), Optional.empty(), Optional.empty(), Set.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    OmbudsmanCase withEnquiry(LocalDate day) {
        return new OmbudsmanCase(referredOn, Optional.of(day), decision, decidedOn, remedies, payment, remediesDue,
                compliedOn);
    }

    OmbudsmanCase withDecision(LocalDate day, EventData.OmbudsmanDecided d) {
        return new OmbudsmanCase(referredOn, enquiryOn, Optional.of(d.decision()), Optional.of(day), d.remedies(),
                d.payment(), d.remediesDue(), compliedOn);
    }

    OmbudsmanCase withCompliance(LocalDate day) {
        return new OmbudsmanCase(referredOn, enquiryOn, decision, decidedOn, remedies, payment, remediesDue,
                Optional.of(day));
    }

    /** The council's compliance with the recommended remedies at the end of {@code day}. */
    public Compliance compliance(LocalDate day) {
        if (remediesDue.isEmpty()) {
            return Compliance.NONE_RECOMMENDED;
        }
        LocalDate due = remediesDue.get();
        Optional<LocalDate> complied = compliedOn.filter(c -> !c.isAfter(day));
        if (complied.isPresent()) {
            return complied.get().isAfter(due) ? Compliance.LATE : Compliance.ON_TIME;
        }
        return day.isAfter(due) ? Compliance.OUTSTANDING : Compliance.NOT_YET_DUE;
    }
}
