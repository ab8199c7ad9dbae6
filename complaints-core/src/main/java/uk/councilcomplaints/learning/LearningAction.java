package uk.councilcomplaints.learning;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.ServiceArea;

/**
 * A learning and service improvement action agreed from a complaint. Its lifecycle: agreed, then done (with
 * evidence); between the two it is open, or overdue once its due day has passed. Its text is staff's, about the
 * service, and is published.
 *
 * @param number its number on the complaint, from 1
 * @param action what will change
 * @param service the service that will change it
 * @param owner who is responsible
 * @param agreedOn the London day it was agreed
 * @param due the London day it is due
 * @param linked other complaints the same learning came from
 * @param doneOn the London day it was done
 * @param evidence the evidence it was done
 */
public record LearningAction(int number, String action, ServiceArea service, String owner, LocalDate agreedOn,
        LocalDate due, Set<ComplaintId> linked, Optional<LocalDate> doneOn, Optional<String> evidence) {

    public LearningAction {
        requireNonNull(action, "action");
        requireNonNull(service, "service");
        requireNonNull(owner, "owner");
        requireNonNull(agreedOn, "agreedOn");
        requireNonNull(due, "due");
        linked = ImmutableSet.copyOf(linked);
        requireNonNull(doneOn, "doneOn");
        requireNonNull(evidence, "evidence");
    }

    /** Where an action stands at the end of a day. */
    public enum Progress {
        OPEN("Open"),
        OVERDUE("Overdue"),
        DONE_ON_TIME("Done on time"),
        DONE_LATE("Done late");

        private final String label;

        Progress(String label) {
            this.label = label;
        }

        /** Human label used in reports. */
        public String label() {
            return label;
        }
    }

    LearningAction done(LocalDate day, String evidenceText) {
        return new LearningAction(number, action, service, owner, agreedOn, due, linked, Optional.of(day),
                Optional.of(evidenceText));
    }

    /** Where the action stands at the end of {@code day}. */
    public Progress progress(LocalDate day) {
        Optional<LocalDate> done = doneOn.filter(d -> !d.isAfter(day));
        if (done.isPresent()) {
            return done.get().isAfter(due) ? Progress.DONE_LATE : Progress.DONE_ON_TIME;
        }
        return day.isAfter(due) ? Progress.OVERDUE : Progress.OPEN;
    }
}
