package uk.councilcomplaints.sla;

/**
 * The milestones of stage 3 (review panel) of the children's social care procedure, SI 2006/1738.
 *
 * @param panelWithinWorkingDays working days from the request to the panel meeting
 * @param reportWithinWorkingDays working days from the meeting to the panel's report
 * @param councilResponseWithinWorkingDays working days from the report to the council's response
 */
public record Stage3Timescales(
        int panelWithinWorkingDays, int reportWithinWorkingDays, int councilResponseWithinWorkingDays) {}
