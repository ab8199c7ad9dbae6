package uk.councilcomplaints.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;

/**
 * What a report asks a store to count, in plain terms a store can compute (one filtered GROUP BY over the
 * {@link ProjectionRow projection} in SQL, one scan over columns in memory). For each day of {@link #asOf()}
 * and each complaint of the {@link #population()}: take the complaint's row that is
 * {@link ProjectionRow#currentAt(Instant, Instant) current} at the last instant of that London day as known at
 * {@link #knownAt()} (if any: a complaint received later counts nowhere), keep it if it passes the filters
 * ({@link #matches(ProjectionRow)}), and count it under the day, its {@link #keyOf(ProjectionRow) group key}
 * and its bucket. The answer is {@link GroupCounts}: raw counts, which core alone turns into labelled,
 * ordered rows with totals.
 *
 * <p>In exclusive terms, with {@code end = LondonDays.endOf(day)}: a row counts when {@code occurredAt < end
 * && recordedAt <= knownAt && (no next || nextOccurredAt >= end || nextRecordedAt > knownAt)}. Instants in
 * this query are whole microseconds, like the events ({@code knownAt} is truncated when built).
 * {@link #count(Stream)} is the reference answer, folding histories.
 *
 * @param population which complaints count
 * @param groupBy the fields a group key holds; the others are empty in every key
 * @param asOf the days at whose end the rows are taken, distinct, at least one
 * @param knownAt only events recorded by then count; empty: every event recorded
 * @param serviceAreas only rows in these areas count; empty: all
 * @param procedures only rows under these procedures count; empty: all
 * @param officer only rows allocated to this officer count
 * @param team only rows allocated to this team count
 */
