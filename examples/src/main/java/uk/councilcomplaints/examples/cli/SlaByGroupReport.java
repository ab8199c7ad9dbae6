package uk.councilcomplaints.examples.cli;

import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Report;
import uk.councilcomplaints.report.Reports;

/**
 * {@code complaints report sla-by-officer} and {@code sla-by-service}: core's SLA performance per complaint officer
 * or service area ({@link Reports#slaPerformance(LocalDate, LocalDate, LocalDate, Grouping,
 * uk.councilcomplaints.event.KnownAt)}).
 */
abstract class SlaByGroupReport extends ReportCommand.Run {

    static final String DESCRIPTION = "For the stages started (contact received, or next stage requested) in the "
            + "period: how many, responses sent by the due day (with extensions and agreed dates), sent late, not "
            + "sent and past the due day at the end of the as-of day, and the median working days from the start "
            + "of the stage to the response.";

    @Mixin
    private ReportCommand.Period period;

    @Mixin
    private ReportCommand.AsOf asOf;

    private LocalDate day;

    /** What the rows are. */
    abstract Grouping grouping();

    /** The rows in words, for the title: "officer", "service area". */
    abstract String rowsAre();

    @Override
    Report report(Reports reports) {
        day = asOf.orToday(this);
        if (period.to.isBefore(period.from) || day.isBefore(period.to)) {
            throw new CliException("the period must end (--to " + period.to + ") after it starts (--from "
                    + period.from + ") and by the as-of day (" + day + ")");
        }
        return reports.slaPerformance(period.from, period.to, day, grouping(), known());
    }

    @Override
    LocalDate asOfDay() {
        return day;
    }

    @Override
    String title() {
        return "Response timescales by " + rowsAre() + " for stages started "
                + period.from + " to " + period.to + ", as of " + day + knownAtSuffix();
    }

    @Command(name = "sla-by-officer", mixinStandardHelpOptions = true,
            description = {"Response timescales per complaint officer (the officer when the response was sent, or at "
                    + "the end of the as-of day; Not allocated if none).", DESCRIPTION,
                "Example: --from 2021-11-30 --to 2022-02-28 --as-of 2022-02-28"})
    static final class ByOfficer extends SlaByGroupReport {
        @Override
        Grouping grouping() {
            return Grouping.OFFICER;
        }

        @Override
        String rowsAre() {
            return "officer";
        }
    }

    @Command(name = "sla-by-service", mixinStandardHelpOptions = true,
            description = {"Response timescales per service area (as the case stood when the response was sent, or at "
                    + "the end of the as-of day).", DESCRIPTION,
                "Example: --from 2021-11-30 --to 2022-02-28 --as-of 2022-02-28"})
    static final class ByService extends SlaByGroupReport {
        @Override
        Grouping grouping() {
            return Grouping.SERVICE_AREA;
        }

        @Override
        String rowsAre() {
            return "service area";
        }
    }
}
