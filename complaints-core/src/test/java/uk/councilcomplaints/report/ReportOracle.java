package uk.councilcomplaints.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.report.ReportTable.Row;

/**
 * What a report table must say, worked out the slow way: each complaint's complete state from
 * {@link ComplaintHistory#stateAsOf(Instant, Instant)}, the rules of {@link ReportQuery} written out again
 * independently of the core aggregation. Rows come keyed by label; fixed rows first, in their order.
 */
public final class ReportOracle {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private ReportOracle() {
    }

    /** The first instant of a London day. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(LONDON).toInstant();
    }

    /** The expected rows of {@code query} over {@code histories}. */
    public static Map<String, Row> expected(ReportQuery query, List<ComplaintHistory> histories) {
        Instant knownAt = query.knownAt().orElse(Instant.MAX);
        Instant lastNanoOfDay = startOf(query.asOf().plusDays(1)).minusNanos(1);
        return expected(query, histories, h -> h.stateAsOf(lastNanoOfDay, knownAt));
    }

    /** The expected rows of {@code query}, taking each complaint's state from {@code state}. */
    public static Map<String, Row> expected(ReportQuery query, List<ComplaintHistory> histories,
            Function<ComplaintHistory, Optional<Complaint>> state) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (ComplaintHistory h : histories) {
            Optional<Complaint> asOf = state.apply(h);
            if (asOf.isEmpty() || !member(query, h)) {
                continue;
            }
            Complaint c = asOf.get();
            if (!query.serviceAreas().isEmpty() && !query.serviceAreas().contains(c.serviceArea())
                    || !query.procedures().isEmpty() && !query.procedures().contains(c.procedure())
                    || query.officer().isPresent() && !query.officer().equals(c.officer())
                    || query.team().isPresent() && !query.team().equals(c.team())) {
                continue;
            }
            long[] row = counts.computeIfAbsent(label(query.grouping(), c), k -> new long[5]);
            if (!query.stillOpen() || c.status().open()) {
                row[c.bucket().ordinal()]++;
            }
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        query.rows().ifPresent(fixed -> fixed.forEach(label -> rows.put(label, row(label, counts.get(label)))));
        counts.forEach((label, c) -> {
            if (!rows.containsKey(label) && (query.rows().isEmpty() || sum(c) > 0)) {
                rows.put(label, row(label, c));
            }
        });
        return rows;
    }

    /** How many complaints are members of the query's population and received as of its day. */
    public static long members(ReportQuery query, List<ComplaintHistory> histories) {
        Instant knownAt = query.knownAt().orElse(Instant.MAX);
        Instant lastNanoOfDay = startOf(query.asOf().plusDays(1)).minusNanos(1);
        return histories.stream().filter(h -> h.stateAsOf(lastNanoOfDay, knownAt).isPresent() && member(query, h))
                .count();
    }

    private static boolean member(ReportQuery query, ComplaintHistory h) {
        Population p = query.population();
        Instant knownAt = p.knownAt().orElse(query.knownAt().orElse(Instant.MAX));
        return switch (p.kind()) {
            case ALL -> h.stateAsOf(Instant.MAX, knownAt).isPresent();
            case OPEN_AT_START_OF -> h.stateAsOf(startOf(p.from()).minusNanos(1), knownAt)
                    .map(c -> c.status().open()).orElse(false);
            case RECEIVED_BETWEEN -> h.stateAsOf(Instant.MAX, knownAt).map(Complaint::receivedAt)
                    .filter(at -> !at.isBefore(startOf(p.from())) && at.isBefore(startOf(p.to().plusDays(1))))
                    .isPresent();
        };
    }

    private static String label(Grouping grouping, Complaint c) {
        return switch (grouping) {
            case SERVICE_AREA -> c.serviceArea().name();
            case PROCEDURE -> c.procedure().label();
            case CLASSIFICATION -> c.classification().label();
            case OFFICER -> c.officer().orElse("Not allocated");
            case TEAM -> c.team().orElse("Not allocated");
            case TYPE -> c.classification() == Classification.REFUSED ? "Complaints refused"
                    : c.classification() != Classification.COMPLAINT ? "Service requests / not a council complaint"
                    : c.procedure() == Procedure.ADULT_SOCIAL_CARE ? "Statutory Adults"
                    : (c.procedure() == Procedure.CORPORATE ? "Corporate Stage "
                            : c.procedure() == Procedure.HOUSING ? "Housing Stage " : "Statutory Children Stage ")
                            + c.stage().number();
        };
    }

    private static Row row(String label, long[] counts) {
        long[] c = counts == null ? new long[5] : counts;
        return Row.of(label, c[StatusBucket.UNALLOCATED.ordinal()], c[StatusBucket.WITH_COMPLAINTS_TEAM.ordinal()],
                c[StatusBucket.WITH_SERVICE.ordinal()], c[StatusBucket.COMPLETE.ordinal()],
                c[StatusBucket.CLOSED_OTHER.ordinal()]);
    }

    private static long sum(long[] counts) {
        long s = 0;
        for (long n : counts) {
            s += n;
        }
        return s;
    }
}
