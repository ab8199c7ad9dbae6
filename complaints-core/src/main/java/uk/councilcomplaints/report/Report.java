package uk.councilcomplaints.report;

/** Something {@link Reports} computes and a {@link ReportFormat} renders. Immutable, compared by value. */
public sealed interface Report permits ReportTable, BurnDown, NonComplaintShare, StatutoryAnnualReport,
        SlaPerformance, SlaPerformanceByGroup, MonthlyTrend {
}
