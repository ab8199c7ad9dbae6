package uk.councilcomplaints.examples.cli;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.report.TenantSatisfactionMeasures;
import uk.councilcomplaints.store.ComplaintStore;

/**
 * {@code complaints report tenant-satisfaction}: the Regulator of Social Housing's complaint measures CH01 and CH02
 * for the year to 31 March (core's {@link Reports#tenantSatisfaction}), each with its numerator and denominator.
 * The homes the council owns come from {@code --homes}, else from {@code homes.YYYY} in complaints.properties.
 */
@Command(name = "tenant-satisfaction", mixinStandardHelpOptions = true,
        description = {"The Regulator of Social Housing's tenant satisfaction complaint measures for the year to "
                + "31 March, from the housing procedure's complaints: CH01, stage 1 and stage 2 complaints received "
                + "per 1,000 homes owned; CH02, the share of stage 1 and of stage 2 complaints responded to within "
                + "the Housing Ombudsman Code's timescales (extensions included). Each with its numerator and "
                + "denominator.",
            "The homes: --homes, else homes.YYYY in complaints.properties, YYYY the year the year ends in "
                + "(homes.2022 = 5200 for the year ending 2022-03-31).",
            "Example: --year-ending 2022-03-31 --homes 5200"})
final class TenantSatisfactionCommand extends ReportCommand.Run {

    @Option(names = "--year-ending", paramLabel = "DAY",
            description = "The 31 March the year ends on; default the latest one up to today.")
    private LocalDate yearEnding;

    @Option(names = "--homes", paramLabel = "N",
            description = "The number of homes the council owned (the CH01 denominator); default homes.YYYY in "
                    + "complaints.properties.")
    private Long homes;

    private LocalDate day;

    @Override
    Document document(ComplaintStore store) {
        day = yearEnding != null ? yearEnding : ReportCommand.StatutoryAnnual.latestYearEnd(today());
        if (day.getMonth() != Month.MARCH || day.getDayOfMonth() != 31) {
            throw new CliException("--year-ending: the complaints year ends on 31 March, not " + day);
        }
        if (homes != null && homes < 1) {
            throw new CliException("--homes: " + homes + " is not a number of homes (1 or more)");
        }
        long owned = Optional.ofNullable(homes).or(() -> config().homes(day.getYear())).orElseThrow(
                () -> new CliException("how many homes did the council own in the year ending " + day + "? Give "
                        + "--homes N, or put homes." + day.getYear() + " = N in " + CliConfig.FILE_NAME));
        TenantSatisfactionMeasures measures = Reports.over(store).tenantSatisfaction(day, owned, known());
        Document.Section section = new Document.Section("tenant-satisfaction", measures.title(), measures.grid(),
                Optional.empty(), Optional.empty());
        return Document.of(section, day, knownAt);
    }

    @Override
    LocalDate asOfDay() {
        return day;
    }

    @Override
    String title() {
        return "Tenant satisfaction measures: complaints (CH01, CH02), year ending " + day + knownAtSuffix();
    }
}
