package uk.councilcomplaints.testing;

import java.time.Instant;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/** Small helpers shared by the contract suites. */
public final class Fixtures {

    public static final Audit OFFICER = Audit.by("officer.one");

    private Fixtures() {
    }

    public static ReceiveContact contact(Procedure procedure, ServiceArea area, Instant receivedAt) {
        return ReceiveContact.of(procedure, area, Channel.EMAIL, receivedAt,
                Complainant.named("A. Resident").withEmail("resident@example.org"), "Missed visits by carers");
    }

    public static Complaint receive(Complaints complaints, Procedure procedure, ServiceArea area) {
        return complaints.receive(contact(procedure, area, complaints.clock().instant()), OFFICER);
    }

    /** Receives, triages and allocates a complaint to {@code officer}. */
    public static Complaint allocated(Complaints complaints, Procedure procedure, ServiceArea area, String officer) {
        Complaint c = receive(complaints, procedure, area);
        complaints.execute(c.id(), Command.Triage.asReceived(), OFFICER);
        return complaints.execute(c.id(), new Command.Allocate(officer, "Voice of the customer"), OFFICER);
    }

    /** Takes a complaint from allocated to responded. */
    public static Complaint respond(Complaints complaints, Complaint allocated) {
        complaints.execute(allocated.id(), new Command.Acknowledge(), OFFICER);
        complaints.execute(allocated.id(), new Command.SendToService(), OFFICER);
        complaints.execute(allocated.id(), new Command.SubmitDraft(), OFFICER);
        return complaints.execute(allocated.id(),
                Command.Respond.with(uk.councilcomplaints.model.Outcome.PARTLY_UPHELD,
                        uk.councilcomplaints.model.Remedy.APOLOGY), OFFICER);
    }
}