public record CountQuery(
        Population population,
        Set<Dimension> groupBy,
        List<LocalDate> asOf,
        Optional<Instant> knownAt,
        Set<ServiceArea> serviceAreas,
        Set<Procedure> procedures,
        Optional<String> officer,
        Optional<String> team) {

    public CountQuery {
        requireNonNull(population, "population");
        groupBy = Sets.immutableEnumSet(groupBy);
        asOf = ImmutableList.copyOf(asOf);
        checkArgument(!asOf.isEmpty(), "a count query is taken as of at least one day");
        checkArgument(new HashSet<>(asOf).size() == asOf.size(), "each day is counted once: %s", asOf);
        knownAt = micros(knownAt);
        serviceAreas = ImmutableSet.copyOf(serviceAreas);
        procedures = ImmutableSet.copyOf(procedures);
        requireNonNull(officer, "officer");
        requireNonNull(team, "team");
    }

    /** A query counting {@code population} grouped by {@code groupBy} as of {@code asOf}, with no filter. */
    public static CountQuery of(Population population, Set<Dimension> groupBy, List<LocalDate> asOf,
            Optional<Instant> knownAt) {
        return new CountQuery(population, groupBy, asOf, knownAt, Set.of(), Set.of(), Optional.empty(),
                Optional.empty());
    }

    /** The fields of a row a report can be grouped by. */
    public enum Dimension {
        CLASSIFICATION,
        PROCEDURE,
        STAGE,
        SERVICE_AREA,
        /** The officer; empty in a key when the row has none. */
        OFFICER,
        /** The team; empty in a key when the row has none. */
        TEAM
    }

    /**
     * Which complaints are counted. Membership is decided on the complaint's rows as known at the
     * population's own {@code knownAt} (empty: every event recorded), whatever the query's.
     */
    public sealed interface Population permits All, OpenAtStartOf, ReceivedBetween {

        /** Only events recorded by then decide membership; empty: every event recorded. */
        Optional<Instant> knownAt();

        /** Whether the complaint with these rows (all of them, in version order) is a member. */
        boolean admits(List<ProjectionRow> rows);
    }

    /**
     * Every complaint; with {@code knownAt}, every complaint whose receipt was recorded by then.
     *
     * @param knownAt when its receipt must have been recorded by, if at all
     */
    public record All(Optional<Instant> knownAt) implements Population {
        public All {
            knownAt = micros(knownAt);
        }

        @Override
        public boolean admits(List<ProjectionRow> rows) {
            return knownAt.isEmpty() || !rows.get(0).recordedAt().isAfter(knownAt.get());
        }
    }

    /**
     * The complaints open at the start of a London day: their row current at the instant before
     * {@link #start()} (as known at {@code knownAt}) has an open bucket.
     *
     * @param day the day
     * @param knownAt only events recorded by then count; empty: every event recorded
     */
    public record OpenAtStartOf(LocalDate day, Optional<Instant> knownAt) implements Population {
        public OpenAtStartOf {
            requireNonNull(day, "day");
            knownAt = micros(knownAt);
        }

        /** The first instant of the day. */
        public Instant start() {
            return LondonDays.startOf(day);
        }

        @Override
        public boolean admits(List<ProjectionRow> rows) {
            Instant before = start().minusNanos(1);
            Instant known = knownAt.orElse(Instant.MAX);
            return rows.stream().anyMatch(r -> r.currentAt(before, known) && r.bucket().open());
        }
    }

    /**
     * The complaints received on London days {@code from} to {@code to} (inclusive) whose receipt was
     * recorded by {@code knownAt}, if given.
     *
     * @param from the first day received
     * @param to the last day received, inclusive
     * @param knownAt when the receipt must have been recorded by, if at all
     */
    public record ReceivedBetween(LocalDate from, LocalDate to, Optional<Instant> knownAt) implements Population {
        public ReceivedBetween {
            requireNonNull(from, "from");
            requireNonNull(to, "to");
            knownAt = micros(knownAt);
            checkArgument(!to.isBefore(from), "the last day received (%s) is before the first (%s)", to, from);
        }

        @Override
        public boolean admits(List<ProjectionRow> rows) {
            ProjectionRow first = rows.get(0);
            return !first.receivedDay().isBefore(from) && !first.receivedDay().isAfter(to)
                    && (knownAt.isEmpty() || !first.recordedAt().isAfter(knownAt.get()));
        }
    }

    /** Whether {@code row} passes the filters (service areas, procedures, officer, team). */
    public boolean matches(ProjectionRow row) {
        return (serviceAreas.isEmpty() || serviceAreas.contains(row.serviceArea()))
                && (procedures.isEmpty() || procedures.contains(row.procedure()))
                && (officer.isEmpty() || officer.equals(row.officer()))
                && (team.isEmpty() || team.equals(row.team()));
    }

    /** The group {@code row} counts in: its values of the {@link #groupBy()} fields. */
    public GroupKey keyOf(ProjectionRow row) {
        return GroupKey.of(groupBy, row.classification(), row.procedure(), row.stage(), row.serviceArea(),
                row.officer(), row.team());
    }

    /**
     * The reference answer: each history folded into its rows ({@link ProjectionRow#ofHistory(List)}) and
     * counted as this query says. What {@link ComplaintStore#count(CountQuery)} does by default.
     */
    public GroupCounts count(Stream<ComplaintHistory> histories) {
        Instant known = knownAt.orElse(Instant.MAX);
        List<Instant> lastInstants = asOf.stream().map(day -> LondonDays.endOf(day).minusNanos(1)).toList();
        GroupCounts.Builder counts = GroupCounts.builder();
        histories.sequential().forEach(h -> {
            List<ProjectionRow> rows = ProjectionRow.ofHistory(h.events());
            if (!population.admits(rows)) {
                return;
            }
            for (int d = 0; d < asOf.size(); d++) {
                Instant at = lastInstants.get(d);
                for (ProjectionRow row : rows) {
                    if (row.currentAt(at, known) && matches(row)) {
                        counts.add(asOf.get(d), keyOf(row), row.bucket(), 1);
                    }
                }
            }
        });
        return counts.build();
    }

    private static Optional<Instant> micros(Optional<Instant> instant) {
        return requireNonNull(instant, "knownAt").map(i -> i.truncatedTo(ChronoUnit.MICROS));
    }
}
