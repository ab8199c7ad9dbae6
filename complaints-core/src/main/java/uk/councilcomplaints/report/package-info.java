/**
 * Reports: the committee's tables as of any day, counted from the complaints' histories. A
 * {@link uk.councilcomplaints.report.ReportQuery} names a population, a grouping and an as-of day;
 * {@link uk.councilcomplaints.report.Reports} answers it through the store; a
 * {@link uk.councilcomplaints.report.ReportFormat} renders the answer as text, CSV or Markdown.
 */
package uk.councilcomplaints.report;
