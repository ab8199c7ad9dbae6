package uk.councilcomplaints.examples.cli;

import uk.councilcomplaints.report.ReportFormat;

/** The formats {@code --format} offers for reports: aligned text, CSV, Markdown. */
enum TableFormat {
    TEXT(ReportFormat.TEXT),
    CSV(ReportFormat.CSV),
    MD(ReportFormat.MARKDOWN);

    private final ReportFormat format;

    TableFormat(ReportFormat format) {
        this.format = format;
    }

    /** The core renderer for this format. */
    ReportFormat reportFormat() {
        return format;
    }
}
