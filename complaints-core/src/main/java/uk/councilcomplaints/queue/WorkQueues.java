package uk.councilcomplaints.queue;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.sla.DueClock;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.store.ClockGroup;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.VersionConflictException;

/**
 * The work queues of one store under one SLA policy and calendar: running clocks by due time (breached, at risk,
 * due before a day, one officer's or team's, the triage queue), paused clocks apart, or their counts per group for
 * a dashboard, each one read of the clock rows the store keeps. Each list shows the complaints as they stand now:
 * a clock's state at an instant ({@link uk.councilcomplaints.sla.DueClock#stateAt}) assumes no event until then;
 * for a past instant, or as known at an earlier one, use the facade's {@code breachedOrAtRisk}, which folds the
 * histories. Thread-safe.
 */
public final class WorkQueues {

    private static final Logger LOG = LoggerFactory.getLogger(WorkQueues.class);
    /** Clock-only commits stored together by {@link #rebuildClocks()}. */
    private static final int REBUILD_BATCH = 500;
    private static final List<StatusBucket> OPEN = Stream.of(StatusBucket.values()).filter(StatusBucket::open)
            .toList();

    private final ComplaintStore store;
    private final SlaEvaluator sla;
    private final Clock clock;
    private final AtomicBoolean basisChecked = new AtomicBoolean();

    private WorkQueues(ComplaintStore store, SlaEvaluator sla, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.sla = requireNonNull(sla, "sla");
        this.clock = requireNonNull(clock, "clock");
    }

    /** The queues of {@code store}, its clocks computed by {@code sla}; {@code clock} tells the time of rebuilds. */
    public static WorkQueues of(ComplaintStore store, SlaEvaluator sla, Clock clock) {
        return new WorkQueues(store, sla, clock);
    }

    /**
     * The clocks {@code query} lists, a page at a time in due order, or their number per group when it counts. A
     * query for clocks at risk by an instant reads only the due instants the policy's margin allows. The first call
     * warns, once, if the store holds rows computed under another policy or calendar (see {@link #hasStaleClocks()}).
     */
    public ClockPage find(ClockQuery query) {
        requireNonNull(query, "query");
        if (basisChecked.compareAndSet(false, true)) {
            if (hasStaleClocks()) {
                LOG.warn("clock rows were computed under another SLA policy or working-day calendar (how many:"
                        + " WorkQueues.staleClocks()); their due dates may be wrong until the clocks are rebuilt"
                        + " (WorkQueues.rebuildClocks(), or 'complaints rebuild-clocks')");
            }
            if (missingClocks()) {
                LOG.warn("the store keeps no clock rows but holds open complaints (tables upgraded from a version"
                        + " without work queues?): the queues are empty until the clocks are rebuilt"
                        + " (WorkQueues.rebuildClocks(), or 'complaints rebuild-clocks')");
            }
        }
        ClockQuery q = query.atRiskBy().map(t -> query.dueBefore(sla.atRiskDueBefore(t))).orElse(query);
        return store.clocks(q);
    }

    /** Every clock {@code query} lists, page after page (for a report or an export, not a screen). */
    public List<DueClock> all(ClockQuery query) {
        List<DueClock> found = new ArrayList<>();
        for (ClockPage page = find(query); ; page = find(query.after(page.next().get()))) {
            found.addAll(page.items());
            if (page.next().isEmpty()) {
                return found;
            }
        }
    }

    /** The number of clocks {@code query} lists, all groups together. */
    public long count(ClockQuery query) {
        return find(query.countedBy(ClockGroup.KIND)).total();
    }

    /**
     * Whether the store keeps no clock row at all while it holds an open complaint: every open complaint runs a
     * clock, so its rows were never written (a database upgraded from before the work queues) and
     * {@link #rebuildClocks()} is needed.
     */
    public boolean missingClocks() {
        boolean none = store.clocks(ClockQuery.running().limit(1).build()).items().isEmpty()
                && store.clocks(ClockQuery.paused().limit(1).build()).items().isEmpty();
        return none && !store.find(ComplaintQuery.builder().buckets(OPEN).limit(1).build()).items().isEmpty();
    }

    /**
     * Whether the store holds a clock row, running or paused, from another policy or calendar than this one's: a
     * page of one row each, which a store answers without reading its rows when they all have this basis (the
     * check of the first {@link #find}).
     */
    public boolean hasStaleClocks() {
        long basis = sla.basis();
        return !store.clocks(ClockQuery.running().basisOtherThan(basis).limit(1).build()).items().isEmpty()
                || !store.clocks(ClockQuery.paused().basisOtherThan(basis).limit(1).build()).items().isEmpty();
    }

    /**
     * How many clock rows, running or paused, the store holds from another policy or calendar than this one's
     * (counts them all: for the command line's {@code rebuild-clocks}, not for every start).
     */
    public long staleClocks() {
        long basis = sla.basis();
        return store.clocks(ClockQuery.running().basisOtherThan(basis).countBy(ClockGroup.KIND).build()).total()
                + store.clocks(ClockQuery.paused().basisOtherThan(basis).countBy(ClockGroup.KIND).build()).total();
    }

    /**
     * Computes again the clocks of every complaint open now under this policy and calendar, and replaces the
     * store's rows with them (after a new bank holiday, or a changed target). A complaint changed meanwhile keeps
     * the rows its own commit wrote. Returns how many complaints' rows were replaced.
     */
    public int rebuildClocks() {
        int replaced = 0;
        List<Commit> batch = new ArrayList<>(REBUILD_BATCH);
        try (Stream<ComplaintHistory> open = store.histories(HistoryFilter.openAt(clock.instant(), KnownAt.latest()))) {
            for (ComplaintHistory h : (Iterable<ComplaintHistory>) open::iterator) {
                batch.add(Commit.clocksOf(h.current(), sla.clockRows(h)));
                if (batch.size() == REBUILD_BATCH) {
                    replaced += store(batch);
                    batch.clear();
                }
            }
        }
        replaced += store(batch);
        basisChecked.set(false);
        LOG.info("rebuilt the clocks of {} open complaints", replaced);
        return replaced;
    }

    /** Stores the clock-only commits, all together or, when one fails, one by one, skipping those changed since. */
    private int store(List<Commit> commits) {
        if (commits.isEmpty()) {
            return 0;
        }
        try {
            store.appendAll(commits);
            return commits.size();
        } catch (BatchFailedException e) {
            int stored = 0;
            for (Commit c : commits) {
                try {
                    store.append(c);
                    stored++;
                } catch (VersionConflictException changed) {
                    LOG.debug("{} changed while its clocks were rebuilt; its own commit wrote them", c.id());
                }
            }
            return stored;
        }
    }
}
