package uk.councilcomplaints.event;

import uk.councilcomplaints.model.Complaint;

/**
 * For tests that hand a store a commit it must refuse: applies one event to a state without the history's
 * checks (order, versions, times), as the library itself never does.
 */
public final class UncheckedFold {

    private UncheckedFold() {
    }

    /** The state after applying {@code next} to {@code current}, whatever their order. */
    public static Complaint next(Complaint current, ComplaintEvent next) {
        StateBuilder state = StateBuilder.from(current);
        StateFold.apply(state, next);
        return state.build();
    }
}
