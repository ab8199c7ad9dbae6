package uk.councilcomplaints.examples.cli.legacy;

import com.google.common.collect.ImmutableList;
import java.util.List;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * One spreadsheet row as the facade calls that record it: receive the contact, then each milestone's
 * command, each dated on its day with the reason that it came from the spreadsheet.
 *
 * @param row the spreadsheet row number (the header is row 1)
 * @param contact the contact, with the legacy reference
 * @param receiveAudit who, when and why for the contact
 * @param steps the milestones' commands, in the order they happened
 */
record RowPlan(int row, ReceiveContact contact, Audit receiveAudit, List<Step> steps) {

    /** One milestone: the command and its audit (occurred on the milestone's day, with the reason). */
    record Step(Command command, Audit audit) {
    }

    RowPlan {
        steps = ImmutableList.copyOf(steps);
    }

    /** The legacy reference: the key that stops a re-import doubling the case. */
    String reference() {
        return contact.reference().orElseThrow();
    }

    /** How many commands record the row: the contact and each milestone. */
    int commands() {
        return 1 + steps.size();
    }

    /** Adds the whole row's commands to {@code batch}; the complaint as it will stand after the last step. */
    Complaint applyTo(Batch batch) {
        Complaint complaint = batch.receive(contact, receiveAudit);
        for (Step step : steps) {
            complaint = batch.execute(complaint.id(), step.command(), step.audit());
        }
        return complaint;
    }
}
