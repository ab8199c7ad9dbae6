package uk.councilcomplaints.examples.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintStore;

/**
 * Generates valid complaint histories straight into a store, one commit per complaint, with the events the
 * facade would have made: received over 18 months from January 2021, about five events each, every time its
 * own instant to the microsecond, each event recorded seconds to minutes after it happened, one in twenty
 * recorded two days late with a reason, one in twelve escalated or referred after its response.
 * Each commit carries its complaint's running and paused clocks under England's default policy and calendar, as
 * the facade's would, so a store fills its work queues too. Deterministic for a seed.
 */
final class BenchmarkData {

    static final Instant FIRST = Instant.parse("2021-01-01T09:00:00Z");
    private static final List<ServiceArea> CORPORATE_AREAS = List.of(ServiceArea.CORPORATE, ServiceArea.OTHER,
            ServiceArea.of("highways", "Highways"), ServiceArea.of("waste", "Waste and recycling"));
    /** Every service area the complaints are in, in a by-service table's order: the note's four, then by name. */
    static final List<ServiceArea> AREAS = List.of(ServiceArea.ADULTS, ServiceArea.CHILDRENS, ServiceArea.CORPORATE,
            ServiceArea.OTHER, CORPORATE_AREAS.get(2), CORPORATE_AREAS.get(3));
    private static final List<String> OFFICERS = List.of("a.patel", "b.jones", "c.okafor", "d.smith", "e.wu",
            "f.hughes", "g.martin", "h.ahmed");
    private static final List<String> TEAMS = List.of("Voice of the customer", "Recovery team");
    private static final Optional<String> LATE = Optional.of("late entry");
    private static final SlaEvaluator SLA = SlaEvaluator.englandDefaults();

    private final SplittableRandom random;
    private final List<ComplaintEvent> events = new ArrayList<>(12);
    private ComplaintId id;
    private Instant at;
    private long count;
    private int made;

    private final boolean withPersonalData;
    /** The chance that a complaint left open is withdrawn at the end instead; 0 leaves the shape as it was. */
    private double withdrawOpen;

    BenchmarkData(long seed) {
        this(seed, false);
    }

    /** With {@code withPersonalData}, each complaint also stores a complainant (name, email) and a summary. */
    BenchmarkData(long seed, boolean withPersonalData) {
        random = new SplittableRandom(seed);
        this.withPersonalData = withPersonalData;
    }

    /**
     * The same generator, but each complaint it would leave open is withdrawn after its last event with chance
     * {@code chance}: fewer open complaints, as in a council whose backlog is cleared (about 30% are open without).
     */
    BenchmarkData withdrawingOpen(double chance) {
        withdrawOpen = chance;
        return this;
    }

    /** Appends {@code n} more complaints to {@code store}, one by one; returns how many events they hold. */
    long load(ComplaintStore store, int n) {
        long before = count;
        for (int i = 0; i < n; i++) {
            store.append(next());
        }
        return count - before;
    }

    /**
     * Appends {@code n} more complaints to {@code store} with {@link ComplaintStore#appendAll}, {@code batch}
     * at a time; returns how many events they hold. The complaints are those {@link #load} would append.
     */
    long loadInBatches(ComplaintStore store, int n, int batch) {
        long before = count;
        List<Commit> commits = new ArrayList<>(batch);
        for (int i = 0; i < n; i++) {
            commits.add(next());
            if (commits.size() == batch || i == n - 1) {
                store.appendAll(commits);
                commits.clear();
            }
        }
        return count - before;
    }

    /** A contact's procedure: three in ten adults, three in ten children's, the rest corporate. */
    static Procedure procedure(SplittableRandom random) {
        int p = random.nextInt(10);
        return p < 3 ? Procedure.ADULT_SOCIAL_CARE : p < 6 ? Procedure.CHILDRENS_SOCIAL_CARE : Procedure.CORPORATE;
    }

    /** The service area of a contact under {@code procedure}: a corporate one in one of four areas. */
    static ServiceArea area(Procedure procedure, SplittableRandom random) {
        return switch (procedure) {
            case ADULT_SOCIAL_CARE -> ServiceArea.ADULTS;
            case CHILDRENS_SOCIAL_CARE -> ServiceArea.CHILDRENS;
            case CORPORATE -> CORPORATE_AREAS.get(random.nextInt(CORPORATE_AREAS.size()));
            case HOUSING -> ServiceArea.of("housing", "Housing"); // never drawn by procedure(): the data predate it
        };
    }

