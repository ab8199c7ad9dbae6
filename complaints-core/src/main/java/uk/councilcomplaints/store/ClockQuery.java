package uk.councilcomplaints.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.DueClock;

/**
 * Which clocks of the work queues to list, from the rows stores keep ({@link DueClock}): running clocks in due
 * order, or paused clocks (listed apart, in the order they were paused); then by complaint, stage and kind. A page
 * at a time with a keyset cursor, or just the number per group. Filters are optional; empty sets match
 * everything. Build with {@link #running()} or {@link #paused()}; the facade's {@code queue} adds what only the
 * policy knows (see {@link Builder#atRiskBy}).
 *
 * @param pausedClocks whether to list paused clocks instead of running ones
 * @param dueBefore running clocks due before this instant (exclusive), in whole microseconds
 * @param atRiskBy running clocks at risk or breached by this instant ({@link DueClock#atRiskFrom()} at or before
 *     it), in whole microseconds
 * @param officer the complaint's officer
 * @param team the officer's team
 * @param serviceAreas the complaint's service area
 * @param procedures the complaint's procedure
 * @param stages the clock's stage
 * @param kinds the clock's kind
 * @param statuses the complaint's status
 * @param basisOtherThan only rows computed under another basis than this (see {@code SlaEvaluator.basis()})
 * @param countBy count the clocks per group instead of listing them
 * @param limit the page size
 * @param after the cursor of the previous page
 */
