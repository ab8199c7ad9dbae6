package uk.councilcomplaints.store;

/**
 * A report computed from one {@link CountQuery}: the query a store answers, and how core turns the raw
 * counts into the report (labels, order, totals). Stores never implement it; see
 * {@link ComplaintStore#aggregate(CountedReport)}.
 *
 * @param <R> the report
 */
public interface CountedReport<R> {

    /** What to count. */
    CountQuery countQuery();

    /** The report from a store's answer to {@link #countQuery()}. */
    R fromCounts(GroupCounts counts);
}
