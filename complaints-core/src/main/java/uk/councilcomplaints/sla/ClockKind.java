package uk.councilcomplaints.sla;

/**
 * The clocks that run on a contact: triage once, then acknowledgement and response at every stage; at
 * children's stage 3 also the review panel's meeting and its report, before the council's response.
 */
public enum ClockKind {
    TRIAGE,
    ACKNOWLEDGEMENT,
    /** Children's stage 3: the review panel meets, counted from the request for stage 3. */
    PANEL_MEETING,
    /** Children's stage 3: the review panel reports, counted from its meeting (or the day it is due to meet). */
    PANEL_REPORT,
    /** The council's response; at children's stage 3, counted from the panel's report (or the day it is due). */
    RESPONSE
}
