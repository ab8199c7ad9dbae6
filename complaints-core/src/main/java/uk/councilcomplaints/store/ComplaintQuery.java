package uk.councilcomplaints.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.CleanTextValidator;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.StatusBucket;

/**
 * Which complaints to find, in which order, one page at a time. Every filter is optional; empty sets match
 * everything. Build with {@link #builder()}. Text to look up (officer, team, references) is refused when no
 * stored text could hold it (a control character, an unpaired surrogate), so every store gives the same
 * answer; a {@link DataSubject} is checked when it is made.
 */
public record ComplaintQuery(
        Set<Status> statuses,
        Set<StatusBucket> buckets,
        Set<Classification> classifications,
        Set<Procedure> procedures,
        Set<Stage> stages,
        Set<ServiceArea> serviceAreas,
        Optional<String> officer,
        Optional<String> team,
        Set<String> references,
        Optional<Instant> receivedFrom,
        Optional<Instant> receivedBefore,
        Optional<Instant> lastEventBefore,
        Optional<Boolean> personalDataErased,
        Optional<DataSubject> subject,
        SortField sort,
        boolean descending,
        int limit,
        Optional<Cursor> after) {

    /** The largest page a query may ask for. */
    public static final int MAX_LIMIT = 1000;

    public ComplaintQuery {
        statuses = ImmutableSet.copyOf(statuses);
        buckets = ImmutableSet.copyOf(buckets);
        classifications = ImmutableSet.copyOf(classifications);
        procedures = ImmutableSet.copyOf(procedures);
        stages = ImmutableSet.copyOf(stages);
        serviceAreas = ImmutableSet.copyOf(serviceAreas);
        requireNonNull(officer, "officer").ifPresent(v -> checkLookup("officer", v));
        requireNonNull(team, "team").ifPresent(v -> checkLookup("team", v));
        references = ImmutableSet.copyOf(references);
        references.forEach(v -> checkLookup("reference", v));
        requireNonNull(receivedFrom, "receivedFrom");
        requireNonNull(receivedBefore, "receivedBefore");
        requireNonNull(lastEventBefore, "lastEventBefore");
        requireNonNull(personalDataErased, "personalDataErased");
        requireNonNull(subject, "subject");
        requireNonNull(sort, "sort");
        requireNonNull(after, "after");
        checkArgument(limit >= 1 && limit <= MAX_LIMIT, "limit must be 1 to %s, was %s", MAX_LIMIT, limit);
    }

    /** A query matching everything, by received time, 100 a page. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks text a query looks up: text no stored value can hold is refused, naming the field.
     *
     * @throws IllegalArgumentException if {@code value} holds a control character or an unpaired surrogate
     */
    static void checkLookup(String field, String value) {
        requireNonNull(value, field);
        lookupProblem(value).ifPresent(p -> {
            throw new IllegalArgumentException(field + ": " + p);
        });
    }

    /** Whether a stored value could hold {@code text}: no control character, no unpaired surrogate, not blank. */
    public static boolean canMatch(String text) {
        return lookupProblem(text).isEmpty();
    }

    private static Optional<String> lookupProblem(String text) {
        return CleanTextValidator.problem(text, Integer.MAX_VALUE, false);
    }

    /**
     * Whether {@code c} passes every filter (the cursor aside), {@code keys} being the keys of its personal
     * data as the store keeps them (empty when it holds none, or erased it).
     */
    public boolean matches(Complaint c, Optional<SubjectKeys> keys) {
        return (statuses.isEmpty() || statuses.contains(c.status()))
                && (buckets.isEmpty() || buckets.contains(c.bucket()))
                && (classifications.isEmpty() || classifications.contains(c.classification()))
                && (procedures.isEmpty() || procedures.contains(c.procedure()))
                && (stages.isEmpty() || stages.contains(c.stage()))
                && (serviceAreas.isEmpty() || serviceAreas.contains(c.serviceArea()))
                && (officer.isEmpty() || officer.equals(c.officer()))
                && (team.isEmpty() || team.equals(c.team()))
                && (references.isEmpty() || references.contains(c.reference()))
                && (receivedFrom.isEmpty() || !c.receivedAt().isBefore(receivedFrom.get()))
                && (receivedBefore.isEmpty() || c.receivedAt().isBefore(receivedBefore.get()))
                && (lastEventBefore.isEmpty() || c.lastOccurredAt().isBefore(lastEventBefore.get()))
                && (personalDataErased.isEmpty() || personalDataErased.get() == c.personalDataErased())
                && (subject.isEmpty() || keys.map(subject.get()::matches).orElse(false));
    }

    /**
     * The order of results: the sort field, then id, reversed when descending; see {@link SortField} for how
     * each value is ordered. Every store returns pages in this order.
     */
    public Comparator<Complaint> order() {
        return descending ? sort.ascending().reversed() : sort.ascending();
    }

    /** Whether {@code c} comes after the cursor in this query's {@link #order()} (always true without a cursor). */
    public boolean isAfterCursor(Complaint c) {
        if (after.isEmpty()) {
            return true;
        }
        int cmp = sort.compare(c, after.get());
        return descending ? cmp < 0 : cmp > 0;
    }

    /** The same query for the page after {@code cursor}. */
    public ComplaintQuery after(Cursor cursor) {
        return new ComplaintQuery(statuses, buckets, classifications, procedures, stages, serviceAreas, officer, team,
                references, receivedFrom, receivedBefore, lastEventBefore, personalDataErased, subject, sort,
                descending, limit, Optional.of(cursor));
    }

    /** Builds a {@link ComplaintQuery}. */
    public static final class Builder {
        private Set<Status> statuses = Set.of();
        private Set<StatusBucket> buckets = Set.of();
        private Set<Classification> classifications = Set.of();
        private Set<Procedure> procedures = Set.of();
        private Set<Stage> stages = Set.of();
        private Set<ServiceArea> serviceAreas = Set.of();
        private Optional<String> officer = Optional.empty();
        private Optional<String> team = Optional.empty();
        private Set<String> references = Set.of();
        private Optional<Instant> receivedFrom = Optional.empty();
        private Optional<Instant> receivedBefore = Optional.empty();
        private Optional<Instant> lastEventBefore = Optional.empty();
        private Optional<Boolean> personalDataErased = Optional.empty();
        private Optional<DataSubject> subject = Optional.empty();
        private SortField sort = SortField.RECEIVED_AT;
        private boolean descending;
        private int limit = 100;
        private Optional<Cursor> after = Optional.empty();

        private Builder() {
        }

        public Builder statuses(Collection<Status> value) {
            statuses = ImmutableSet.copyOf(value);
            return this;
        }

        public Builder status(Status... value) {
            return statuses(Set.of(value));
        }

        public Builder buckets(Collection<StatusBucket> value) {
            buckets = ImmutableSet.copyOf(value);
            return this;
        }

        public Builder bucket(StatusBucket... value) {
            return buckets(Set.of(value));
        }

        public Builder classification(Classification... value) {
            classifications = ImmutableSet.copyOf(value);
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

        public Builder serviceArea(ServiceArea... value) {
            serviceAreas = ImmutableSet.copyOf(value);
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

        /** The complaint with this reference. */
        public Builder reference(String value) {
            return references(Set.of(value));
        }

        /** The complaints with any of these references (at most {@value ComplaintQuery#MAX_LIMIT}). */
        public Builder references(Collection<String> value) {
            checkArgument(value.size() <= MAX_LIMIT, "at most %s references a query, was %s", MAX_LIMIT, value.size());
            references = ImmutableSet.copyOf(value);
            return this;
        }

        /** Complaints whose latest event happened before {@code instant}. */
        public Builder lastEventBefore(Instant instant) {
            lastEventBefore = Optional.of(instant);
            return this;
        }

        /** Complaints whose personal data was erased ({@code true}) or was not ({@code false}). */
        public Builder personalDataErased(boolean erased) {
            personalDataErased = Optional.of(erased);
            return this;
        }

        /** Complaints whose held personal data is {@code value}'s (see {@link DataSubject}). */
        public Builder subject(DataSubject value) {
            subject = Optional.of(value);
            return this;
        }

        /** Received at or after {@code from} and before {@code before}. */
        public Builder receivedBetween(Instant from, Instant before) {
            receivedFrom = Optional.of(from);
            receivedBefore = Optional.of(before);
            return this;
        }

        public Builder sort(SortField field, boolean descendingOrder) {
            sort = requireNonNull(field);
            descending = descendingOrder;
            return this;
        }

        public Builder limit(int value) {
            checkArgument(value >= 1 && value <= MAX_LIMIT, "limit must be 1 to %s, was %s", MAX_LIMIT, value);
            limit = value;
            return this;
        }

        public Builder after(Cursor cursor) {
            after = Optional.of(cursor);
            return this;
        }

        public ComplaintQuery build() {
            return new ComplaintQuery(statuses, buckets, classifications, procedures, stages, serviceAreas, officer,
                    team, references, receivedFrom, receivedBefore, lastEventBefore, personalDataErased, subject, sort,
                    descending, limit, after);
        }
    }
}