public record ClockQuery(
        boolean pausedClocks,
        Optional<Instant> dueBefore,
        Optional<Instant> atRiskBy,
        Optional<String> officer,
        Optional<String> team,
        Set<ServiceArea> serviceAreas,
        Set<Procedure> procedures,
        Set<Stage> stages,
        Set<ClockKind> kinds,
        Set<Status> statuses,
        Optional<Long> basisOtherThan,
        Optional<ClockGroup> countBy,
        int limit,
        Optional<ClockCursor> after) {

    /** The largest page a query may ask for. */
    public static final int MAX_LIMIT = 1000;

    /** The order of every page: due (or paused) instant, complaint, stage, kind. */
    public static final Comparator<DueClock> ORDER = Comparator.comparing(ClockQuery::sortInstant)
            .thenComparing(DueClock::id).thenComparing(DueClock::stage).thenComparing(DueClock::kind);

    public ClockQuery {
        dueBefore = requireNonNull(dueBefore, "dueBefore").map(DueClock::ceilMicros);
        atRiskBy = requireNonNull(atRiskBy, "atRiskBy").map(t -> t.truncatedTo(ChronoUnit.MICROS));
        requireNonNull(officer, "officer").ifPresent(v -> ComplaintQuery.checkLookup("officer", v));
        requireNonNull(team, "team").ifPresent(v -> ComplaintQuery.checkLookup("team", v));
        serviceAreas = ImmutableSet.copyOf(serviceAreas);
        procedures = ImmutableSet.copyOf(procedures);
        stages = ImmutableSet.copyOf(stages);
        kinds = ImmutableSet.copyOf(kinds);
        statuses = ImmutableSet.copyOf(statuses);
        requireNonNull(basisOtherThan, "basisOtherThan");
        requireNonNull(countBy, "countBy");
        requireNonNull(after, "after");
        checkArgument(limit >= 1 && limit <= MAX_LIMIT, "limit must be 1 to %s, was %s", MAX_LIMIT, limit);
        checkArgument(!pausedClocks || (dueBefore.isEmpty() && atRiskBy.isEmpty()),
                "a paused clock has no due time: dueBefore and atRiskBy apply to running clocks only");
        checkArgument(countBy.isEmpty() || after.isEmpty(), "a counting query has no cursor");
    }

    /** Running clocks, 50 a page. */
    public static Builder running() {
        return new Builder(false);
    }

    /** Paused clocks, 50 a page. */
    public static Builder paused() {
        return new Builder(true);
    }

    /** The instant a clock is ordered by: its due instant, or when it was paused. */
    public static Instant sortInstant(DueClock c) {
        return c.due().or(c::pausedSince).orElseThrow();
    }

    /**
     * Whether {@code c}, kept under {@code basis}, passes every filter (the cursor aside). Every store answers as
     * this defines.
     */
    public boolean matches(DueClock c, long basis) {
        return c.paused() == pausedClocks
                && (dueBefore.isEmpty() || c.due().get().isBefore(dueBefore.get()))
                && (atRiskBy.isEmpty() || !c.atRiskFrom().get().isAfter(atRiskBy.get()))
                && (officer.isEmpty() || officer.equals(c.officer()))
                && (team.isEmpty() || team.equals(c.team()))
                && (serviceAreas.isEmpty() || serviceAreas.contains(c.serviceArea()))
                && (procedures.isEmpty() || procedures.contains(c.procedure()))
                && (stages.isEmpty() || stages.contains(c.stage()))
                && (kinds.isEmpty() || kinds.contains(c.kind()))
                && (statuses.isEmpty() || statuses.contains(c.status()))
                && (basisOtherThan.isEmpty() || basisOtherThan.get() != basis);
    }

    /** Whether {@code c} comes after the cursor in {@link #ORDER} (always true without a cursor). */
    public boolean isAfterCursor(DueClock c) {
        if (after.isEmpty()) {
            return true;
        }
        ClockCursor k = after.get();
        int cmp = sortInstant(c).compareTo(k.at());
        if (cmp == 0) {
            cmp = c.id().compareTo(k.id());
        }
        if (cmp == 0) {
            cmp = c.stage().compareTo(k.stage());
        }
        if (cmp == 0) {
            cmp = c.kind().compareTo(k.kind());
        }
        return cmp > 0;
    }

    /** The same query for the page after {@code cursor}. */
    public ClockQuery after(ClockCursor cursor) {
        return new ClockQuery(pausedClocks, dueBefore, atRiskBy, officer, team, serviceAreas, procedures, stages,
                kinds, statuses, basisOtherThan, countBy, limit, Optional.of(cursor));
    }

    /** The same query counting its clocks per {@code group}, from the first. */
    public ClockQuery countedBy(ClockGroup group) {
        return new ClockQuery(pausedClocks, dueBefore, atRiskBy, officer, team, serviceAreas, procedures, stages,
                kinds, statuses, basisOtherThan, Optional.of(group), limit, Optional.empty());
    }

    /** The same query, its running clocks also due before {@code bound} (the tighter bound is kept). */
    public ClockQuery dueBefore(Instant bound) {
        Instant b = DueClock.ceilMicros(bound);
        Optional<Instant> tighter = Optional.of(dueBefore.filter(d -> d.isBefore(b)).orElse(b));
        return new ClockQuery(pausedClocks, tighter, atRiskBy, officer, team, serviceAreas, procedures, stages,
                kinds, statuses, basisOtherThan, countBy, limit, after);
    }

    /** Builds a {@link ClockQuery}. */
    public static final class Builder {
        private final boolean pausedClocks;
        private Optional<Instant> dueBefore = Optional.empty();
        private Optional<Instant> atRiskBy = Optional.empty();
        private Optional<String> officer = Optional.empty();
        private Optional<String> team = Optional.empty();
        private Set<ServiceArea> serviceAreas = Set.of();
        private Set<Procedure> procedures = Set.of();
        private Set<Stage> stages = Set.of();
        private Set<ClockKind> kinds = Set.of();
        private Set<Status> statuses = Set.of();
        private Optional<Long> basisOtherThan = Optional.empty();
        private Optional<ClockGroup> countBy = Optional.empty();
        private int limit = 50;
        private Optional<ClockCursor> after = Optional.empty();

        private Builder(boolean pausedClocks) {
            this.pausedClocks = pausedClocks;
        }

        /** Clocks breached at {@code at} (due at or before it), an instant at or after every recorded event. */
        public Builder breachedAt(Instant at) {
            dueBefore = Optional.of(DueClock.ceilMicros(at).plus(1, ChronoUnit.MICROS));
            return this;
        }

        /**
         * Clocks at risk or breached at {@code at}, an instant at or after every recorded event. A store reads the
         * rows by due instant, so give the query to the facade's {@code queue}, which bounds the due instants by
         * what the policy's at-risk margin allows.
         */
        public Builder atRiskBy(Instant at) {
            atRiskBy = Optional.of(DueClock.ceilMicros(at));
            return this;
        }

        /** Clocks due before {@code bound} (exclusive). */
        public Builder dueBefore(Instant bound) {
            dueBefore = Optional.of(bound);
            return this;
        }

        public Builder officer(String value) {
            officer = Optional.of(value);
            return this;
        }

        public Builder team(String value) {
            team = Optional.of(value);
            return this;
        }

        public Builder serviceArea(ServiceArea... value) {
            serviceAreas = ImmutableSet.copyOf(value);
            return this;
        }

        public Builder procedure(Procedure... value) {
            procedures = ImmutableSet.copyOf(value);
            return this;
        }

        public Builder stage(Stage... value) {
            stages = ImmutableSet.copyOf(value);
            return this;
        }

        public Builder kind(ClockKind... value) {
            kinds = ImmutableSet.copyOf(value);
            return this;
        }

        public Builder status(Status... value) {
            statuses = ImmutableSet.copyOf(value);
            return this;
        }

        /** Only rows computed under another basis than {@code basis}: those a calendar change may have moved. */
        public Builder basisOtherThan(long basis) {
            basisOtherThan = Optional.of(basis);
            return this;
        }

        /** Count the clocks per group instead of listing them. */
        public Builder countBy(ClockGroup group) {
            countBy = Optional.of(group);
            return this;
        }

        /** The page size, 1 to {@link #MAX_LIMIT} (50 unless set). */
        public Builder limit(int value) {
            limit = value;
            return this;
        }

        public Builder after(ClockCursor cursor) {
            after = Optional.of(cursor);
            return this;
        }

        public ClockQuery build() {
            return new ClockQuery(pausedClocks, dueBefore, atRiskBy, officer, team, serviceAreas, procedures, stages,
                    kinds, statuses, basisOtherThan, countBy, limit, after);
        }
    }
}
