package uk.councilcomplaints.examples.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.councilcomplaints.report.CodeAnnualReport;
import uk.councilcomplaints.report.Figure;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.report.SelfAssessment;
import uk.councilcomplaints.store.ComplaintStore;

/**
 * {@code complaints report code-annual}: the Complaint Handling Code's annual complaints performance and service
 * improvement report (core's {@link Reports#codeAnnual}), every section a table with the previous year beside this
 * one, then the learning actions agreed in the year, then the council's self-assessment with the report's figures
 * put in its {@code {key}} placeholders. {@code --list-figures} prints the keys a self-assessment may quote.
 */
@Command(name = "code-annual", mixinStandardHelpOptions = true,
        description = {"The Complaint Handling Code's annual complaints performance and service improvement report "
                + "for the year to 31 March: complaints received by procedure, stage and service; outcomes; "
                + "timeliness against each procedure's timescales; escalation; complaints refused, by exclusion; "
                + "themes; remedies and payments; learning actions; the Ombudsman's involvement; timescales missed. "
                + "Each figure with the previous year's beside it; counts only, no personal data.",
            "Events count in the year they happened (1 April to 31 March, London), each complaint's facts as they "
                + "stood at the end of the year; with --known-at, only what was recorded by then.",
            "--self-assessment adds the council's self-assessment against the Code (a CSV file: section, "
                + "requirement, complies, evidence, commentary), its {key} placeholders replaced by the figures; "
                + "--list-figures prints every key.",
            "Example: --year-ending 2022-03-31 --self-assessment self-assessment.csv --format html --output "
                + "annual-report.html"})
final class CodeAnnualCommand extends ReportCommand.Run {

    @Option(names = "--year-ending", paramLabel = "DAY",
            description = "The 31 March the year ends on; default the latest one up to today.")
    private LocalDate yearEnding;

    @Option(names = "--self-assessment", paramLabel = "FILE",
            description = "The council's self-assessment (CSV, UTF-8) to print after the report, figures filled in.")
    private Path selfAssessment;

    @Option(names = "--list-figures",
            description = "Print every figure's key, label and this year's value instead of the report: the keys a "
                    + "self-assessment quotes as {key}.")
    private boolean listFigures;

    private LocalDate day;

    @Override
    Document document(ComplaintStore store) {
        day = yearEnding != null ? yearEnding : ReportCommand.StatutoryAnnual.latestYearEnd(today());
        if (day.getMonth() != Month.MARCH || day.getDayOfMonth() != 31) {
            throw new CliException("--year-ending: the complaints year ends on 31 March, not " + day);
        }
        Optional<SelfAssessment> assessment = selfAssessment == null ? Optional.empty()
                : Optional.of(parse(selfAssessment));
        CodeAnnualReport report = Reports.over(store).codeAnnual(day, known());
        if (listFigures) {
            return figures(report);
        }
        List<Document.Section> sections = new ArrayList<>();
        int n = 0;
        for (CodeAnnualReport.Section section : report.sections()) {
            n++;
            Document.Section table = new Document.Section(key(n, section.title()), section.title(),
                    report.grid(section), Optional.empty(), Optional.empty());
            sections.add(chart(report, section).map(table::withChart).orElse(table));
        }
        sections.add(new Document.Section("learning-actions", "Learning actions agreed in " + report.year()
                + ", where each stood at " + day, report.actionsGrid(), Optional.empty(), Optional.empty()));
        if (assessment.isPresent()) {
            SelfAssessment filled;
            try {
                filled = assessment.get().filledFrom(report);
            } catch (IllegalArgumentException e) {
                throw new CliException(selfAssessment + ": " + e.getMessage(), e);
            }
            sections.add(new Document.Section("self-assessment", "Self-assessment against the Complaint Handling "
                    + "Code", filled.grid(), Optional.empty(), Optional.empty()));
        }
        Document document = new Document(report.title(), Optional.of(day), Optional.ofNullable(knownAt), sections,
                List.of());
        return report.actions().isEmpty() ? document.withNote("No learning action was agreed in " + report.year()
                + ".") : document;
    }