    private Commit next() {
        int i = made++;
        events.clear();
        id = new ComplaintId(new UUID(random.nextLong(), random.nextLong()));
        at = FIRST.plus(Duration.ofMinutes(random.nextInt(540 * 24 * 60))).plusNanos(micros());
        Procedure procedure = procedure(random);
        ServiceArea area = area(procedure, random);
        int officer = random.nextInt(OFFICERS.size());
        add(Status.RECEIVED, new EventData.Received(String.format("CMP-%d-%07d", 2021 + i % 2, i), procedure, area,
                Channel.values()[random.nextInt(Channel.values().length)], Optional.empty()));
        int path = random.nextInt(100);
        if (path < 15) {
            Classification c = random.nextBoolean() ? Classification.SERVICE_REQUEST
                    : Classification.NOT_COUNCIL_COMPLAINT;
            add(c == Classification.SERVICE_REQUEST ? Status.SERVICE_REQUEST : Status.SIGNPOSTED,
                    new EventData.Reclassified(c));
        } else {
            add(Status.TRIAGED, new EventData.Triaged(procedure, area));
            add(Status.ALLOCATED, new EventData.Allocated(OFFICERS.get(officer), TEAMS.get(officer % 2)));
            if (path < 30) {
                // allocated, not yet acknowledged
            } else if (path < 40) {
                add(Status.WITHDRAWN, new EventData.Closed(ClosureReason.WITHDRAWN, Optional.empty()));
            } else {
                add(Status.ACKNOWLEDGED, new EventData.Acknowledged());
                add(Status.WITH_SERVICE, new EventData.SentToService());
                if (path >= 60) {
                    add(Status.IN_REVIEW, new EventData.DraftSubmitted());
                    add(Status.RESPONDED, new EventData.Responded(
                            Outcome.values()[random.nextInt(Outcome.values().length)], Set.of(Remedy.APOLOGY)));
                    if (path >= 92 && procedure == Procedure.ADULT_SOCIAL_CARE) {
                        add(Status.RESPONDED, new EventData.ReferredToOmbudsman());
                    } else if (path >= 92) {
                        add(Status.ESCALATED, new EventData.Escalated(Stage.STAGE_2));
                        add(Status.ALLOCATED, new EventData.Allocated(OFFICERS.get((officer + 1) % OFFICERS.size()),
                                TEAMS.get(officer % 2)));
                    }
                }
            }
        }
        if (withdrawOpen > 0 && events.get(events.size() - 1).status().open()
                && random.nextDouble() < withdrawOpen) {
            add(Status.WITHDRAWN, new EventData.Closed(ClosureReason.WITHDRAWN, Optional.empty()));
        }
        count += events.size();
        Optional<PersonalData> personal = withPersonalData ? Optional.of(new PersonalData(
                Complainant.named("Resident " + i).withEmail("resident" + i + "@example.org"),
                "Bins missed three weeks running, case " + i)) : Optional.empty();
        ComplaintHistory history = new ComplaintHistory(events);
        return new Commit(id, 0, events, history.current(), personal, false, SLA.clockRows(history));
    }

    /** A few microseconds, so no two instants are alike, as nanoseconds. */
    private long micros() {
        return random.nextInt(1_000_000) * 1_000L;
    }

    private void add(Status status, EventData data) {
        if (!events.isEmpty()) {
            at = at.plus(Duration.ofMinutes(60 + random.nextInt(5 * 24 * 60))).plusNanos(micros());
        }
        boolean late = random.nextInt(20) == 0;
        Instant recorded = late ? at.plus(Duration.ofDays(2)) : at.plusSeconds(1 + random.nextInt(600));
        String actor = OFFICERS.get(random.nextInt(OFFICERS.size()));
        events.add(new ComplaintEvent(id, events.size() + 1, status, at, recorded, actor,
                late ? LATE : Optional.empty(), data));
        if (late) {
            at = recorded;
        }
    }
}
