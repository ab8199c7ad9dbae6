package uk.councilcomplaints.sla;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A complaint's clocks still running or paused after a commit, as one {@link SlaEvaluator} computed them, and
 * the fingerprint of the evaluator's policy and calendar ({@link SlaEvaluator#basis()}): a store replaces the
 * complaint's rows with these and keeps the basis with them, so a facade built with another calendar can tell.
 *
 * @param basis the fingerprint of the policy and calendar that computed the rows; 0 for {@link #NONE}
 * @param clocks the running and paused clocks, oldest stage first; empty when none is running
 */
public record ClockRows(long basis, List<DueClock> clocks) {

    /** No clocks, computed by nothing: what a commit built without an evaluator carries. */
    public static final ClockRows NONE = new ClockRows(0, List.of());

    public ClockRows {
        clocks = ImmutableList.copyOf(clocks);
        checkArgument(basis != 0 || clocks.isEmpty(), "clock rows need the basis that computed them");
        checkArgument(clocks.stream().map(DueClock::id).distinct().count() <= 1,
                "the clock rows of a commit are of one complaint");
    }
}