    /** Reads and checks the self-assessment before anything is computed: its problems name the file and line. */
    private static SelfAssessment parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new CliException(file + ": not UTF-8 text; save the self-assessment as CSV UTF-8", e);
        } catch (IOException e) {
            throw new CliException(file + ": cannot read it: " + (e.getMessage() == null ? e.toString()
                    : e.getMessage()), e);
        }
        try {
            return SelfAssessment.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
    }

    /** Every figure's key, label and value this year: what a self-assessment may quote. */
    private Document figures(CodeAnnualReport report) {
        List<Grid.Column> columns = List.of(new Grid.Column("key", "Key", false),
                new Grid.Column("label", "Figure", false), new Grid.Column("this_year", report.year(), true));
        List<Grid.Line> lines = new ArrayList<>();
        for (CodeAnnualReport.Section section : report.sections()) {
            for (CodeAnnualReport.Line line : section.lines()) {
                lines.add(new Grid.Line(line.key(), List.of(line.key(), line.label(), line.thisYear().text())));
            }
        }
        String title = "Figures of the annual report, year ending " + day + knownAtSuffix()
                + ": quote one in a self-assessment as {key}";
        return Document.of(new Document.Section("figures", title, new Grid(columns, lines), Optional.empty(),
                Optional.empty()), day, knownAt);
    }

    /** A stable, short name for a section (HTML ids, sheet names): its number and first words. */
    private static String key(int n, String title) {
        String slug = title.toLowerCase(Locale.UK).replace("'", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        String key = n + "-" + slug;
        return key.length() > 28 ? key.substring(0, 28).replaceAll("-$", "") : key;
    }

    /**
     * The pictures that help a committee: complaints received by procedure and stage, and the themes, this year
     * beside the previous one.
     */
    private static Optional<Chart> chart(CodeAnnualReport report, CodeAnnualReport.Section section) {
        if (section.lines().stream().anyMatch(l -> l.key().equals("received.corporate.stage1"))) {
            return bars(report, section,
                    l -> l.key().startsWith("received.") && !l.key().startsWith("received.service."),
                    "Complaints received by procedure and stage", "Complaints");
        } else if (section.lines().stream().anyMatch(l -> l.key().startsWith("themes."))) {
            return bars(report, section, l -> !l.key().equals("themes.none"),
                    "Themes of the complaints received", "Complaints");
        }
        return Optional.empty();
    }

    private static Optional<Chart> bars(CodeAnnualReport report, CodeAnnualReport.Section section,
            Predicate<CodeAnnualReport.Line> which, String title, String yAxis) {
        List<CodeAnnualReport.Line> lines = section.lines().stream().filter(which)
                .filter(l -> l.thisYear() instanceof Figure.Count && l.previousYear() instanceof Figure.Count)
                .filter(l -> ((Figure.Count) l.thisYear()).value() + ((Figure.Count) l.previousYear()).value() > 0)
                .toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<String> categories = lines.stream().map(CodeAnnualCommand::category).toList();
        return Optional.of(new Chart(Chart.Kind.GROUPED_BARS, title + ", " + report.year() + " and "
                + report.previousYear(), yAxis, categories, List.of(
                        new Chart.Series(report.year(), lines.stream()
                                .map(l -> (double) ((Figure.Count) l.thisYear()).value()).toList()),
                        new Chart.Series(report.previousYear(), lines.stream()
                                .map(l -> (double) ((Figure.Count) l.previousYear()).value()).toList()))));
    }

    /** A short name under a bar: "Adults", "Corporate S1"; else the line's label. */
    private static String category(CodeAnnualReport.Line line) {
        if (!line.key().startsWith("received.")) {
            return line.label();
        }
        String[] parts = line.key().substring("received.".length()).split("\\.");
        String procedure = switch (parts[0]) {
            case "adult_social_care" -> "Adults";
            case "childrens_social_care" -> "Children's";
            case "corporate" -> "Corporate";
            case "housing" -> "Housing";
            default -> line.label().replaceFirst(" complaints$", "");
        };
        return parts.length > 1 ? procedure + " S" + parts[1].replace("stage", "") : procedure;
    }

    @Override
    LocalDate asOfDay() {
        return day;
    }

    @Override
    String title() {
        return "Annual complaints performance and service improvement report, year ending " + day + knownAtSuffix();
    }
}
