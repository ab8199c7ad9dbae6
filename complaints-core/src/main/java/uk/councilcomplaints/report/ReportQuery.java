package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.GroupCounts;

/**
 * A report table to compute: a {@link Population}, a {@link Grouping} for the rows, and the day (London)
 * at whose end every status is counted, optionally as the records stood at an instant ({@code knownAt}).
 * Optional filters (service areas, procedures, officer, team) apply to each complaint as of that day;
 * {@link Builder#stillOpen()} counts only the cases still open then. Immutable; validated when built.
 *
 * <p>A store computes it as a {@link CountQuery} ({@link #countQuery()}); the table is made from the store's
 * raw counts here ({@link #fromCounts(GroupCounts)}), so labels, order and totals are the same for every store.
 */
public final class ReportQuery {

    private final Population population;
    private final Grouping grouping;
    private final LocalDate asOf;
    private final Optional<Instant> knownAt;
    private final Set<ServiceArea> serviceAreas;
    private final Set<Procedure> procedures;
    private final Optional<String> officer;
    private final Optional<String> team;
    private final boolean stillOpen;
    private final Optional<List<String>> rows;

    private ReportQuery(Builder b) {
        this.population = b.population;
        this.grouping = b.grouping;
        this.asOf = b.asOf;
        this.knownAt = b.knownAt;
        this.serviceAreas = b.serviceAreas;
        this.procedures = b.procedures;
        this.officer = b.officer;
        this.team = b.team;
        this.stillOpen = b.stillOpen;
        this.rows = b.rows;
    }

    /** A query for {@code population}, grouped by {@code grouping}, counted as of the end of {@code asOf}. */
    public static Builder builder(Population population, Grouping grouping, LocalDate asOf) {
        return new Builder(population, grouping, asOf);
    }

    /** A builder holding this query's values. */
    public Builder toBuilder() {
        Builder b = new Builder(population, grouping, asOf);
        b.knownAt = knownAt;
        b.serviceAreas = serviceAreas;
        b.procedures = procedures;
        b.officer = officer;
        b.team = team;
        b.stillOpen = stillOpen;
        b.rows = rows;
        return b;
    }

    /** The same query as of another day. */
    public ReportQuery withAsOf(LocalDate day) {
        Builder b = toBuilder();
        b.asOf = Days.check(day, "the as-of day");
        return b.build();
    }

    /** The same query counting only the events recorded by {@code instant}. */
    public ReportQuery withKnownAt(Instant instant) {
        return toBuilder().knownAt(instant).build();
    }

    /**
     * The default aggregation: this report computed by folding {@code histories} up to the end of the as-of
     * day. Every store's counts must give a table equal to this one ({@link #table(ComplaintStore)}).
     */
    public ReportTable aggregate(Stream<ComplaintHistory> histories) {
        return fromCounts(countQuery().count(histories));
    }

    /** This report's table from {@code store}'s counts: the store answers {@link #countQuery()}. */
    public ReportTable table(ComplaintStore store) {
        return fromCounts(store.count(countQuery()));
    }

    /** What a store counts for this report: its population, grouping, filters, as-of day and known-at. */
    public CountQuery countQuery() {
        return countQuery(List.of(asOf));
    }

    /** The table made from a store's answer to {@link #countQuery()}. */
    public ReportTable fromCounts(GroupCounts counts) {
        return Tables.table(this, counts);
    }

    /** What a store counts for this report as of each of {@code days}. */
    CountQuery countQuery(List<LocalDate> days) {
        return new CountQuery(countedPopulation(), grouping.dimensions(), days, knownAt, serviceAreas, procedures,
                officer, team);
    }

    /** The population in a store's terms; membership is fixed at its own known-at, else at the report's. */
    private CountQuery.Population countedPopulation() {
        Optional<Instant> members = population.knownAt().or(() -> knownAt);
        return switch (population.kind()) {
            // the contacts whose receipt was recorded by the population's known-at (the report's bounds the rows)
            case ALL -> new CountQuery.All(population.knownAt());
            case OPEN_AT_START_OF -> new CountQuery.OpenAtStartOf(population.from(), members);
            case RECEIVED_BETWEEN -> new CountQuery.ReceivedBetween(population.from(), population.to(), members);
        };
    }

    public Population population() {
        return population;
    }

    public Grouping grouping() {
        return grouping;
    }

    /** The London day at whose end statuses are counted. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Only events recorded by this instant count; empty: every event recorded so far. */
    public Optional<Instant> knownAt() {
        return knownAt;
    }

    /** Only complaints in these service areas count; empty: all. */
    public Set<ServiceArea> serviceAreas() {
        return serviceAreas;
    }

    /** Only complaints under these procedures count; empty: all. */
    public Set<Procedure> procedures() {
        return procedures;
    }

    /** Only complaints allocated to this officer count. */
    public Optional<String> officer() {
        return officer;
    }

    /** Only complaints allocated to this team count. */
    public Optional<String> team() {
        return team;
    }

    /** Whether only the cases still open as of the day are counted (other rows stay, with 0s). */
    public boolean stillOpen() {
        return stillOpen;
    }

