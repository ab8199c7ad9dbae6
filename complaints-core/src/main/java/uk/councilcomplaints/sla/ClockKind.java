package uk.councilcomplaints.sla;

/** The clocks that run on a contact: triage once, then acknowledgement and response at every stage. */
public enum ClockKind {
    TRIAGE,
    ACKNOWLEDGEMENT,
    RESPONSE
}
