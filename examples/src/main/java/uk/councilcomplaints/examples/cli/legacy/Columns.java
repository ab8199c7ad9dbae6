package uk.councilcomplaints.examples.cli.legacy;

import java.util.List;

/** The spreadsheet's column names (the header is read case-insensitively, in any order). */
final class Columns {

    static final String REFERENCE = "reference";
    static final String RECEIVED_ON = "received_on";
    static final String SERVICE_AREA = "service_area";
    static final String TYPE = "type";
    static final String STAGE = "stage";
    static final String COMPLAINANT_NAME = "complainant_name";
    static final String COMPLAINANT_EMAIL = "complainant_email";
    static final String SUMMARY = "summary";
    static final String TRIAGED_ON = "triaged_on";
    static final String ALLOCATED_ON = "allocated_on";
    static final String OFFICER = "officer";
    static final String ACKNOWLEDGED_ON = "acknowledged_on";
    static final String SENT_TO_SERVICE_ON = "sent_to_service_on";
    static final String RESPONDED_ON = "responded_on";
    static final String OUTCOME = "outcome";
    static final String CLOSED_ON = "closed_on";
    static final String CLOSURE_REASON = "closure_reason";
    /** Optional: the officer's team (default "Complaints team"). */
    static final String TEAM = "team";
    /** Optional: when the matter happened, for the 12-month limit (needed to close a case as out of time). */
    static final String MATTER_DATE = "matter_date";
    /** Optional: the reference of the original, for a case closed as a duplicate. */
    static final String DUPLICATE_OF = "duplicate_of";

    /** Without these a row cannot be read at all. */
    static final List<String> REQUIRED = List.of(REFERENCE, RECEIVED_ON, SERVICE_AREA, TYPE);
    /** Every column read; any other is ignored. */
    static final List<String> KNOWN = List.of(REFERENCE, RECEIVED_ON, SERVICE_AREA, TYPE, STAGE, COMPLAINANT_NAME,
            COMPLAINANT_EMAIL, SUMMARY, TRIAGED_ON, ALLOCATED_ON, OFFICER, ACKNOWLEDGED_ON, SENT_TO_SERVICE_ON,
            RESPONDED_ON, OUTCOME, CLOSED_ON, CLOSURE_REASON, TEAM, MATTER_DATE, DUPLICATE_OF);
    /** The milestones of a complaint in the order they happen; a blank one before a filled one is implied. */
    static final List<String> MILESTONES = List.of(TRIAGED_ON, ALLOCATED_ON, ACKNOWLEDGED_ON, SENT_TO_SERVICE_ON,
            RESPONDED_ON);

    private Columns() {
    }
}
