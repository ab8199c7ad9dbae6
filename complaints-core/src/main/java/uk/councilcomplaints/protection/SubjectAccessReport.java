package uk.councilcomplaints.protection;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.store.DataSubject;

/**
 * Everything one council holds about one complainant (a subject access request): each complaint whose
 * personal data names them, with its facts, its personal data and its whole history (who did what, when,
 * and why). A complaint whose personal data was erased no longer names anyone and is not included.
 *
 * @param subject who was asked about
 * @param producedAt when the report was made
 * @param complaints their complaints, in the order received
 */
public record SubjectAccessReport(DataSubject subject, Instant producedAt, List<Held> complaints) {

    public SubjectAccessReport {
        requireNonNull(subject, "subject");
        requireNonNull(producedAt, "producedAt");
        complaints = ImmutableList.copyOf(complaints);
    }

    /**
     * One complaint held about the subject.
     *
     * @param complaint its current state: reference, procedure, stage, service area, status and the rest
     * @param personalData the complainant's details and the summary, as held
     * @param history every event, in order
     */
    public record Held(Complaint complaint, PersonalData personalData, List<ComplaintEvent> history) {
        public Held {
            requireNonNull(complaint, "complaint");
            requireNonNull(personalData, "personalData");
            history = ImmutableList.copyOf(history);
        }
    }

    @Override
    public String toString() {
        return "SubjectAccessReport[" + complaints.size() + " complaints, personal data]";
    }
}
