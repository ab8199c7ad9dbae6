package uk.councilcomplaints.report;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.learning.LearningAction;

/**
 * The annual complaints performance and service improvement report of the Complaint Handling Code (section 8),
 * for a year ending 31 March, as known at an instant (a year still in progress is judged as at today): volumes by procedure, stage and service; outcomes;
 * timeliness against each procedure's timescales; escalation; complaints refused by exclusion; themes; remedies;
 * the learning actions agreed and where they stand; the Ombudsman's involvement; and every timescale missed, by
 * cause. Each figure has the previous year's beside it, and a key a self-assessment can quote. Holds no personal
 * data: counts, sums and staff-written learning actions only.
 */
public final class CodeAnnualReport {

    /**
     * A figure of the report with the previous year's.
     *
     * @param key stable name, e.g. {@code timeliness.corporate.stage1.responded_on_time}; a self-assessment quotes it
     *     as {@code {key}}
     * @param label the line's label
     * @param thisYear the figure for the year
     * @param previousYear the same figure for the year before
     */
    public record Line(String key, String label, Figure thisYear, Figure previousYear) {
    }

    /** A titled section of lines. */
    public record Section(String title, List<Line> lines) {
        public Section {
            lines = ImmutableList.copyOf(lines);
        }
    }

    /**
     * A learning action agreed in the year, where it stood at the year's end.
     *
     * @param reference the complaint it came from (a reference, not personal data)
     * @param number its number on that complaint
     * @param service the service that changes
     * @param action what will change
     * @param owner who is responsible
     * @param due when it is due
     * @param done when it was done, by the year's end
     * @param progress where it stood at the year's end
     */
    public record Action(String reference, int number, String service, String action, String owner, LocalDate due,
            Optional<LocalDate> done, LearningAction.Progress progress) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final LocalDate yearEnding;
    private final KnownAt knownAt;
    private final List<Section> sections;
    private final List<Action> actions;
    private final Map<String, Figure> thisYear = new LinkedHashMap<>();

    CodeAnnualReport(LocalDate yearEnding, KnownAt knownAt, CodeYear current, CodeYear previous,
            List<Action> actions) {
        this.yearEnding = yearEnding;
        this.knownAt = knownAt;
        this.actions = ImmutableList.copyOf(actions);
        List<Section> all = new ArrayList<>();
        for (CodeYear.SectionId id : CodeYear.SectionId.values()) {
            Map<String, CodeYear.Entry> now = current.sections.get(id);
            Map<String, CodeYear.Entry> before = previous.sections.get(id);
            Map<String, CodeYear.Entry> keys = new LinkedHashMap<>(now);
            before.forEach(keys::putIfAbsent);
            List<Line> lines = new ArrayList<>();
            keys.forEach((key, entry) -> {
                Figure a = now.containsKey(key) ? now.get(key).figure() : CodeYear.zeroLike(before.get(key).figure());
                Figure b = before.containsKey(key) ? before.get(key).figure() : CodeYear.zeroLike(a);
                lines.add(new Line(key, entry.label(), a, b));
                thisYear.put(key, a);
            });
            all.add(new Section(id.title, lines));
        }
        this.sections = ImmutableList.copyOf(all);
    }

    /** The last day of the year reported, a 31 March. */
    public LocalDate yearEnding() {
        return yearEnding;
    }

    /** Which recorded events count. */
    public KnownAt knownAt() {
        return knownAt;
    }

    /** The year as councils write it, e.g. {@code 2025-26}. */
    public String year() {
        return label(yearEnding);
    }

    /** The previous year, e.g. {@code 2024-25}. */
    public String previousYear() {
        return label(yearEnding.minusYears(1));
    }

    private static String label(LocalDate ending) {
        return (ending.getYear() - 1) + "-" + String.format(Locale.ROOT, "%02d", ending.getYear() % 100);
    }

    /** The report's title. */
    public String title() {
        return "Annual complaints performance and service improvement report, year ending " + DAY.format(yearEnding)
                + knownAt.instant().map(k -> ", as known at " + k).orElse("");
    }

    /** The sections, in order. */
    public List<Section> sections() {
        return sections;
    }

    /** The learning actions agreed in the year, by service, then due day. */
    public List<Action> actions() {
        return actions;
    }

    /** This year's figure named {@code key}, if the report has one. */
    public Optional<Figure> figure(String key) {
        return Optional.ofNullable(thisYear.get(key));
    }

    /** Every figure's key, in the order the report prints them. */
    public List<String> keys() {
        return List.copyOf(thisYear.keySet());
    }

    /** A section as a grid: the figure, this year, the previous year. */
    public Grid grid(Section section) {
        List<Grid.Column> columns = List.of(new Grid.Column("figure", "Figure", false),
                new Grid.Column("this_year", year(), true), new Grid.Column("previous_year", previousYear(), true));
        List<Grid.Line> lines = section.lines().stream().map(l -> new Grid.Line(l.key(),
                List.of(l.label(), l.thisYear().text(), l.previousYear().text()))).toList();
        return new Grid(columns, lines);
    }

    /** The learning actions as a grid. */
    public Grid actionsGrid() {
        List<Grid.Column> columns = List.of(new Grid.Column("service", "Service", false),
                new Grid.Column("action", "Action", false), new Grid.Column("owner", "Owner", false),
                new Grid.Column("due", "Due", false), new Grid.Column("done", "Done", false),
                new Grid.Column("progress", "At the year end", false), new Grid.Column("complaint", "Complaint", false));
        List<Grid.Line> lines = actions.stream().map(a -> new Grid.Line(a.service(), List.of(a.service(), a.action(),
                a.owner(), a.due().toString(), a.done().map(LocalDate::toString).orElse(""), a.progress().label(),
                a.reference() + "/" + a.number()))).toList();
        return new Grid(columns, lines);
    }
}
