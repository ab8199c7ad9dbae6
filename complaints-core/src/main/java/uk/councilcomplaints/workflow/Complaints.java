package uk.councilcomplaints.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.feed.EventFeed;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.Themes;
import uk.councilcomplaints.protection.DataProtection;
import uk.councilcomplaints.protection.Erasure;
import uk.councilcomplaints.protection.RetentionPolicy;
import uk.councilcomplaints.queue.WorkQueues;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.sla.ClockRows;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.sla.SlaPolicy;
import uk.councilcomplaints.sla.SlaStatus;
import uk.councilcomplaints.sla.WorkingCalendar;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.VersionConflictException;

/**
 * The API a council's app calls: receive contacts, issue commands, read complaints and their histories.
 * Every command is validated, checked against the {@link Transitions} table and its guards, turned into an
 * event stamped by the injected {@link Clock}, and appended atomically; a rejected command changes nothing.
 * Thread-safe; concurrent commands on one complaint fail with {@link VersionConflictException}.
 */
public final class Complaints {

    private static final Logger LOG = LoggerFactory.getLogger(Complaints.class);
    /** Events dated further back than this need a reason. */
    static final Duration LATE_ENTRY = Duration.ofDays(1);
    private static final int MAX_REFERENCE_ATTEMPTS = 100;

    private final ComplaintStore store;
    private final Clock clock;
    private final String referencePrefix;
    private final SlaEvaluator sla;
    private final CommandValidator validator;
    private final RetentionPolicy retention;
    private final WorkQueues queues;
    private final Reports reports;
    /** Whether a commit's clock rows are left to {@link Batch#commit()}, which works out each complaint's once. */
    private final boolean batched;
    private final DataProtection dataProtection;
    private final Themes themes;

    private Complaints(Builder b) {
        this.store = b.store;
        this.clock = b.clock;
        this.referencePrefix = b.referencePrefix;
        this.sla = SlaEvaluator.of(b.slaPolicy, b.calendar);
        this.themes = b.themes;
        this.validator = new CommandValidator(clock, b.calendar, themes);
        this.retention = b.retention;
        this.queues = WorkQueues.of(store, sla, clock);
        this.reports = Reports.over(store, sla, themes, clock);
        this.batched = false;
        this.dataProtection = DataProtection.of(store, retention, clock, new FacadeErasure());
    }

    /** The same rules over another store: how a {@link Batch} decides its commands. */
    private Complaints(Complaints rules, ComplaintStore store) {
        this.store = store;
        this.clock = rules.clock;
        this.referencePrefix = rules.referencePrefix;
        this.sla = rules.sla;
        this.validator = rules.validator;
        this.themes = rules.themes;
        this.retention = rules.retention;
        this.queues = WorkQueues.of(store, sla, clock);
        this.reports = rules.reports;
        this.batched = true;
        this.dataProtection = DataProtection.of(store, retention, clock, new FacadeErasure());
    }

    /** A facade over {@code store}, with the system UTC clock and the default rules unless set. */
    public static Builder builder(ComplaintStore store) {
        return new Builder(store);
    }

    /** The clock that stamps events. */
    public Clock clock() {
        return clock;
    }

    /** Logs a new contact; it starts {@link Status#RECEIVED}. Its occurred time is {@code receivedAt}. */
    public Complaint receive(ReceiveContact command, Audit audit) {
        requireNonNull(command, "command");
        requireNonNull(audit, "audit");
        validator.validate("RECEIVE", command, audit);
        Instant recordedAt = now();
        Instant occurredAt = micros(command.receivedAt());
        if (audit.occurredAt().isPresent() && !micros(audit.occurredAt().get()).equals(occurredAt)) {
            CommandValidator.reject("RECEIVE", "occurredAt",
                    "must be empty or equal to receivedAt for a new contact");
        }
        checkTimes("RECEIVE", occurredAt, recordedAt, audit);
        ComplaintId id = ComplaintId.next();
        PersonalData personal = new PersonalData(command.complainant(), command.summary());
        for (int attempt = 1; ; attempt++) {
            String reference = command.reference().orElseGet(() -> nextReference(occurredAt));
            EventData.Received data = new EventData.Received(reference, command.procedure(), command.serviceArea(),
                    command.channel(), command.matterDate());
            ComplaintEvent event = new ComplaintEvent(id, 1, Status.RECEIVED, occurredAt, recordedAt, audit.actor(),
                    audit.reason(), data);
            ComplaintHistory history = new ComplaintHistory(List.of(event));
            Complaint state = history.current();
            try {
                store.append(new Commit(id, 0, List.of(event), state, Optional.of(personal), false,
                        clocksOf(history)));
                LOG.debug("received {} ({}) as {}", reference, id, command.procedure());
                return state;
            } catch (DuplicateReferenceException e) {
                // a council's own reference may take a number the sequence gives later: take the next one
                if (command.reference().isPresent() || attempt == MAX_REFERENCE_ATTEMPTS) {
                    throw e;
                }
                LOG.info("generated reference {} is taken; trying the next number", reference);
            }
        }
    }

