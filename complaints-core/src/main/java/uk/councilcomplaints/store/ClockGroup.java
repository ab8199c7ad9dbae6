package uk.councilcomplaints.store;

import java.util.function.Function;
import uk.councilcomplaints.sla.DueClock;

/** What a work queue's counts are grouped by (see {@link ClockQuery.Builder#countBy}). */
public enum ClockGroup {
    SERVICE_AREA(c -> c.serviceArea().code()),
    OFFICER(c -> c.officer().orElse(ClockGroup.NONE)),
    TEAM(c -> c.team().orElse(ClockGroup.NONE)),
    PROCEDURE(c -> c.procedure().name()),
    STAGE(c -> c.stage().name()),
    KIND(c -> c.kind().name()),
    STATUS(c -> c.status().name());

    /** The group of clocks without an officer (or team): not yet allocated. */
    public static final String NONE = "";

    private final Function<DueClock, String> key;

    ClockGroup(Function<DueClock, String> key) {
        this.key = key;
    }

    /**
     * The group {@code clock} counts in: an enum constant's name, a service area's code, an officer or team, or
     * {@link #NONE}.
     */
    public String keyOf(DueClock clock) {
        return key.apply(clock);
    }
}
