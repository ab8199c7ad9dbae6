package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import uk.councilcomplaints.event.KnownAt;

/**
 * The Regulator of Social Housing's complaint measures for a year ending 31 March, from the housing procedure's
 * complaints: CH01, stage 1 and stage 2 complaints received per 1,000 homes the council owns; CH02, the share of
 * stage 1 and of stage 2 complaints responded to within the Housing Ombudsman Code's timescales (extensions
 * included). Each with its numerator and denominator. No personal data.
 *
 * @param yearEnding the last day of the year, a 31 March
 * @param knownAt which recorded events count
 * @param homes the number of homes the council owns (the CH01 denominator)
 * @param stage1Received housing complaints received in the year
 * @param stage2Received housing complaints escalated to stage 2 in the year
 * @param stage1Responded stage 1 responses sent in the year
 * @param stage1OnTime of those, within the timescale
 * @param stage2Responded stage 2 responses sent in the year
 * @param stage2OnTime of those, within the timescale
 */
public record TenantSatisfactionMeasures(LocalDate yearEnding, KnownAt knownAt, long homes, long stage1Received,
        long stage2Received, long stage1Responded, long stage1OnTime, long stage2Responded, long stage2OnTime) {

    public TenantSatisfactionMeasures {
        requireNonNull(yearEnding, "yearEnding");
        requireNonNull(knownAt, "knownAt");
        checkArgument(homes > 0, "homes must be at least 1, was %s", homes);
    }

    /** CH01 for stage 1: complaints received per 1,000 homes. */
    public Figure ch01Stage1() {
        return new Figure.PerThousand(stage1Received, homes);
    }

    /** CH01 for stage 2. */
    public Figure ch01Stage2() {
        return new Figure.PerThousand(stage2Received, homes);
    }

    /** CH02 for stage 1: the share responded to within the Code's timescale. */
    public Figure ch02Stage1() {
        return new Figure.Share(stage1OnTime, stage1Responded);
    }

    /** CH02 for stage 2. */
    public Figure ch02Stage2() {
        return new Figure.Share(stage2OnTime, stage2Responded);
    }

    /** The report's title. */
    public String title() {
        return "Tenant satisfaction measures: complaints (CH01, CH02), year ending "
                + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK).format(yearEnding)
                + knownAt.instant().map(k -> ", as known at " + k).orElse("");
    }

    /** The four measures with their numerators and denominators. */
    public Grid grid() {
        List<Grid.Column> columns = List.of(new Grid.Column("measure", "Measure", false),
                new Grid.Column("numerator", "Numerator", true), new Grid.Column("denominator", "Denominator", true),
                new Grid.Column("value", "Value", true));
        return new Grid(columns, List.of(
                line("CH01 stage 1", "Stage 1 complaints received per 1,000 homes", stage1Received, homes,
                        per1000(stage1Received)),
                line("CH01 stage 2", "Stage 2 complaints received per 1,000 homes", stage2Received, homes,
                        per1000(stage2Received)),
                line("CH02 stage 1", "Stage 1 complaints responded to within the Code's timescale", stage1OnTime,
                        stage1Responded, percent(stage1OnTime, stage1Responded)),
                line("CH02 stage 2", "Stage 2 complaints responded to within the Code's timescale", stage2OnTime,
                        stage2Responded, percent(stage2OnTime, stage2Responded))));
    }

    private String per1000(long count) {
        return String.format(java.util.Locale.UK, "%.1f", 1000.0 * count / homes);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(java.util.Locale.UK, "%.1f%%", 100.0 * part / whole);
    }

    private static Grid.Line line(String key, String label, long numerator, long denominator, String value) {
        return new Grid.Line(key, List.of(key + ": " + label, Long.toString(numerator), Long.toString(denominator),
                value));
    }
}
