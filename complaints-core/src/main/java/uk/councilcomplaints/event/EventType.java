package uk.councilcomplaints.event;

/** The kind of an event; stable names, stored by every store. */
public enum EventType {
    RECEIVED,
    TRIAGED,
    RECLASSIFIED,
    ALLOCATED,
    ACKNOWLEDGED,
    SENT_TO_SERVICE,
    DRAFT_SUBMITTED,
    RESPONDED,
    ESCALATED,
    REFERRED_TO_OMBUDSMAN,
    CLOSED,
    ACCEPTED_LATE,
    EXTENDED,
    RESPONSE_DATE_AGREED,
    PAUSED,
    RESUMED,
    PERSONAL_DATA_ERASED,
    PANEL_MET,
    PANEL_REPORTED
}
