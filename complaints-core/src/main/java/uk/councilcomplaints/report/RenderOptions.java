package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;

/**
 * How to render a report: an optional title, and whether text and Markdown leave out bucket columns that
 * are 0 throughout (the briefing note's December table shows two). CSV ignores both: its header never
 * changes. Immutable.
 */
public final class RenderOptions {

    private static final RenderOptions DEFAULTS = new RenderOptions(Optional.empty(), false);

    private final Optional<String> title;
    private final boolean hideEmptyBuckets;

    private RenderOptions(Optional<String> title, boolean hideEmptyBuckets) {
        this.title = title;
        this.hideEmptyBuckets = hideEmptyBuckets;
    }

    /** No title, every column. */
    public static RenderOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with a title above the table. */
    public RenderOptions withTitle(String value) {
        checkArgument(value != null && !value.isBlank() && value.indexOf('\n') < 0 && value.indexOf('\r') < 0,
                "a title is one line of text: '%s'", value);
        return new RenderOptions(Optional.of(value), hideEmptyBuckets);
    }

    /** A copy leaving out, in text and Markdown, bucket columns that are 0 in every row. */
    public RenderOptions hidingEmptyBuckets() {
        return new RenderOptions(title, true);
    }

    public Optional<String> title() {
        return title;
    }

    public boolean hideEmptyBuckets() {
        return hideEmptyBuckets;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderOptions r && title.equals(r.title) && hideEmptyBuckets == r.hideEmptyBuckets;
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, hideEmptyBuckets);
    }
}
