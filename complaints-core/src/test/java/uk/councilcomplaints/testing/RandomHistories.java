package uk.councilcomplaints.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.CommandRejectedException;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * Plays random contacts and commands through the {@link Complaints} facade, each step decided by one
 * number, so property tests get valid histories (and QuickTheories shrinks them by dropping steps). The
 * clock moves forward up to a day a step, sometimes to exactly midnight in London; late entries, when
 * allowed, are dated up to three days back.
 */
public final class RandomHistories {

    /** Where the clock starts: 10 March 2022, so histories cross the change to summer time. */
    public static final Instant START = Instant.parse("2022-03-10T09:00:00Z");
    public static final ServiceArea HIGHWAYS = ServiceArea.of("highways", "Highways");
    public static final List<ServiceArea> AREAS = List.of(ServiceArea.ADULTS, ServiceArea.CHILDRENS,
            ServiceArea.CORPORATE, ServiceArea.OTHER, HIGHWAYS);
    public static final List<String> OFFICERS = List.of("ann", "bob", "cy");
    public static final List<String> TEAMS = List.of("North", "South");

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Complaints complaints;
    private final SettableClock clock;
    private final List<ComplaintId> ids = new ArrayList<>();

    public RandomHistories(Complaints complaints, SettableClock clock) {
        this.complaints = complaints;
        this.clock = clock;
    }

    /** The complaints received so far, in order. */
    public List<ComplaintId> ids() {
        return ids;
    }

    /** Plays one step per number; late entries (and late receipts) only if {@code lateEntries}. */
    public void play(List<Integer> steps, boolean lateEntries) {
        for (int step : steps) {
            Random r = new Random(step);
            if (r.nextInt(6) == 0) {
                // exactly midnight in London: the boundary between two report days
                clock.set(clock.instant().atZone(LONDON).toLocalDate().plusDays(1).atStartOfDay(LONDON).toInstant());
            } else {
                clock.advance(Duration.ofMinutes(r.nextInt(1500)));
            }
            boolean late = lateEntries && r.nextInt(4) == 0;
            if (ids.isEmpty() || r.nextInt(10) < 3) {
                receive(r, late);
            } else {
                command(ids.get(r.nextInt(ids.size())), r, late);
            }
        }
    }

    private void receive(Random r, boolean late) {
        Instant now = clock.instant();
        Instant receivedAt = late ? now.minus(Duration.ofMinutes(1 + r.nextInt(4 * 24 * 60))) : now;
        Audit audit = late ? Audit.by("tester").because("late entry") : Audit.by("tester");
        ReceiveContact contact = ReceiveContact.of(pick(r, List.of(Procedure.values())), pick(r, AREAS), Channel.EMAIL,
                receivedAt, Complainant.named("R. Andom"), "random contact");
        ids.add(complaints.receive(contact, audit).id());
    }

    private void command(ComplaintId id, Random r, boolean late) {
        Complaint c = complaints.get(id);
        List<Command> options = options(c, r);
        if (options.isEmpty()) {
            return;
        }
        Audit audit = Audit.by("tester");
        if (late) {
            Instant now = clock.instant();
            Instant earliest = c.lastOccurredAt().isAfter(now.minus(Duration.ofDays(3))) ? c.lastOccurredAt()
                    : now.minus(Duration.ofDays(3));
            long span = Duration.between(earliest, now).toMinutes();
            audit = audit.occurredAt(earliest.plus(Duration.ofMinutes(span == 0 ? 0 : r.nextInt((int) span))))
                    .because("late entry");
        }
        try {
            complaints.execute(id, pick(r, options), audit);
        } catch (CommandRejectedException e) {
            // a guard said no (e.g. escalating past the last stage): the history is unchanged
        }
    }

    private static List<Command> options(Complaint c, Random r) {
        int officer = r.nextInt(OFFICERS.size());
        Command allocate = new Command.Allocate(OFFICERS.get(officer), TEAMS.get(officer % TEAMS.size()));
        Command respond = Command.Respond.with(pick(r, List.of(Outcome.values())));
        return switch (c.status()) {
            case RECEIVED -> List.of(Command.Triage.asReceived(),
                    Command.Triage.as(pick(r, List.of(Procedure.values())), pick(r, AREAS)),
                    new Command.Reclassify(Classification.SERVICE_REQUEST),
                    new Command.Reclassify(Classification.NOT_COUNCIL_COMPLAINT), Command.Close.withdrawn());
            case TRIAGED -> List.of(allocate, allocate, new Command.Reclassify(Classification.SERVICE_REQUEST),
                    Command.Close.withdrawn());
            case ESCALATED -> List.of(allocate);
            case ALLOCATED -> List.of(new Command.Acknowledge(), new Command.Acknowledge(), allocate,
                    Command.Close.withdrawn());
            case ACKNOWLEDGED -> List.of(new Command.SendToService(), new Command.SendToService(), respond,
                    Command.Close.withdrawn());
            case WITH_SERVICE -> List.of(new Command.SubmitDraft(), respond);
            case IN_REVIEW -> List.of(new Command.SendToService(), respond, respond);
            case RESPONDED -> List.of(new Command.Escalate(), new Command.ReferToOmbudsman());
            default -> List.of();
        };
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
