package uk.councilcomplaints.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.examples.briefing.BriefingNoteReports;
import uk.councilcomplaints.examples.briefing.BriefingNoteReports.Section;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.report.ReportFormat;
import uk.councilcomplaints.report.Reports;

/** {@code complaints briefing}: the briefing note's tables and charts, computed from the stored events. */
@Command(name = "briefing", mixinStandardHelpOptions = true,
        description = {"Builds the briefing note's data set (through the library's API, once per store) in a "
                + "database of its own (the H2 file complaints-data/demo in the working folder) unless --db names "
                + "another, and prints "
                + "the note's tables, computed from the stored events: the December position as reported on "
                + "1 December 2021 beside the same table as known after the data cleansing, the original backlog on "
                + "14 January and 2 March 2022, contacts by type, the share that were not complaints, the burn-down, "
                + "workload, timescales and statutory figures.",
                "With --format html, writes one self-contained HTML file (tables and charts) for a committee paper: "
                        + "briefing.html next to the demo database (in complaints-data), unless --html or --out says.",
                "A database that --db names and that holds other complaints is refused unless --into-existing: the "
                        + "demo never mixes into real data unasked. An embedded H2 database has its tables created or "
                        + "updated first; any other (PostgreSQL) must be up to date: run complaints migrate."})
final class BriefingCommand implements Callable<Integer> {

    /** What {@code briefing} writes. */
    enum Format {
        TEXT,
        CSV,
        MD,
        HTML
    }

    @ParentCommand
    private ComplaintsCli root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions;

    @Option(names = "--format", paramLabel = "text|csv|md|html", defaultValue = "text",
            description = "text (default), csv (each table under a '# title' line), md, or html (a file).")
    private Format format = Format.TEXT;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write briefing.txt, .csv, .md or .html in DIR instead of printing (html: default "
                    + "complaints-data, next to the demo database).")
    private Path out;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write the HTML briefing (tables and charts) to FILE; implies --format html.")
    private Path html;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (html != null) {
            if (out != null) {
                throw new ParameterException(spec.commandLine(), "give --out DIR or --html FILE, not both");
            }
            if (spec.commandLine().getParseResult().hasMatchedOption("--format") && format != Format.HTML) {
                throw new ParameterException(spec.commandLine(), "--html FILE writes HTML; leave out --format "
                        + format.name().toLowerCase(Locale.ROOT));
            }
            format = Format.HTML;
        }
        try (OpenStore open = root.openForBriefing(storeOptions, err)) {
            List<Section> sections = BriefingNoteReports.sections(Reports.over(open.store()));
            String document = switch (format) {
                case TEXT -> render(sections, ReportFormat.TEXT);
                case MD -> render(sections, ReportFormat.MARKDOWN);
                case CSV -> csv(sections);
                case HTML -> HtmlDocument.render(document(sections), COUNCIL, root.clock().instant());
            };
            if (out == null && format != Format.HTML) {
                spec.commandLine().getOut().print(document);
                spec.commandLine().getOut().flush();
            } else {
                Path file = target();
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, document, StandardCharsets.UTF_8);
                spec.commandLine().getOut().println("Wrote " + file.toAbsolutePath().normalize());
            }
        }
        return 0;
    }

    /** The briefing note's council, as the paper's heading names it. */
    static final String COUNCIL = "The county council";

    /**
     * The briefing as one paper: each report's table, with the chart the report gets in every HTML paper
     * ({@link ReportCharts}).
     */
    static Document document(List<Section> sections) {
        List<Document.Section> tables = new java.util.ArrayList<>();
        for (Section s : sections) {
            tables.add(ReportCharts.of(s.report(), Document.Section.of(s.key(), s.title(), Grid.of(s.report()))));
        }
        return new Document("Complaints: the backlog and its recovery (briefing note)", java.util.Optional.empty(),
                java.util.Optional.empty(), tables, List.of());
    }

    /** --html FILE, else briefing.EXT in --out DIR, else (html) next to the demo database. */
    private Path target() {
        String name = "briefing." + extension();
        if (html != null) {
            return root.environment().resolve(html);
        }
        return out != null ? root.environment().resolve(out).resolve(name) : root.demoFile().resolveSibling(name);
    }

    private String extension() {
        return format == Format.TEXT ? "txt" : format.name().toLowerCase(Locale.ROOT);
    }

    private static String render(List<Section> sections, ReportFormat format) {
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            text.append(format.render(section.report(), section.options())).append('\n');
        }
        return text.toString();
    }

    /** Each table as CSV under a line {@code # title}, the tables apart by an empty line. */
    private static String csv(List<Section> sections) {
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            text.append("# ").append(section.title()).append("\r\n")
                    .append(ReportFormat.CSV.render(section.report())).append("\r\n");
        }
        return text.toString();
    }
}
