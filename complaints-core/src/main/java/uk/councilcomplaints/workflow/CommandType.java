package uk.councilcomplaints.workflow;

/** The commands of the state machine, as named in {@link Transitions} and in error messages. */
public enum CommandType {
    TRIAGE,
    RECLASSIFY,
    ALLOCATE,
    ACKNOWLEDGE,
    SEND_TO_SERVICE,
    SUBMIT_DRAFT,
    RESPOND,
    ESCALATE,
    REFER_TO_OMBUDSMAN,
    CLOSE,
    ACCEPT_LATE,
    EXTEND,
    AGREE_RESPONSE_DATE,
    PAUSE,
    RESUME,
    RECORD_PANEL_MEETING,
    RECORD_PANEL_REPORT,
    ERASE_PERSONAL_DATA
}