    /** Issues {@code command} on the complaint as it is now. */
    public Complaint execute(ComplaintId id, Command command, Audit audit) {
        return execute(id, OptionalLong.empty(), command, audit);
    }

    /**
     * Issues {@code command} on the complaint if it is still at {@code expectedVersion} (the version the user
     * saw), else throws {@link VersionConflictException}.
     */
    public Complaint execute(ComplaintId id, long expectedVersion, Command command, Audit audit) {
        return execute(id, OptionalLong.of(expectedVersion), command, audit);
    }

    private Complaint execute(ComplaintId id, OptionalLong expectedVersion, Command command, Audit audit) {
        requireNonNull(id, "id");
        requireNonNull(command, "command");
        requireNonNull(audit, "audit");
        String name = command.type().name();
        validator.validate(name, command, audit);
        List<ComplaintEvent> events = store.history(id);
        if (events.isEmpty()) {
            throw new ComplaintNotFoundException("with id " + id);
        }
        ComplaintHistory history = new ComplaintHistory(events);
        Complaint current = history.current();
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw new VersionConflictException(id, expectedVersion.getAsLong(), current.version());
        }
        ComplaintEvent last = events.get(events.size() - 1);
        Instant recordedAt = latest(now(), last.recordedAt());
        Instant occurredAt = audit.occurredAt().map(Complaints::micros).orElse(recordedAt);
        checkTimes(name, occurredAt, recordedAt, audit);
        GuardContext guards = new GuardContext(current, history, command, audit, occurredAt, store::load, sla);
        if (occurredAt.isBefore(current.lastOccurredAt())) {
            throw new CommandRejectedException(current, command.type(), "it is dated " + occurredAt
                    + ", before the complaint's latest event at " + current.lastOccurredAt()
                    + "; events must be recorded in the order they happened", Guards.allowedNow(guards));
        }
        Decider.Decision decision = Decider.decide(guards);
        ComplaintEvent event = new ComplaintEvent(id, current.version() + 1, decision.to(), occurredAt, recordedAt,
                audit.actor(), audit.reason(), decision.data());
        ComplaintHistory after = new ComplaintHistory(ImmutableList.<ComplaintEvent>builder()
                .addAll(events).add(event).build());
        Complaint next = after.current();
        boolean erase = command.type() == CommandType.ERASE_PERSONAL_DATA;
        store.append(new Commit(id, current.version(), List.of(event), next, Optional.empty(), erase,
                clocksOf(after)));
        LOG.debug("{} {}: {} -> {}", current.reference(), command.type(), current.status(), next.status());
        return next;
    }

    /**
     * The commands that can be issued on the complaint now: those its status allows ({@link Transitions}) that no
     * guard refuses whatever their values, such as {@code RESUME} only while its clock is paused. What a case page
     * offers; a command listed may still be refused for its values (an extension beyond the limit, say).
     *
     * @throws ComplaintNotFoundException if there is no such complaint
     */
    public Set<CommandType> allowedNow(ComplaintId id) {
        requireNonNull(id, "id");
        List<ComplaintEvent> events = store.history(id);
        if (events.isEmpty()) {
            throw new ComplaintNotFoundException("with id " + id);
        }
        ComplaintHistory history = new ComplaintHistory(events);
        Instant at = latest(now(), events.get(events.size() - 1).recordedAt());
        return Collections.unmodifiableSet(Guards.allowedNow(new GuardContext(history.current(), history, null,
                Audit.by("allowedNow"), at, store::load, sla)));
    }

    /**
     * A batch for importers: commands decided exactly as one by one, each seeing the batch's earlier
     * commands, then stored with one {@link ComplaintStore#appendAll} call by {@link Batch#commit()}.
     */
    public Batch batch() {
        return new Batch(store, overlay -> new Complaints(this, overlay));
    }

    /** The complaint's current state. */
    public Optional<Complaint> find(ComplaintId id) {
        return store.load(id);
    }

    /** The complaint's current state, or {@link ComplaintNotFoundException}. */
    public Complaint get(ComplaintId id) {
        return store.load(id).orElseThrow(() -> new ComplaintNotFoundException("with id " + id));
    }

    /** The complaint with this reference. */
    public Optional<Complaint> findByReference(String reference) {
        return store.find(ComplaintQuery.builder().reference(reference).limit(1).build()).items().stream()
                .findFirst();
    }

    /** Complaints matching a query, a page at a time. */
    public Page<Complaint> find(ComplaintQuery query) {
        return store.find(query);
    }

    /** Every event of the complaint, in order. */
    public List<ComplaintEvent> history(ComplaintId id) {
        return store.history(id);
    }

    /**
     * The complaint as it stood at {@code asOf}, counting the events {@code knownAt} says; empty before it was
     * received.
     */
    public Optional<Complaint> stateAsOf(ComplaintId id, Instant asOf, KnownAt knownAt) {
        requireNonNull(knownAt, "knownAt");
        List<ComplaintEvent> events = store.history(id);
        return events.isEmpty() ? Optional.empty() : new ComplaintHistory(events).stateAsOf(asOf, knownAt.limit());
    }

    /** The council's event feed: every committed event in commit order, without personal data. */
    public EventFeed feed() {
        return EventFeed.of(store);
    }

    /** The council's complaint themes, which {@code RECORD_THEMES} accepts and reports label. */
    public Themes themes() {
        return themes;
    }

    /** The SLA evaluator built from this facade's policy and calendar. */
    public SlaEvaluator sla() {
        return sla;
    }

    /** The complaint's clocks at {@code asOf}, counting the events {@code knownAt} says. */
    public Optional<SlaStatus> slaStatus(ComplaintId id, Instant asOf, KnownAt knownAt) {
        requireNonNull(knownAt, "knownAt");
        List<ComplaintEvent> events = store.history(id);
        return events.isEmpty() ? Optional.empty()
                : sla.evaluate(new ComplaintHistory(events), asOf, knownAt.limit());
    }

    /**
     * The work queues: clocks running or paused now, from the rows the store keeps with every commit (one indexed
     * read, not a fold of every history).
     */
    public WorkQueues queues() {
        return queues;
    }

    /**
     * The reports (committee tables, SLA performance, ageing, the statutory annual report) over this facade's
     * store, with its timescales and calendar.
     */
    public Reports reports() {
        return reports;
    }

    /**
     * The complaints with a breached or at-risk clock at {@code asOf}, counting the events {@code knownAt} says,
     * with all their clocks: a fold of the histories of the complaints open then. For the clocks at risk now, a
     * page at a time, read {@link #queues()}: at an instant at or after every recorded event the two list the same
     * clocks.
     */
    public List<SlaStatus> breachedOrAtRisk(Instant asOf, KnownAt knownAt) {
        requireNonNull(knownAt, "knownAt");
        // only an open complaint has a clock still running, so the store reads no closed history
        try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.openAt(asOf, knownAt))) {
            return sla.breachedOrAtRisk(histories, asOf, knownAt.limit());
        }
    }

    /** The complaint's personal data, unless erased. */
    public Optional<PersonalData> personalData(ComplaintId id) {
        return store.personalData(id);
    }

    /**
     * Anonymises one complaint now: erases its personal data with {@link Command.ErasePersonalData}, recorded
     * with who and why ({@code audit} must give a reason); every report stays as it was.
     */
    public Complaint anonymise(ComplaintId id, Audit audit) {
        return execute(id, new Command.ErasePersonalData(), audit);
    }

    /**
     * Data protection under this facade's retention policy: the complaints whose personal data expired,
     * anonymising them by the erasure command, and subject access requests.
     */
    public DataProtection dataProtection() {
        return dataProtection;
    }

    /** The workflow side of {@link DataProtection}: its checks and its erasures, through this facade. */
    private final class FacadeErasure implements Erasure {
        private static final String RUN = "ANONYMISE_EXPIRED";

        @Override
        public void checkDay(LocalDate day) {
            if (day.getYear() < 1900 || day.getYear() > 2199) {
                CommandValidator.reject(RUN, "day", "must be from 1900-01-01 to 2199-12-31, was " + day);
            }
        }

        @Override
        public void checkRun(LocalDate day, String actor) {
            validator.validate(RUN, new Command.ErasePersonalData(),
                    Audit.by(actor).because("retention period ended"));
            LocalDate today = LondonDays.dayOf(clock.instant());
            if (day.isAfter(today)) {
                CommandValidator.reject(RUN, "day", "must not be after today (" + today + "), was " + day);
            }
        }

        @Override
        public Complaint current(ComplaintId id) {
            return get(id);
        }

        @Override
        public Complaint erase(ComplaintId id, long expectedVersion, String actor, String reason) {
            return execute(id, expectedVersion, new Command.ErasePersonalData(), Audit.by(actor).because(reason));
        }
    }

    /** The clock rows a commit leaving {@code history} stores: none yet in a batch (see {@link #batched}). */
    private ClockRows clocksOf(ComplaintHistory history) {
        return batched ? ClockRows.NONE : sla.clockRows(history);
    }

    private void checkTimes(String name, Instant occurredAt, Instant recordedAt, Audit audit) {
        if (occurredAt.isAfter(recordedAt)) {
            CommandValidator.reject(name, "occurredAt",
                    "must not be after the time it is recorded (" + occurredAt + " is after " + recordedAt + ")");
        }
        if (Duration.between(occurredAt, recordedAt).compareTo(LATE_ENTRY) > 0 && audit.reason().isEmpty()) {
            CommandValidator.reject(name, "reason",
                    "is required for an event dated more than one day before it is recorded (occurred "
                            + occurredAt + ", recorded " + recordedAt + ")");
        }
    }

    private String nextReference(Instant receivedAt) {
        int year = LondonDays.dayOf(receivedAt).getYear();
        return String.format("%s-%d-%06d", referencePrefix, year, store.nextReferenceNumber(year));
    }

    private Instant now() {
        return micros(clock.instant());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Builds {@link Complaints}; validates eagerly. */
    public static final class Builder {
        private final ComplaintStore store;
        private Clock clock = Clock.systemUTC();
        private String referencePrefix = "CMP";
        private SlaPolicy slaPolicy = SlaPolicy.englandDefaults();
        private WorkingCalendar calendar = WorkingCalendar.englandAndWales();
        private RetentionPolicy retention = RetentionPolicy.defaults();
        private Themes themes = Themes.DEFAULT;

        private Builder(ComplaintStore store) {
            this.store = requireNonNull(store, "store");
        }

        /** The clock that stamps every event; inject a fixed or settable one in tests. */
        public Builder clock(Clock value) {
            clock = requireNonNull(value, "clock");
            return this;
        }

        /** The prefix of generated references, e.g. {@code CMP} gives {@code CMP-2022-000123}. */
        public Builder referencePrefix(String value) {
            checkArgument(value != null && value.matches("[A-Z][A-Z0-9]{0,9}"),
                    "referencePrefix must be 1-10 upper-case letters or digits, starting with a letter: %s", value);
            referencePrefix = value;
            return this;
        }

        /** The council's timescales; the England defaults unless set. Guards extension and pause commands. */
        public Builder slaPolicy(SlaPolicy value) {
            slaPolicy = requireNonNull(value, "slaPolicy");
            return this;
        }

        /** The working-day calendar; England and Wales unless set (add council closure days through its builder). */
        public Builder calendar(WorkingCalendar value) {
            calendar = requireNonNull(value, "calendar");
            return this;
        }

        /** How long personal data is kept after closure; {@link RetentionPolicy#defaults()} unless set. */
        public Builder retentionPolicy(RetentionPolicy value) {
            retention = requireNonNull(value, "retentionPolicy");
            return this;
        }

        /** The council's complaint themes, which {@code RECORD_THEMES} accepts; {@link Themes#DEFAULT} unless set. */
        public Builder themes(Themes value) {
            themes = requireNonNull(value, "themes");
            return this;
        }

        public Complaints build() {
            return new Complaints(this);
        }
    }
}
