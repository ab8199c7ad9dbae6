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
    ACCEPT_LATE(true),
    EXTEND(true),
    AGREE_RESPONSE_DATE(true),
    PAUSE(true),
    RESUME(true),
    RECORD_PANEL_MEETING,
    RECORD_PANEL_REPORT,
    ERASE_PERSONAL_DATA(true),
    REFUSE(true),
    REFUSE_ESCALATION(true),
    RECORD_THEMES,
    RECORD_OMBUDSMAN_ENQUIRY,
    RECORD_OMBUDSMAN_DECISION,
    RECORD_OMBUDSMAN_COMPLIANCE,
    AGREE_LEARNING_ACTION,
    COMPLETE_LEARNING_ACTION,
    RECORD_LETTER_SENT;

    private final boolean reasonRequired;

    CommandType() {
        this(false);
    }

    CommandType(boolean reasonRequired) {
        this.reasonRequired = reasonRequired;
    }

    /**
     * Whether a command of this type is refused without a reason in its {@link Audit}. An {@code ESCALATE} that
     * accepts a late request needs one too ({@link Command.Escalate#acceptLateRequest()}).
     */
    public boolean reasonRequired() {
        return reasonRequired;
    }
}
