package uk.councilcomplaints.examples.cli;

import java.time.Instant;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * Five cases in January and February 2022 (GMT: London time is UTC; no bank holiday between 4 January and
 * 15 April), each event recorded when it happened, so the reports' cells can be worked out by hand:
 * <ul>
 *   <li>A-1, children's stage 1 (Children's), received Mon 10 Jan, ann; responded Mon 17 Jan: due 24 Jan (10
 *       working days), on time, 5 working days.
 *   <li>B-1, children's stage 1 (Children's), received Wed 12 Jan, bob; responded Tue 1 Feb: due 26 Jan, late,
 *       14 working days.
 *   <li>C-1, adults (Adults), received Thu 20 Jan, ann, acknowledged; never responded: due 17 Feb (20 working
 *       days), overdue from then. Open, 27 working days old at the end of 28 Feb.
 *   <li>D-1, corporate (Corporate), received Mon 7 Feb, found to be a service request the same day: closed.
 *   <li>E-1, children's (Children's), received Mon 14 Feb, bob; stage 1 responded Mon 21 Feb (due 28 Feb, on time,
 *       5 working days); stage 2 asked for Tue 22 Feb, allocated to cat and acknowledged Wed 23 Feb; open, 10
 *       working days old at the end of 28 Feb.
 * </ul>
 */
final class SmallCouncil {

    /** After the last event. */
    static final Instant NOW = Instant.parse("2022-03-01T12:00:00Z");

    private SmallCouncil() {
    }

    static InMemoryComplaintStore store() {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        SettableClock clock = new SettableClock(Instant.parse("2022-01-10T10:00:00Z"));
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        Complaint a = receive(complaints, clock, "A-1", "2022-01-10T10:00:00Z", Procedure.CHILDRENS_SOCIAL_CARE,
                ServiceArea.CHILDRENS, "Alex Able");
        Complaint b = receive(complaints, clock, "B-1", "2022-01-12T10:00:00Z", Procedure.CHILDRENS_SOCIAL_CARE,
                ServiceArea.CHILDRENS, "Bo Baker");
        handle(complaints, clock, a, "ann", "2022-01-10T12:00:00Z", "2022-01-11T10:00:00Z");
        handle(complaints, clock, b, "bob", "2022-01-12T12:00:00Z", "2022-01-13T10:00:00Z");
        at(clock, "2022-01-17T10:00:00Z");
        complaints.execute(a.id(), Command.Respond.with(Outcome.UPHELD), Audit.by("ann").because("put right"));
        Complaint c = receive(complaints, clock, "C-1", "2022-01-20T10:00:00Z", Procedure.ADULT_SOCIAL_CARE,
                ServiceArea.ADULTS, "Cam Cole");
        handle(complaints, clock, c, "ann", "2022-01-20T12:00:00Z", "2022-01-21T10:00:00Z");
        at(clock, "2022-02-01T10:00:00Z");
        complaints.execute(b.id(), Command.Respond.with(Outcome.NOT_UPHELD), Audit.by("bob"));
        Complaint d = receive(complaints, clock, "D-1", "2022-02-07T10:00:00Z", Procedure.CORPORATE,
                ServiceArea.CORPORATE, "Dee Dale");
        at(clock, "2022-02-07T12:00:00Z");
        complaints.execute(d.id(), new Command.Reclassify(Classification.SERVICE_REQUEST),
                Audit.by("triage").because("a missed bin: a service request"));
        Complaint e = receive(complaints, clock, "E-1", "2022-02-14T10:00:00Z", Procedure.CHILDRENS_SOCIAL_CARE,
                ServiceArea.CHILDRENS, "Eve Ennis");
        handle(complaints, clock, e, "bob", "2022-02-14T12:00:00Z", "2022-02-15T10:00:00Z");
        at(clock, "2022-02-21T10:00:00Z");
        complaints.execute(e.id(), Command.Respond.with(Outcome.PARTLY_UPHELD), Audit.by("bob"));
        at(clock, "2022-02-22T10:00:00Z");
        complaints.execute(e.id(), new Command.Escalate(), Audit.by("triage").because("asks for stage 2"));
        at(clock, "2022-02-22T12:00:00Z");
        complaints.execute(e.id(), new Command.Allocate("cat", "Stage 2 team"), Audit.by("cat"));
        at(clock, "2022-02-23T10:00:00Z");
        complaints.execute(e.id(), new Command.Acknowledge(), Audit.by("cat"));
        return store;
    }

    private static Complaint receive(Complaints complaints, SettableClock clock, String reference, String when,
            Procedure procedure, ServiceArea area, String name) {
        at(clock, when);
        return complaints.receive(ReceiveContact.of(procedure, area, Channel.EMAIL, clock.instant(),
                Complainant.named(name).withEmail(name.toLowerCase().replace(' ', '.') + "@example.org"),
                "About " + area.name()).withReference(reference), Audit.by("triage"));
    }

    /** Triaged at once, allocated to {@code officer} at {@code allocated}, acknowledged at {@code acknowledged}. */
    private static void handle(Complaints complaints, SettableClock clock, Complaint c, String officer,
            String allocated, String acknowledged) {
        at(clock, allocated);
        complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("triage"));
        complaints.execute(c.id(), new Command.Allocate(officer, "Complaints team"), Audit.by("triage"));
        at(clock, acknowledged);
        complaints.execute(c.id(), new Command.Acknowledge(), Audit.by(officer));
    }

    private static void at(SettableClock clock, String instant) {
        clock.set(Instant.parse(instant));
    }
}
