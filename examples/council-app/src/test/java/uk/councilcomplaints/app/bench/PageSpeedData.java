package uk.councilcomplaints.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * Generates a council's complaints relative to {@code now} and loads them through the bulk path
 * ({@link Complaints#batch()}: every command validated and decided by the facade, then stored with one
 * {@code appendAll} a batch, which the JDBC store sends by {@code COPY} on PostgreSQL). One complaint in five is
 * left open, spread over every open status: contacts awaiting triage (received in the last six days, so the
 * triage queue has rows), triaged, allocated, acknowledged, with the service, in review, escalated, and a long
 * stage-2 history (13 events, with a pause and resume). The rest are closed over the last two years: responded
 * (some escalated to stage 2 and responded again, or referred to the Ombudsman), service requests, signposted and
 * withdrawn. Deterministic: complaint {@code i} is the same on every run for the same {@code now}.
 *
 * <p>The generation logic is this package's own (the examples module's {@code BenchmarkData} is package-private,
 * leaves no contact untriaged and about 30% open), with its procedure and service-area mix.
 */
final class PageSpeedData {

    private static final List<ServiceArea> CORPORATE_AREAS = List.of(ServiceArea.CORPORATE, ServiceArea.OTHER,
            ServiceArea.of("highways", "Highways"), ServiceArea.of("waste", "Waste and recycling"));
    private static final List<String> OFFICERS = List.of("a.patel", "r.evans", "b.jones", "c.okafor", "d.smith",
            "e.wu", "f.hughes", "g.martin", "h.ahmed");
    private static final List<String> TEAMS = List.of("Voice of the customer", "Recovery team");
    private static final List<Outcome> OUTCOMES = List.of(Outcome.UPHELD, Outcome.PARTLY_UPHELD, Outcome.NOT_UPHELD);
    private static final Channel[] CHANNELS = Channel.values();

    /** The status each complaint was left at, and the complaint with the longest history. */
    static final class Loaded {
        final Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        long events;
        ComplaintId longest;
        String longestReference;
        int longestEvents;
    }

    private final Instant now;
    private final Loaded loaded = new Loaded();

    private Batch batch;
    private ComplaintId id;
    private Instant at;
    private int steps;
    private Audit audit;

    PageSpeedData(Instant now) {
        this.now = now;
    }