    /**
     * The rows fixed by the caller, shown in this order even when empty; any other group that counts
     * something follows them, so nothing counted is ever left out. Empty: every group of the population.
     */
    public Optional<List<String>> rows() {
        return rows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportQuery q && population.equals(q.population) && grouping == q.grouping
                && asOf.equals(q.asOf) && knownAt.equals(q.knownAt) && serviceAreas.equals(q.serviceAreas)
                && procedures.equals(q.procedures) && officer.equals(q.officer) && team.equals(q.team)
                && stillOpen == q.stillOpen && rows.equals(q.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(population, grouping, asOf, knownAt, serviceAreas, procedures, officer, team, stillOpen,
                rows);
    }

    /** E.g. "open at the start of 2021-12-01, still open, by service, as of 2022-01-14". */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(population.toString());
        if (!serviceAreas.isEmpty()) {
            parts.add("in " + serviceAreas);
        }
        if (!procedures.isEmpty()) {
            parts.add("under " + procedures);
        }
        officer.ifPresent(o -> parts.add("officer " + o));
        team.ifPresent(t -> parts.add("team " + t));
        if (stillOpen) {
            parts.add("still open");
        }
        parts.add("by " + grouping.heading().toLowerCase(Locale.ROOT));
        parts.add("as of " + asOf);
        knownAt.ifPresent(k -> parts.add("as known at " + k));
        return String.join(", ", parts);
    }

    /** Builds a {@link ReportQuery}; every setter checks its value at once, {@link #build()} the whole. */
    public static final class Builder {
        private final Population population;
        private final Grouping grouping;
        private LocalDate asOf;
        private Optional<Instant> knownAt = Optional.empty();
        private Set<ServiceArea> serviceAreas = Set.of();
        private Set<Procedure> procedures = Set.of();
        private Optional<String> officer = Optional.empty();
        private Optional<String> team = Optional.empty();
        private boolean stillOpen;
        private Optional<List<String>> rows = Optional.empty();

        private Builder(Population population, Grouping grouping, LocalDate asOf) {
            this.population = requireNonNull(population, "the population must be given");
            this.grouping = requireNonNull(grouping, "the grouping must be given");
            this.asOf = Days.check(asOf, "the as-of day");
        }

        /** Counts only the events recorded by {@code instant}: the report as it could be run then. */
        public Builder knownAt(Instant instant) {
            knownAt = Optional.of(requireNonNull(instant, "knownAt must be given (leave it unset for 'now')"));
            return this;
        }

        /** Counts only complaints in these service areas (as of the day). */
        public Builder serviceAreas(Collection<ServiceArea> areas) {
            serviceAreas = nonEmptySet(areas, "service areas");
            return this;
        }

        /** Counts only complaints in these service areas (as of the day). */
        public Builder serviceAreas(ServiceArea... areas) {
            return serviceAreas(Arrays.asList(requireNonNull(areas, "service areas")));
        }

        /** Counts only complaints under these procedures (as of the day). */
        public Builder procedures(Procedure... values) {
            procedures = nonEmptySet(Arrays.asList(requireNonNull(values, "procedures")), "procedures");
            return this;
        }

        /** Counts only complaints allocated to this officer (as of the day). */
        public Builder officer(String name) {
            officer = Optional.of(nonBlank(name, "officer"));
            return this;
        }

        /** Counts only complaints allocated to this team (as of the day). */
        public Builder team(String name) {
            team = Optional.of(nonBlank(name, "team"));
            return this;
        }

        /** Counts only the cases still open as of the day; the population's other groups keep a row of 0s. */
        public Builder stillOpen() {
            stillOpen = true;
            return this;
        }

        /** Fixes the rows shown first and in this order, even when empty; see {@link ReportQuery#rows()}. */
        public Builder rows(List<String> labels) {
            requireNonNull(labels, "rows");
            checkArgument(!labels.isEmpty(), "fixed rows must name at least one row");
            Set<String> seen = new HashSet<>();
            for (String label : labels) {
                nonBlank(label, "a row label");
                checkArgument(seen.add(label), "the row '%s' is named twice", label);
                checkArgument(!label.equals(ReportTable.TOTAL_LABEL), "'%s' is the last row of every table",
                        ReportTable.TOTAL_LABEL);
            }
            rows = Optional.of(ImmutableList.copyOf(labels));
            return this;
        }

        /** Fixes the rows shown first and in this order, even when empty. */
        public Builder rows(String... labels) {
            return rows(Arrays.asList(requireNonNull(labels, "rows")));
        }

        /** The query; throws {@link IllegalArgumentException} saying what does not fit together. */
        public ReportQuery build() {
            if (population.kind() == Population.Kind.OPEN_AT_START_OF) {
                LocalDate day = population.from();
                checkArgument(!day.isAfter(asOf.plusDays(1)),
                        "the cohort is the cases open at the start of %s, after the as-of day %s has ended; "
                                + "report it as of %s or later", day, asOf, day.minusDays(1));
            }
            if (population.knownAt().isPresent() && knownAt.isPresent()) {
                checkArgument(!population.knownAt().get().isAfter(knownAt.get()),
                        "the population is fixed as known at %s, after the report's knownAt %s: "
                                + "a report cannot count cases it did not yet know of",
                        population.knownAt().get(), knownAt.get());
            }
            return new ReportQuery(this);
        }

        private static <T> Set<T> nonEmptySet(Collection<T> values, String what) {
            requireNonNull(values, what);
            checkArgument(!values.isEmpty(), "give at least one of the %s to filter by", what);
            for (T value : values) {
                requireNonNull(value, () -> what + " must not contain null");
            }
            return ImmutableSet.copyOf(values);
        }

        private static String nonBlank(String value, String what) {
            checkArgument(value != null && !value.isBlank(), "%s must not be blank", what);
            return value;
        }
    }
}
