package uk.councilcomplaints.examples.cli;

import java.time.LocalDate;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Report;
import uk.councilcomplaints.report.Reports;

/** {@code complaints report monthly-trend}: core's {@link Reports#monthlyTrend}, by procedure or service if asked. */
@Command(name = "monthly-trend", mixinStandardHelpOptions = true,
        description = {"Per calendar month from --from to --to: contacts received, cases closed (moved from an open "
                + "status to a closed one: responded, service request, signposted, withdrawn, duplicate, out of "
                + "time), responses sent, and of those sent by the due day (with extensions and agreed dates).",
            "Months are cut at --from and --to (London days). With --by, a line per month and procedure or service "
                + "area, grouped as the case stood at the end of --to. Only events that happened in the period "
                + "count; with --known-at, only those recorded by then.",
            "Example: --from 2021-12-01 --to 2022-02-28"})
final class MonthlyTrendReport extends ReportCommand.Run {

    @Mixin
    private ReportCommand.Period period;

    @Option(names = "--by", paramLabel = "procedure|service",
            description = "A line per month and procedure, or per month and service area.")
    private String by;

    @Override
    Report report(Reports reports) {
        Grouping grouping = by == null ? null : switch (by.toLowerCase(Locale.ROOT)) {
            case "procedure" -> Grouping.PROCEDURE;
            case "service" -> Grouping.SERVICE_AREA;
            default -> throw new CliException("--by: '" + by + "' is not procedure or service");
        };
        if (period.to.isBefore(period.from)) {
            throw new CliException("--to (" + period.to + ") is before --from (" + period.from + ")");
        }
        return grouping == null ? reports.monthlyTrend(period.from, period.to, known())
                : reports.monthlyTrend(period.from, period.to, grouping, known());
    }

    @Override
    LocalDate asOfDay() {
        return period.to;
    }

    @Override
    String title() {
        return "Month by month, " + period.from + " to " + period.to
                + (by == null ? "" : ", by " + by.toLowerCase(Locale.ROOT)) + knownAtSuffix();
    }
}
