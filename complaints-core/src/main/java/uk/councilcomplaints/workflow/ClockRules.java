package uk.councilcomplaints.workflow;

import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;

/** The parts of the SLA policy that guard commands: extension limits and whether pausing is allowed. */
interface ClockRules {

    /** The most working days a stage's response may be extended by, in total. */
    int maxExtensionWorkingDays(Procedure procedure, Stage stage);

    /** Whether the council's policy allows pausing the clock for this procedure. */
    boolean pauseAllowed(Procedure procedure);
}
