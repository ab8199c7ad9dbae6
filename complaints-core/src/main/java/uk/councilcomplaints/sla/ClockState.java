package uk.councilcomplaints.sla;

/** Where a clock stands at an instant. */
public enum ClockState {
    /** Running, due in more than the at-risk margin. */
    RUNNING,
    /**
     * Running, due within the policy's at-risk margin of working days (the triage clock: less than half its
     * hours left).
     */
    AT_RISK,
    /** Stopped for a recorded reason (waiting for the complainant); resumes later. */
    PAUSED,
    /** Not met, and the due instant has passed. */
    BREACHED,
    /** Met by the due instant. */
    MET_ON_TIME,
    /** Met after the due instant. */
    MET_LATE,
    /** No longer applies: the contact was reclassified, withdrawn, closed as a duplicate or out of time. */
    STOPPED;

    /** Whether the clock still needs action. */
    public boolean open() {
        return this == RUNNING || this == AT_RISK || this == PAUSED || this == BREACHED;
    }

    /** Whether the clock was met, on time or late. */
    public boolean met() {
        return this == MET_ON_TIME || this == MET_LATE;
    }
}