    /** Loads complaints {@code 0} to {@code n - 1}, {@code chunk} a batch, through {@code facade}. */
    Loaded load(Complaints facade, int n, int chunk) {
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            batch = facade.batch();
            List<String> refs = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                refs.add(reference(i));
            }
            if (!batch.referencesUsed(refs).isEmpty()) {
                throw new IllegalStateException("the store already holds some of " + refs.get(0) + "...");
            }
            for (int i = from; i < to; i++) {
                one(i);
            }
            batch.commit();
        }
        return loaded;
    }

    static String reference(int i) {
        return String.format("CMP-B%06d", i);
    }

    private void one(int i) {
        SplittableRandom r = new SplittableRandom(0x5EED_0000L + i);
        boolean open = i % 5 == 0;
        int shape = r.nextInt(100);
        Procedure procedure = procedure(r);
        // escalation: corporate only (adult social care has one stage; children's stage 2 is its own story)
        boolean escalates = open ? shape >= 85 : shape >= 90 && procedure != Procedure.ADULT_SOCIAL_CARE;
        if (open && escalates) {
            procedure = Procedure.CORPORATE;
        }
        ServiceArea area = switch (procedure) {
            case ADULT_SOCIAL_CARE -> ServiceArea.ADULTS;
            case CHILDRENS_SOCIAL_CARE -> ServiceArea.CHILDRENS;
            case CORPORATE -> CORPORATE_AREAS.get(r.nextInt(CORPORATE_AREAS.size()));
            case HOUSING -> ServiceArea.of("housing", "Housing"); // procedure(r) draws none
        };
        int officer = r.nextInt(OFFICERS.size());
        // how many commands follow the contact, to spread them between receipt and now (open) or over days
        int planned;
        Instant received;
        if (open) {
            planned = shape < 5 ? 0 : shape < 15 ? 1 : shape < 35 ? 2 : shape < 50 ? 3 : shape < 70 ? 4
                    : shape < 85 ? 5 : shape < 90 ? 7 : 12;
            long maxMinutes = planned == 0 ? 6 * 1440 : planned <= 2 ? 30 * 1440 : 120 * 1440;
            long minMinutes = planned == 0 ? 10 : planned * 2 * 1440L;
            received = now.minus(Duration.ofMinutes(minMinutes + r.nextLong(maxMinutes - minMinutes + 1)));
        } else {
            planned = 0;
            received = now.minus(Duration.ofMinutes(40 * 1440 + r.nextLong(690 * 1440)));
        }
        received = received.minusNanos(received.getNano()).plusNanos(r.nextInt(1_000_000) * 1_000L);
        at = received;
        steps = planned;
        audit = Audit.by(OFFICERS.get(r.nextInt(OFFICERS.size()))).because("bulk load of past records");
        Complaint c = batch.receive(new ReceiveContact(Optional.of(reference(i)), procedure, area,
                CHANNELS[r.nextInt(CHANNELS.length)], received, Optional.empty(),
                Complainant.named("Resident " + i).withEmail("resident" + i + "@example.org"),
                "Complaint " + i + " about " + area.name() + ": bins missed, calls not returned"), audit);
        id = c.id();
        last = c.status();
        closed = !open;
        int events = 1;
        String o = OFFICERS.get(officer);
        String team = TEAMS.get(officer % 2);
        if (open) {
            if (planned >= 1) {
                events += run(r, Command.Triage.asReceived());
            }
            if (planned >= 2) {
                events += run(r, new Command.Allocate(o, team));
            }
            if (planned >= 3) {
                events += run(r, new Command.Acknowledge());
            }
            if (planned == 12) {
                events += run(r, new Command.Pause());
                events += run(r, new Command.Resume());
            }
            if (planned >= 4) {
                events += run(r, new Command.SendToService());
            }
            if (planned >= 5) {
                events += run(r, new Command.SubmitDraft());
            }
            if (planned >= 7) {
                events += run(r, Command.Respond.with(OUTCOMES.get(r.nextInt(OUTCOMES.size()))));
                events += run(r, new Command.Escalate());
            }
            if (planned == 12) {
                events += run(r, new Command.Allocate(OFFICERS.get((officer + 1) % OFFICERS.size()), team));
                events += run(r, new Command.Acknowledge());
                events += run(r, new Command.SendToService());
            }
        } else if (shape < 8) {
            events += run(r, new Command.Reclassify(Classification.SERVICE_REQUEST));
        } else if (shape < 14) {
            events += run(r, new Command.Reclassify(Classification.NOT_COUNCIL_COMPLAINT));
        } else {
            events += run(r, Command.Triage.asReceived());
            events += run(r, new Command.Allocate(o, team));
            if (shape < 22) {
                events += run(r, Command.Close.withdrawn());
            } else {
                events += run(r, new Command.Acknowledge());
                events += run(r, new Command.SendToService());
                events += run(r, new Command.SubmitDraft());
                events += run(r, Command.Respond.with(OUTCOMES.get(r.nextInt(OUTCOMES.size()))));
                if (shape >= 90 && procedure == Procedure.ADULT_SOCIAL_CARE) {
                    events += run(r, new Command.ReferToOmbudsman());
                } else if (escalates) {
                    events += run(r, new Command.Escalate());
                    events += run(r, new Command.Allocate(OFFICERS.get((officer + 1) % OFFICERS.size()), team));
                    events += run(r, new Command.Acknowledge());
                    events += run(r, new Command.SendToService());
                    events += run(r, new Command.SubmitDraft());
                    events += run(r, Command.Respond.with(OUTCOMES.get(r.nextInt(OUTCOMES.size()))));
                }
            }
        }
        loaded.byStatus.merge(last, 1, Integer::sum);
        loaded.events += events;
        if (events > loaded.longestEvents) {
            loaded.longestEvents = events;
            loaded.longest = id;
            loaded.longestReference = reference(i);
        }
    }

    /** Runs {@code command} at the complaint's next moment; returns 1, the event it makes. */
    private int run(SplittableRandom r, Command command) {
        at = next(r);
        Complaint after = batch.execute(id, command, audit.occurredAt(at));
        last = after.status();
        return 1;
    }

    private Status last;
    private boolean closed;

    /**
     * The next event's moment: open complaints spread their planned events evenly between now and receipt (so
     * the last is before now), closed ones a few hours to three days apart.
     */
    private Instant next(SplittableRandom r) {
        Duration gap;
        if (closed) {
            gap = Duration.ofMinutes(60 + r.nextInt(3 * 1440));
        } else {
            Duration left = Duration.between(at, now).minusMinutes(5);
            gap = left.dividedBy(steps + 1L);
        }
        return at.plus(gap).plusNanos(r.nextInt(1_000) * 1_000L);
    }

    /** A contact's procedure: three in ten adults, three in ten children's, the rest corporate. */
    private static Procedure procedure(SplittableRandom random) {
        int p = random.nextInt(10);
        return p < 3 ? Procedure.ADULT_SOCIAL_CARE : p < 6 ? Procedure.CHILDRENS_SOCIAL_CARE : Procedure.CORPORATE;
    }
}
