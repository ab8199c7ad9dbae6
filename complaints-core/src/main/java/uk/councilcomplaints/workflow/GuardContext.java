package uk.councilcomplaints.workflow;

import java.util.Optional;
import java.util.function.Function;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;

/** What a guard may look at: the complaint, the command, who issues it, other complaints and the clock rules. */
record GuardContext(Complaint complaint, Command command, Audit audit,
        Function<ComplaintId, Optional<Complaint>> lookup, ClockRules rules) {
}
