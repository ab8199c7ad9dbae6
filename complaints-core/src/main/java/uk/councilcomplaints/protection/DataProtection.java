package uk.councilcomplaints.protection;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.DataSubject;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.VersionConflictException;

/**
 * A council's data protection over one store: the retention policy, the complaints whose personal data it has
 * expired, anonymising them, and subject access requests. Get one from the {@code Complaints} facade's
 * {@code dataProtection()}; it erases through the facade's erasure command, so every erasure is validated,
 * guarded and audited, and no report changes. Thread-safe.
 */
public final class DataProtection {

    private static final Logger LOG = LoggerFactory.getLogger(DataProtection.class);
    /** How often anonymisation retries a complaint that changed while it ran. */
    private static final int MAX_ANONYMISE_ATTEMPTS = 3;
    /** The buckets of a closed complaint, whose personal data a retention period can end. */
    private static final List<StatusBucket> CLOSED = Stream.of(StatusBucket.values()).filter(b -> !b.open())
            .toList();
    /** The order of a subject access report and of expired complaints: received, then id. */
    private static final Comparator<Complaint> RECEIVED_ORDER = Comparator.comparing(Complaint::receivedAt)
            .thenComparing(Complaint::id);

    private final ComplaintStore store;
    private final RetentionPolicy retention;
    private final Clock clock;
    private final Erasure erasure;

    private DataProtection(ComplaintStore store, RetentionPolicy retention, Clock clock, Erasure erasure) {
        this.store = requireNonNull(store, "store");
        this.retention = requireNonNull(retention, "retention");
        this.clock = requireNonNull(clock, "clock");
        this.erasure = requireNonNull(erasure, "erasure");
    }

    /**
     * Data protection over {@code store} under {@code retention}, dating reports by {@code clock} and erasing
     * through {@code erasure}: how the facade makes the one it hands out.
     */
    public static DataProtection of(ComplaintStore store, RetentionPolicy retention, Clock clock,
            Erasure erasure) {
        return new DataProtection(store, retention, clock, erasure);
    }

    /** The retention policy that decides when personal data expires. */
    public RetentionPolicy retentionPolicy() {
        return retention;
    }

    /**
     * The complaints whose personal data is still held and expired on {@code day} under the retention policy,
     * in the order received.
     *
     * @throws RuntimeException the workflow's invalid-command exception if {@code day} is not from 1900 to 2199
     */
    public List<Complaint> expired(LocalDate day) {
        requireNonNull(day, "day");
        erasure.checkDay(day);
        ComplaintQuery closed = ComplaintQuery.builder().buckets(CLOSED).personalDataErased(false)
                .lastEventBefore(retention.closedBefore(day)).limit(ComplaintQuery.MAX_LIMIT).build();
        return all(closed).stream().filter(c -> retention.expired(c, day)).sorted(RECEIVED_ORDER).toList();
    }

    /**
     * Anonymises every complaint whose personal data expired on {@code day} ({@link #expired}), each by the
     * erasure command, recorded now by {@code actor} with the reason that its retention period ended; returns
     * their states after it. A complaint that changed meanwhile is judged again; one no longer expired, or
     * already erased, is left. Running it again for the same day anonymises nothing more.
     *
     * @throws RuntimeException the workflow's invalid-command exception if {@code day} is after today in London,
     *     or the actor is not valid
     * @throws VersionConflictException if a complaint kept changing while it was anonymised
     */
    public List<Complaint> anonymiseExpired(LocalDate day, String actor) {
        requireNonNull(day, "day");
        erasure.checkRun(day, actor);
        List<Complaint> expired = expired(day);
        List<Complaint> anonymised = new ArrayList<>();
        for (Complaint candidate : expired) {
            anonymiseIfExpired(candidate, day, actor).ifPresent(anonymised::add);
        }
        LOG.info("anonymised {} complaints whose retention period ended by {}", anonymised.size(), day);
        return List.copyOf(anonymised);
    }

    private Optional<Complaint> anonymiseIfExpired(Complaint candidate, LocalDate day, String actor) {
        Complaint c = candidate;
        for (int attempt = 1; ; attempt++) {
            if (c.personalDataErased() || !retention.expired(c, day)) {
                return Optional.empty();
            }
            String why = "retention period ended: closed " + LondonDays.dayOf(c.lastOccurredAt()) + ", kept "
                    + retention.period(c.procedure()) + " to " + retention.keptUntil(c).orElseThrow();
            try {
                return Optional.of(erasure.erase(c.id(), c.version(), actor, why));
            } catch (VersionConflictException e) {
                if (attempt == MAX_ANONYMISE_ATTEMPTS) {
                    throw e;
                }
                c = erasure.current(c.id());
            }
        }
    }

    /**
     * Everything held about {@code subject} in this store's council: each complaint whose personal data names
     * them (by email address or name, see {@link DataSubject}), with its facts, personal data and history.
     */
    public SubjectAccessReport subjectAccess(DataSubject subject) {
        requireNonNull(subject, "subject");
        Instant producedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<SubjectAccessReport.Held> held = new ArrayList<>();
        ComplaintQuery theirs = ComplaintQuery.builder().subject(subject).limit(ComplaintQuery.MAX_LIMIT).build();
        for (Complaint found : all(theirs)) {
            ComplaintId id = found.id();
            Optional<Complaint> complaint = store.load(id);
            Optional<PersonalData> personal = store.personalData(id);
            if (complaint.isPresent() && personal.isPresent() && subject.matches(personal.get().complainant())) {
                held.add(new SubjectAccessReport.Held(complaint.get(), personal.get(), store.history(id)));
            }
        }
        held.sort(Comparator.comparing(SubjectAccessReport.Held::complaint, RECEIVED_ORDER));
        return new SubjectAccessReport(subject, producedAt, held);
    }

    /** Every complaint {@code query} finds, page after page. */
    private List<Complaint> all(ComplaintQuery query) {
        List<Complaint> found = new ArrayList<>();
        for (Page<Complaint> page = store.find(query); ; page = store.find(query.after(page.next().get()))) {
            found.addAll(page.items());
            if (page.next().isEmpty()) {
                return found;
            }
        }
    }

    @Override
    public String toString() {
        return "DataProtection[" + retention + "]";
    }
}
