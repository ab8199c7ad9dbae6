package uk.councilcomplaints.workflow;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.sla.SlaEvaluator;

/**
 * What a guard may look at: the complaint and its history, the command, who issues it and when it happened,
 * other complaints, and the SLA policy and clocks.
 */
record GuardContext(Complaint complaint, ComplaintHistory history, Command command, Audit audit,
        Instant occurredAt, Function<ComplaintId, Optional<Complaint>> lookup, SlaEvaluator sla) {
}
