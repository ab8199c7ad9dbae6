package uk.councilcomplaints.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * The README's embedding example: receive a contact, triage it, allocate it to a complaint officer, who
 * acknowledges it and sends it to the service, respond, then report where every case stands.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        // route Hibernate Validator's jboss-logging through slf4j (see simplelogger.properties)
        System.setProperty("org.jboss.logging.provider", "slf4j");
        run(Clock.fixed(Instant.parse("2022-01-24T09:30:00Z"), ZoneOffset.UTC), System.out);
    }

    /** Runs the example against a fresh in-memory store, printing to {@code out}; returns the complaint. */
    public static Complaint run(Clock clock, PrintStream out) {
        Complaints complaints = Complaints.builder(new InMemoryComplaintStore()).clock(clock).build();

        // 1. A contact arrives by email
        Complaint c = complaints.receive(
                ReceiveContact.of(Procedure.CORPORATE, ServiceArea.of("highways", "Highways"), Channel.EMAIL,
                        clock.instant(), Complainant.named("A. Resident").withEmail("resident@example.org"),
                        "Pothole reported three times and not repaired")
                        .withMatterDate(LocalDate.of(2022, 1, 3)),
                Audit.by("contact.centre"));

        // 2. Triage (within 48 hours) confirms it is a corporate complaint
        complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("triage.officer"));
        // 3. Allocate to a complaint officer, who acknowledges and sends it to the service
        complaints.execute(c.id(), new Command.Allocate("j.smith", "Voice of the customer"), Audit.by("team.lead"));
        complaints.execute(c.id(), new Command.Acknowledge(), Audit.by("j.smith"));
        complaints.execute(c.id(), new Command.SendToService(), Audit.by("j.smith"));
        // 4. The service drafts; the complaints team reviews and responds
        complaints.execute(c.id(), new Command.SubmitDraft(), Audit.by("highways.manager"));
        Complaint responded = complaints.execute(c.id(),
                Command.Respond.with(Outcome.UPHELD, Remedy.APOLOGY, Remedy.SERVICE_PROVIDED), Audit.by("j.smith"));

        // A second contact turns out to be a service request
        Complaint sr = complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.PHONE,
                clock.instant(), Complainant.named("B. Resident"), "Please empty my bin"), Audit.by("contact.centre"));
        complaints.execute(sr.id(), new Command.Reclassify(uk.councilcomplaints.model.Classification.SERVICE_REQUEST),
                Audit.by("triage.officer"));

        out.printf("%s is %s (%s), outcome %s%n", responded.reference(), responded.status(),
                responded.bucket().label(), responded.outcome().orElseThrow());
        out.println("History:");
        for (ComplaintEvent e : complaints.history(c.id())) {
            out.printf("  v%d %-16s -> %-13s by %-17s at %s%n", e.version(), e.type(), e.status(), e.actor(),
                    e.occurredAt());
        }
        out.println("Where every case stands:");
        for (StatusBucket bucket : StatusBucket.values()) {
            int count = complaints.find(ComplaintQuery.builder().bucket(bucket).build()).items().size();
            out.printf("  %-28s %d%n", bucket.label(), count);
        }
        return responded;
    }
}
