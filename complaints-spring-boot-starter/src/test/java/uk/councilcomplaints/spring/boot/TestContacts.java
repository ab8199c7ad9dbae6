package uk.councilcomplaints.spring.boot;

import java.time.Instant;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/** A contact to receive in the starter's tests. */
final class TestContacts {

    static final Audit OFFICER = Audit.by("contact.centre");

    private TestContacts() {
    }

    static ReceiveContact contact(Instant receivedAt) {
        return ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.EMAIL, receivedAt,
                Complainant.named("A. Resident").withEmail("resident@example.org"), "Bins not collected");
    }

    /** Receives a contact now, by the facade's clock. */
    static Complaint receive(Complaints complaints) {
        return complaints.receive(contact(complaints.clock().instant()), OFFICER);
    }
}
