package uk.councilcomplaints.app;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.report.AgeingReport;
import uk.councilcomplaints.report.CodeAnnualReport;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.Report;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.ReportFormat;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.report.TenantSatisfactionMeasures;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Every report of the library for any dates (as of, known at, received between, cohort open on), as an
 * accessible table with a chart, and as CSV.
 */
@Controller
class ReportsController {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    private final Complaints complaints;
    private final Reports reports;
    private final AppProperties properties;

    ReportsController(Complaints complaints, AppProperties properties) {
        this.complaints = complaints;
        this.reports = complaints.reports();
        this.properties = properties;
    }

    /** The reports a manager may choose. */
    enum Kind {
        BY_SERVICE("Where cases stand, by service"),
        BY_TYPE("Where cases stand, by type"),
        BY_PROCEDURE("Where cases stand, by procedure"),
        BY_OFFICER("Where cases stand, by officer"),
        SLA("Timescales met"),
        NON_COMPLAINTS("Contacts that were not complaints"),
        WORKLOAD("Officers' workload"),
        STATUTORY("Statutory annual report (year ending on the as-of day)"),
        AGEING("Ageing of open cases, in working days"),
        BURN_DOWN("Burn-down: cases still open each week, from the as-of day until a later day"),
        CODE_ANNUAL("Complaint Handling Code annual report"),
        TENANT_SATISFACTION("Tenant satisfaction measures CH01 and CH02 (housing)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The form's fields as typed. */
    public static class Criteria {
        private String report = Kind.BY_SERVICE.name();
        private String asOf = "";
        private String knownAt = "";
        private String population = "all";
        private String from = "";
        private String to = "";
        private String cohortOpenOn = "";
        private String until = "";
        private String yearEnding = "";
        private String part = "";

        public String getReport() { return report; }
        public void setReport(String v) { report = v; }
        public String getAsOf() { return asOf; }
        public void setAsOf(String v) { asOf = v; }
        public String getKnownAt() { return knownAt; }
        public void setKnownAt(String v) { knownAt = v; }
        public String getPopulation() { return population; }
        public void setPopulation(String v) { population = v; }
        public String getFrom() { return from; }
        public void setFrom(String v) { from = v; }
        public String getTo() { return to; }
        public void setTo(String v) { to = v; }
        public String getCohortOpenOn() { return cohortOpenOn; }
        public void setCohortOpenOn(String v) { cohortOpenOn = v; }
        public String getUntil() { return until; }
        public void setUntil(String v) { until = v; }
        public String getYearEnding() { return yearEnding; }
        public void setYearEnding(String v) { yearEnding = v; }
        public String getPart() { return part; }
        public void setPart(String v) { part = v; }
    }

    /** A report's table as the page shows it, with the chart's bars. */
    public record Shown(String title, Grid grid, Chart chart, Optional<AgeingReport> ageing, List<Table> tables,
            Optional<String> note) {
        Shown(String title, Grid grid, Chart chart, Optional<AgeingReport> ageing) {
            this(title, grid, chart, ageing, List.of(), Optional.empty());
        }
    }

    /**
     * One of several captioned tables of a report (the annual report's sections), each with its CSV part name.
     *
     * @param caption the table's caption
     * @param grid its columns and lines as the page shows them
     * @param csv the same in the CSV download (days as ISO dates)
     * @param part its name in the CSV download's {@code part} parameter
     */
    public record Table(String caption, Grid grid, Grid csv, String part) {
        Table(String caption, Grid grid, String part) {
            this(caption, grid, grid, part);
        }
    }

    @GetMapping("/reports")
    String page(@ModelAttribute("criteria") Criteria criteria, Authentication auth, Model model) {
        FieldErrors errors = new FieldErrors();
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("errors", errors);
        model.addAttribute("years", years());
        if (criteria.getAsOf().isBlank()) {
            criteria.setAsOf(today().toString());
        }

        Optional<Shown> shown = run(criteria, errors, Viewer.of(auth, properties));
        shown.ifPresent(s -> model.addAttribute("shown", s));
        return "reports";
    }

    @GetMapping("/reports/download")
    ResponseEntity<byte[]> csv(@ModelAttribute("criteria") Criteria criteria, Authentication auth) {
        FieldErrors errors = new FieldErrors();
        if (criteria.getAsOf().isBlank()) {
            criteria.setAsOf(today().toString());
        }
        Optional<Shown> shown = run(criteria, errors, Viewer.of(auth, properties));
        if (shown.isEmpty()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body(String.join("\n", errors.all().values()).getBytes(StandardCharsets.UTF_8));
        }
        Grid grid = shown.get().tables().stream().filter(t -> t.part().equals(criteria.getPart())).findFirst()
                .map(Table::csv).orElse(shown.get().grid());
        String csv = ReportFormat.CSV.render(grid);
        boolean annual = criteria.getReport().equals(Kind.CODE_ANNUAL.name())
                || criteria.getReport().equals(Kind.TENANT_SATISFACTION.name());
        String name = criteria.getReport().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + (criteria.getPart().equals("actions") ? "-learning-actions" : "") + "-"
                + (annual ? "year-ending-" + criteria.getYearEnding() : criteria.getAsOf()) + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<Shown> run(Criteria c, FieldErrors errors, Viewer viewer) {
        if (c.getYearEnding().isBlank()) {
            c.setYearEnding(Integer.toString(yearInProgress()));
        }
        Kind kind;
        try {
            kind = Kind.valueOf(c.getReport());
        } catch (IllegalArgumentException e) {
            errors.add("report", "Select a report");
            return Optional.empty();
        }
        LocalDate asOf = day(c.getAsOf(), "asOf", "As of must be a date, like 2026-03-27", errors);
        Optional<Instant> knownAt = Optional.empty();
        if (!c.getKnownAt().isBlank()) {
            try {
                knownAt = Optional.of(LocalDateTime.parse(c.getKnownAt().trim()).atZone(LONDON).toInstant());
            } catch (DateTimeException e) {
                errors.add("knownAt", "Known at must be a date and time, like 2026-03-27T17:00");
            }
        }
        Population population = Population.all();
        LocalDate from = null;
        LocalDate to = null;
        switch (c.getPopulation()) {
            case "received" -> {
                from = day(c.getFrom(), "from", "Received from must be a date, like 2026-03-01", errors);
                to = day(c.getTo(), "to", "Received to must be a date, like 2026-03-31", errors);
                if (from != null && to != null) {
                    if (to.isBefore(from)) {
                        errors.add("to", "Received to must be on or after received from");
                    } else {
                        population = Population.receivedBetween(from, to);
                    }
                }
            }
            case "cohort" -> {
                LocalDate day = day(c.getCohortOpenOn(), "cohortOpenOn", "Open on must be a date, like 2021-12-01",
                        errors);
                if (day != null) {
                    population = Population.openAtStartOf(day);
                }
            }
            default -> {
            }
        }
        if ((kind == Kind.SLA || kind == Kind.NON_COMPLAINTS) && !c.getPopulation().equals("received")) {
            errors.add("population", "Choose the contacts received between two days for this report");
        }
        List<LocalDate> weeks = List.of();
        if (kind == Kind.BURN_DOWN && asOf != null) {
            LocalDate until = day(c.getUntil(), "until", "Burn-down until must be a date, like 2022-03-02", errors);
            if (until != null && (!until.isAfter(asOf) || until.isAfter(asOf.plusWeeks(52)))) {
                errors.add("until", "Burn-down until must be after the as-of day and within a year of it");
            } else if (until != null) {
                weeks = weeks(asOf, until);
            }
        }
        LocalDate yearEnding = null;
        if (kind == Kind.CODE_ANNUAL || kind == Kind.TENANT_SATISFACTION) {
            try {
                int year = Integer.parseInt(c.getYearEnding().trim());
                if (!years().contains(year)) {
                    throw new NumberFormatException();
                }
                yearEnding = LocalDate.of(year, 3, 31);
            } catch (NumberFormatException e) {
                errors.add("yearEnding", "Select the year ending 31 March");
            }
        }
        if (errors.any()) {
            return Optional.empty();
        }
        KnownAt known = knownAt.map(KnownAt::of).orElse(KnownAt.latest());
        if (kind == Kind.CODE_ANNUAL) {
            Shown annual = annual(kind.label(), reports.codeAnnual(yearEnding, known));
            if (!today().isAfter(yearEnding)) {
                int year = yearEnding.getYear();
                annual = new Shown(annual.title(), annual.grid(), annual.chart(), annual.ageing(), annual.tables(),
                        annual.note().map(n -> n + " The year is still in progress (it ends on 31 March " + year
                                + "): overdue timescales, where each learning action stands and compliance with the"
                                + " Ombudsman are as they stand today."));
            }
            return Optional.of(annual);
        }
        if (kind == Kind.TENANT_SATISFACTION) {
            Long homes = properties.getHomes().get(yearEnding.getYear());
            if (homes == null || homes < 1) {
                Grid none = new Grid(List.of(), List.of());
                return Optional.of(new Shown(kind.label(), none, Chart.none(), Optional.empty(), List.of(),
                        Optional.of("The number of homes the council owns is not configured for the year ending 31 March "
                                + yearEnding.getYear() + " (council-app.homes." + yearEnding.getYear()
                                + "), so CH01 cannot be worked out.")));
            }
            TenantSatisfactionMeasures m = reports.tenantSatisfaction(yearEnding, homes, known);
            Grid grid = m.grid();
            return Optional.of(new Shown(kind.label(), grid, Chart.none(), Optional.empty(),
                    List.of(new Table(m.title(), grid, "")), Optional.of(String.format(java.util.Locale.UK,
                            "Homes owned: %,d (council-app.homes.%d). CH02 counts the responses sent in the year.",
                            homes, yearEnding.getYear()))));
        }
        Population chosen = knownAt.map(population::asKnownAt).orElse(population);
        try {
            Report report = switch (kind) {
                case BY_SERVICE -> table(chosen, Grouping.SERVICE_AREA, asOf, knownAt);
                case BY_TYPE -> table(chosen, Grouping.TYPE, asOf, knownAt);
                case BY_PROCEDURE -> table(chosen, Grouping.PROCEDURE, asOf, knownAt);
                case BY_OFFICER -> table(chosen, Grouping.OFFICER, asOf, knownAt);
                case SLA -> reports.slaPerformance(from, to, asOf, known);
                case NON_COMPLAINTS -> reports.nonComplaintShare(from, to, asOf, known);
                case WORKLOAD -> reports.officerWorkload(asOf, known);
                case STATUTORY -> reports.statutoryAnnual(asOf, known);
                case AGEING -> null;
                case CODE_ANNUAL, TENANT_SATISFACTION -> throw new IllegalStateException("shown above");
                case BURN_DOWN -> {
                    ReportQuery.Builder q = ReportQuery.builder(chosen, Grouping.SERVICE_AREA, asOf).stillOpen();
                    knownAt.ifPresent(q::knownAt);
                    yield reports.burnDown(q.build(), weeks);
                }
            };
            if (report == null) {
                AgeingReport ageing = reports.ageing(asOf, AgeingReport.By.SERVICE_AREA, 10, known);
                AgeingReport visible = new AgeingReport(ageing.asOf(), ageing.by(), ageing.rows(), ageing.total(),
                        ageing.oldest().stream().filter(a -> complaints.find(a.id())
                                .map(x -> viewer.maySee(x.procedure())).orElse(false)).toList(),
                        ageing.median(), ageing.percentile90());
                Grid grid = Grid.of(visible);
                return Optional.of(new Shown(kind.label(), grid, Chart.of(grid), Optional.of(visible)));
            }
            Grid grid = Grid.of(report);
            return Optional.of(new Shown(kind.label(), grid, Chart.of(grid), Optional.empty()));
        } catch (IllegalArgumentException e) {
            errors.add("asOf", e.getMessage());
            return Optional.empty();
        }
    }

    /** The annual report: a table per section, this year beside the previous, and the learning actions. */
    private static Shown annual(String label, CodeAnnualReport report) {
        List<Table> tables = new java.util.ArrayList<>();
        List<Grid.Line> all = new java.util.ArrayList<>();
        int n = 0;
        for (CodeAnnualReport.Section section : report.sections()) {
            Grid grid = report.grid(section);
            tables.add(new Table(section.title(), grid, "section-" + (++n)));
            all.addAll(grid.lines());
        }
        Grid actions = report.actionsGrid();
        List<Grid.Line> shownActions = new java.util.ArrayList<>();
        for (int i = 0; i < actions.lines().size(); i++) {
            CodeAnnualReport.Action a = report.actions().get(i);
            List<String> cells = new java.util.ArrayList<>(actions.lines().get(i).cells());
            cells.set(3, DAY.format(a.due()));
            cells.set(4, a.done().map(DAY::format).orElse("Not yet"));
            shownActions.add(new Grid.Line(actions.lines().get(i).key(), cells));
        }
        tables.add(new Table("Learning and service improvement actions agreed in " + report.year(),
                new Grid(actions.columns(), shownActions), actions, "actions"));
        Grid figures = new Grid(report.grid(report.sections().get(0)).columns(), all);
        return new Shown(label, figures, Chart.none(), Optional.empty(), tables, Optional.of(report.title()
                + ". Each figure has the previous year's (" + report.previousYear() + ") beside it."));
    }

    /** The years ending 31 March the annual reports offer, the latest (the year in progress) first. */
    private List<Integer> years() {
        List<Integer> out = new java.util.ArrayList<>();
        for (int y = yearInProgress(); y >= 2022; y--) {
            out.add(y);
        }
        return out;
    }

    /** The year ending 31 March that today falls in. */
    private int yearInProgress() {
        LocalDate today = today();
        return today.isAfter(LocalDate.of(today.getYear(), 3, 31)) ? today.getYear() + 1 : today.getYear();
    }

    private Report table(Population population, Grouping grouping, LocalDate asOf, Optional<Instant> knownAt) {
        ReportQuery.Builder q = ReportQuery.builder(population, grouping, asOf);
        knownAt.ifPresent(q::knownAt);
        return reports.table(q.build());
    }

    /** Every seventh day from {@code from}, and {@code to}. */
    private static List<LocalDate> weeks(LocalDate from, LocalDate to) {
        List<LocalDate> days = new java.util.ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusWeeks(1)) {
            days.add(d);
        }
        days.add(to);
        return days;
    }

    private LocalDate today() {
        return LocalDate.now(complaints.clock().withZone(LONDON));
    }

    private static LocalDate day(String text, String field, String message, FieldErrors errors) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            errors.add(field, message);
            return null;
        }
    }


}
