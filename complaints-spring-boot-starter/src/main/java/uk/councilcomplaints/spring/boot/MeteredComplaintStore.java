package uk.councilcomplaints.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.feed.FeedEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.GroupCounts;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.VersionConflictException;

/**
 * The store the auto-configured facade and {@code Reports} write and read through, recording meters on the way:
 * <ul>
 * <li>{@value #COMMANDS} (counter): each commit with events the facade hands the store, tagged {@code type} (the
 * recorded event's type, such as {@code received} or {@code triaged}: one per command) and {@code outcome}:
 * {@code accepted} (stored), {@code conflict} (refused as a concurrent change: {@link VersionConflictException})
 * or {@code failed} (refused otherwise: a duplicate reference, the settle window, the database). A command the
 * facade rejects or finds invalid never reaches the store and is not counted; neither is a version conflict the
 * facade sees before writing (an {@code expectedVersion} older than the stored one).</li>
 * <li>{@value #CONFLICTS} (counter): the {@code conflict} outcomes above.</li>
 * <li>{@value #QUEUES} (timer): reads of the work queues ({@link ComplaintStore#clocks}), tagged {@code kind}
 * {@code page} or {@code count}.</li>
 * <li>{@value #REPORTS} (timer): the store's part of reports, tagged {@code call}: {@code count} (one query) or
 * {@code histories} (from the call until the stream is closed).</li>
 * <li>{@value #FEED} (timer): reads of the event feed ({@link ComplaintStore#eventsAfter}).</li>
 * </ul>
 */
final class MeteredComplaintStore implements ComplaintStore {

    static final String COMMANDS = "complaints.commands";
    static final String CONFLICTS = "complaints.version.conflicts";
    static final String QUEUES = "complaints.queues";
    static final String REPORTS = "complaints.reports";
    static final String FEED = "complaints.feed.reads";

    private final ComplaintStore store;
    private final MeterRegistry registry;

    MeteredComplaintStore(ComplaintStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public void appendAll(List<Commit> commits) {
        try {
            store.appendAll(commits);
        } catch (BatchFailedException e) {
            if (e.index() >= 0 && e.index() < commits.size()) {
                refused(commits.get(e.index()), e.getCause());
            }
            throw e;
        }
        commits.forEach(c -> count(c, "accepted"));
    }

    @Override
    public void append(Commit commit) {
        try {
            store.append(commit);
        } catch (RuntimeException e) {
            refused(commit, e);
            throw e;
        }
        count(commit, "accepted");
    }

    private void refused(Commit commit, Throwable cause) {
        if (cause instanceof VersionConflictException) {
            count(commit, "conflict");
            if (commit.hasEvents()) {
                registry.counter(CONFLICTS).increment();
            }
        } else {
            count(commit, "failed");
        }
    }

    private void count(Commit commit, String outcome) {
        if (!commit.hasEvents()) {
            return; // the clock rows only: no command
        }
        String type = commit.events().get(commit.events().size() - 1).type().name().toLowerCase(Locale.ROOT);
        Counter.builder(COMMANDS).tag("type", type).tag("outcome", outcome)
                .description("Commands the facade stored, or the store refused").register(registry).increment();
    }

    @Override
    public Optional<Complaint> load(ComplaintId id) {
        return store.load(id);
    }

    @Override
    public List<ComplaintEvent> history(ComplaintId id) {
        return store.history(id);
    }

    @Override
    public Page<Complaint> find(ComplaintQuery query) {
        return store.find(query);
    }

    @Override
    public Stream<ComplaintHistory> histories(HistoryFilter filter) {
        Timer.Sample sample = Timer.start(registry);
        Timer timer = reports("histories");
        try {
            return store.histories(filter).onClose(() -> sample.stop(timer));
        } catch (RuntimeException e) {
            sample.stop(timer);
            throw e;
        }
    }

    @Override
    public GroupCounts count(CountQuery query) {
        return time(reports("count"), () -> store.count(query));
    }

    @Override
    public Optional<PersonalData> personalData(ComplaintId id) {
        return store.personalData(id);
    }

    @Override
    public long nextReferenceNumber(int year) {
        return store.nextReferenceNumber(year);
    }

    @Override
    public ClockPage clocks(ClockQuery query) {
        Timer timer = Timer.builder(QUEUES).tag("kind", query.countBy().isPresent() ? "count" : "page")
                .description("Reads of the work queues").register(registry);
        return time(timer, () -> store.clocks(query));
    }

    @Override
    public List<FeedEvent> eventsAfter(long position, int limit) {
        Timer timer = Timer.builder(FEED).description("Reads of the event feed").register(registry);
        return time(timer, () -> store.eventsAfter(position, limit));
    }

    private Timer reports(String call) {
        return Timer.builder(REPORTS).tag("call", call).description("The store's part of reports")
                .register(registry);
    }

    private static <T> T time(Timer timer, Supplier<T> call) {
        return timer.record(call);
    }

    @Override
    public String toString() {
        return "metered " + store;
    }
}
