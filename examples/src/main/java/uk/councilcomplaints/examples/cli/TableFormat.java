package uk.councilcomplaints.examples.cli;

import java.util.Optional;
import uk.councilcomplaints.report.ReportFormat;

/**
 * The formats {@code --format} offers for reports and lists: aligned text, CSV, Markdown (core's renderers), and
 * the command line's own HTML committee paper and Excel workbook ({@link Document}).
 */
enum TableFormat {
    TEXT(ReportFormat.TEXT),
    CSV(ReportFormat.CSV),
    MD(ReportFormat.MARKDOWN),
    /** One self-contained HTML page: tables, inline SVG charts, print styles for A4. */
    HTML(null),
    /** An Excel workbook (Office Open XML), one sheet per table; binary. */
    XLSX(null);

    private final ReportFormat format;

    TableFormat(ReportFormat format) {
        this.format = format;
    }

    /** The core renderer for this format: text, CSV and Markdown only. */
    Optional<ReportFormat> reportFormat() {
        return Optional.ofNullable(format);
    }
}
