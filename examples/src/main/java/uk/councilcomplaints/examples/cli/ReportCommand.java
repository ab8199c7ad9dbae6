package uk.councilcomplaints.examples.cli;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.Report;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.ComplaintStore;

/** {@code complaints report}: the library's reports over whatever the store holds, in text, CSV or Markdown. */
@Command(name = "report", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "REPORT",
        description = "Prints a report over whatever the store holds, computed from the complaints' histories "
                + "as of a day (end of day, London), optionally as the records stood at an instant (--known-at). "
                + "Reads only: the database must exist and its tables be up to date (complaints migrate); they "
                + "are never changed.",
        subcommands = {ReportCommand.ByService.class, ReportCommand.ByType.class, ReportCommand.BurnDownReport.class,
                ReportCommand.Workload.class, ReportCommand.SlaPerformanceReport.class,
                ReportCommand.StatutoryAnnual.class, ReportCommand.NonComplaints.class,
                MonthlyTrendReport.class, SlaByGroupReport.ByOfficer.class, SlaByGroupReport.ByService.class,
                AgeingCommand.class, CodeAnnualCommand.class, TenantSatisfactionCommand.class})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    private ComplaintsCli root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "give a report: by-service, by-type, burn-down, workload, "
                + "sla-performance, statutory-annual, non-complaints, monthly-trend, sla-by-officer, sla-by-service, "
                + "ageing, code-annual or tenant-satisfaction");
    }

    /** The command line this report runs in. */
    ComplaintsCli root() {
        return root;
    }

    /** What every report takes: the store, the format, and an optional instant the records are read as of. */
    abstract static class Run implements Callable<Integer> {

        @ParentCommand
        private ReportCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        private StoreOptions storeOptions;

        @Mixin
        private FormatOptions output;

        @Option(names = "--known-at", paramLabel = "INSTANT",
                description = "Count only what was recorded by then (2021-12-01T12:00:00Z, or 2021-12-01T12:00 in "
                        + "London): the report as it could have been run at that instant.")
        Instant knownAt;

        @Override
        public Integer call() throws IOException {
            try (OpenStore open = parent.root.openForReading(storeOptions, spec.commandLine().getErr())) {
                output.write(document(open.store()), spec, parent.root.clock().instant());
                if (knownAt != null) {
                    RecordedEvents.knownAtNote(open.store(), knownAt).ifPresent(spec.commandLine().getErr()::println);
                }
            }
            return 0;
        }

        /** What the report prints, over {@code store}: by default its one table ({@link #section}). */
        Document document(ComplaintStore store) {
            Document.Section section = section(store);
            return Document.of(section, asOfDay(), knownAt);
        }

        /** The settings file's values ({@code complaints.properties}), for what a report may read there. */
        CliConfig config() {
            return CliConfig.load(parent.root.environment());
        }

        /** The report's table (and chart), over {@code store}: by default core's report in a grid. */
        Document.Section section(ComplaintStore store) {
            Report report = report(Reports.over(store));
            Document.Section section = Document.Section.of(spec.name(), title(), Grid.of(report));
            return ReportCharts.of(report, section);
        }

        /**
         * The report, computed by {@code reports}: core's reports override this; the reports the command line
         * computes itself override {@link #section} instead.
         */
        Report report(Reports reports) {
            throw new UnsupportedOperationException(spec.name() + " is not one of core's reports");
        }

        /** The day the figures are taken at, when there is one (the HTML says it in words). */
        LocalDate asOfDay() {
            return null;
        }

        /** The title above it in text and Markdown. */
        abstract String title();

        LocalDate today() {
            return parent.root.today();
        }

        String knownAtSuffix() {
            return knownAt == null ? "" : ", as known at " + knownAt;
        }

        /** What {@code --known-at} says: every event recorded, unless given. */
        KnownAt known() {
            return knownAt == null ? KnownAt.latest() : KnownAt.of(knownAt);
        }
    }

    /** {@code --as-of D}, default today. */
    static final class AsOf {
        @Option(names = "--as-of", paramLabel = "DAY",
                description = "The day at whose end (London) statuses are counted: 2022-01-14 or 14/01/2022; "
                        + "default today.")
        private LocalDate day;

        LocalDate orToday(Run run) {
            return day != null ? day : run.today();
        }
    }

    /** {@code --from A --to B}, both required. */
    static final class Period {
        @Option(names = "--from", paramLabel = "DAY", required = true, description = "First day received.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DAY", required = true, description = "Last day received (inclusive).")
        LocalDate to;
    }

    /** Which cases a table or burn-down counts. */
    static final class Cases {
        @Option(names = "--cohort-open-on", paramLabel = "DAY",
                description = "The cases open at the start of DAY (a backlog cohort), followed to the as-of day.")
        private LocalDate cohort;

        @Option(names = "--from", paramLabel = "DAY", description = "With --to: the cases received from DAY ...")
        private LocalDate from;

        @Option(names = "--to", paramLabel = "DAY", description = "... to DAY (inclusive).")
        private LocalDate to;

        @Option(names = "--cohort-known-at", paramLabel = "INSTANT",
                description = "Fix which cases belong to the cohort or range as the records stood then "
                        + "(default: --known-at, else now).")
        private Instant cohortKnownAt;

        @Option(names = "--open-only", description = "Count only the cases still open as of the day.")
        private boolean openOnly;

        /**
         * {@code text} (a query's or population's description) saying "as known at" once: the cases are chosen as
         * known at --known-at unless --cohort-known-at says otherwise, and the population and the query then both
         * say so.
         */
        String withoutRepeatedKnownAt(String text, Run run) {
            String known = ", as known at " + run.knownAt;
            return cohortKnownAt == null && run.knownAt != null && text.indexOf(known) != text.lastIndexOf(known)
                    ? text.replaceFirst(java.util.regex.Pattern.quote(known), "") : text;
        }

        /** Without --cohort-open-on or --from/--to: every case received by the as-of day. */
        ReportQuery.Builder query(Run run, Grouping grouping, LocalDate asOf) {
            if (cohort != null && (from != null || to != null)) {
                throw new ParameterException(run.spec.commandLine(),
                        "give either --cohort-open-on or --from/--to, not both");
            }
            if ((from == null) != (to == null)) {
                throw new ParameterException(run.spec.commandLine(), "--from and --to go together");
            }
            Population population = cohort != null ? Population.openAtStartOf(cohort)
                    : from != null ? Population.receivedBetween(from, to) : Population.all();
            Instant membership = cohortKnownAt != null ? cohortKnownAt : run.knownAt;
            if (membership != null) {
                population = population.asKnownAt(membership);
            }
            ReportQuery.Builder query = ReportQuery.builder(population, grouping, asOf);
            if (openOnly) {
                query.stillOpen();
            }
            if (run.knownAt != null) {
                query.knownAt(run.knownAt);
            }
            return query;
        }
    }

    /** A bucket table, rows by one grouping. */
    abstract static class Table extends Run {
        static final String EVERY_CASE =
                "Without --cohort-open-on or --from/--to: every case received by the as-of day.";

        @Mixin
        private Cases cases;

        @Mixin
        private AsOf asOf;

        private ReportQuery query;

        abstract Grouping grouping();

        @Override
        Report report(Reports reports) {
            query = cases.query(this, grouping(), asOf.orToday(this)).build();
            return reports.table(query);
        }

        @Override
        LocalDate asOfDay() {
            return query.asOf();
        }

        @Override
        String title() {
            String text = cases.withoutRepeatedKnownAt(query.toString(), this);
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    @Command(name = "by-service", mixinStandardHelpOptions = true,
            description = {"Cases by service area and where they stand (the note's backlog tables).",
                "The note's 14 January table: --cohort-open-on 2021-12-01 --as-of 2022-01-14 --open-only",
                Table.EVERY_CASE})
    static final class ByService extends Table {
        @Override
        Grouping grouping() {
            return Grouping.SERVICE_AREA;
        }
    }

    @Command(name = "by-type", mixinStandardHelpOptions = true,
            description = {"Contacts by type (statutory adults, children's, corporate and housing by stage, service requests "
                    + "and not council complaints) and where they stand.",
                "The note's table: --from 2021-11-30 --to 2022-02-28 --as-of 2022-02-28", Table.EVERY_CASE})
    static final class ByType extends Table {
        @Override
        Grouping grouping() {
            return Grouping.TYPE;
        }
    }

    @Command(name = "burn-down", mixinStandardHelpOptions = true,
            description = {"A set of cases followed over several days: the totals per bucket as of each day.",
                "The original backlog: --cohort-open-on 2021-12-01 --days 2021-11-30,2022-01-14,2022-03-02"})
    static final class BurnDownReport extends Run {
        @Mixin
        private Cases cases;

        @Option(names = "--days", paramLabel = "DAY", split = ",", required = true,
                description = "The days, comma-separated, in the order shown.")
        private List<LocalDate> days;

        private ReportQuery query;

        @Override
        Report report(Reports reports) {
            query = cases.query(this, Grouping.SERVICE_AREA, days.get(0)).build();
            return reports.burnDown(query, days);
        }

        /** E.g. "Burn-down: the cases open at the start of 2021-12-01, where they stood on 2021-11-30, 2022-01-14". */
        @Override
        String title() {
            String population = query.population().toString();
            String which = population.startsWith("all contacts") ? population : "the cases " + population;
            List<String> shown = days.stream().map(LocalDate::toString).toList();
            return cases.withoutRepeatedKnownAt("Burn-down: " + which + (query.stillOpen() ? ", still open" : "")
                    + ", where they stood at the end of " + String.join(", ", shown) + knownAtSuffix(), this);
        }
    }

    @Command(name = "workload", mixinStandardHelpOptions = true,
            description = "The cases open per complaint officer and where they stand.")
    static final class Workload extends Run {
        @Mixin
        private AsOf asOf;

        private LocalDate day;

        @Override
        Report report(Reports reports) {
            day = asOf.orToday(this);
            return reports.officerWorkload(day, known());
        }

        @Override
        LocalDate asOfDay() {
            return day;
        }

        @Override
        String title() {
            return "Open cases per officer as of " + day + knownAtSuffix();
        }
    }

    @Command(name = "sla-performance", mixinStandardHelpOptions = true,
            description = "How well the timescales were kept for the contacts received and stages started in a "
                    + "period: triage, acknowledgement and response by procedure and stage.")
    static final class SlaPerformanceReport extends Run {
        @Mixin
        private Period period;

        @Mixin
        private AsOf asOf;

        private LocalDate day;

        @Override
        Report report(Reports reports) {
            day = asOf.orToday(this);
            return reports.slaPerformance(period.from, period.to, day, known());
        }

        @Override
        LocalDate asOfDay() {
            return day;
        }

        @Override
        String title() {
            return "Timescales for contacts received " + period.from + " to " + period.to + knownAtSuffix();
        }
    }

    @Command(name = "statutory-annual", mixinStandardHelpOptions = true,
            description = "The statutory annual figures (adult and children's social care) for the year to 31 March; "
                    + "counts only, no personal data.")
    static final class StatutoryAnnual extends Run {
        @Option(names = "--year-ending", paramLabel = "DAY",
                description = "The 31 March the year ends on; default the latest one up to today.")
        private LocalDate yearEnding;

        private LocalDate day;

        @Override
        Report report(Reports reports) {
            day = yearEnding != null ? yearEnding : latestYearEnd(today());
            return reports.statutoryAnnual(day, known());
        }

        @Override
        LocalDate asOfDay() {
            return day;
        }

        @Override
        String title() {
            return "Statutory annual figures, year to " + day + knownAtSuffix();
        }

        static LocalDate latestYearEnd(LocalDate today) {
            LocalDate thisYear = LocalDate.of(today.getYear(), Month.MARCH, 31);
            return today.isBefore(thisYear) ? thisYear.minusYears(1) : thisYear;
        }
    }

    @Command(name = "non-complaints", mixinStandardHelpOptions = true,
            description = "Of the contacts received in a period, how many were service requests or not council "
                    + "complaints (the note's 30%%).")
    static final class NonComplaints extends Run {
        @Mixin
        private Period period;

        @Mixin
        private AsOf asOf;

        private LocalDate day;

        @Override
        Report report(Reports reports) {
            day = asOf.orToday(this);
            return reports.nonComplaintShare(period.from, period.to, day, known());
        }

        @Override
        LocalDate asOfDay() {
            return day;
        }

        @Override
        String title() {
            return "Contacts received " + period.from + " to " + period.to + " that were not complaints"
                    + knownAtSuffix();
        }
    }
}
