package uk.councilcomplaints.model;

/** The complaints procedure a complaint follows; it decides the stages and the timescales. */
public enum Procedure {
    /** Statutory adult social care procedure (SI 2009/309): one stage, then the Ombudsman. */
    ADULT_SOCIAL_CARE("Statutory Adults", Stage.STAGE_1),
    /** Statutory children's social care procedure (SI 2006/1738): stages 1, 2 and 3. */
    CHILDRENS_SOCIAL_CARE("Statutory Children", Stage.STAGE_3),
    /** The council's corporate procedure (LGSCO Complaint Handling Code): stages 1 and 2. */
    CORPORATE("Corporate", Stage.STAGE_2),
    /**
     * Housing Ombudsman Complaint Handling Code (statutory for social landlords since April 2024): stages 1
     * and 2, then the Housing Ombudsman.
     */
    HOUSING("Housing", Stage.STAGE_2);

    private final String label;
    private final Stage lastStage;

    Procedure(String label, Stage lastStage) {
        this.label = label;
        this.lastStage = lastStage;
    }

    /** The label used in reports, e.g. "Statutory Adults". */
    public String label() {
        return label;
    }

    /** The last stage of this procedure; after it a complaint goes to the Ombudsman. */
    public Stage lastStage() {
        return lastStage;
    }

    /** The Ombudsman a complainant may go to after the last stage, e.g. "Housing Ombudsman". */
    public String ombudsman() {
        return this == HOUSING ? "Housing Ombudsman" : "Local Government and Social Care Ombudsman";
    }

    /** Whether this procedure has the given stage. */
    public boolean hasStage(Stage stage) {
        return stage.compareTo(lastStage) <= 0;
    }
}
