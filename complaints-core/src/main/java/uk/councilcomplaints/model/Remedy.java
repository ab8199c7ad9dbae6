package uk.councilcomplaints.model;

/** A remedy offered in a response or recommended by the Ombudsman (LGSCO Complaint Handling Code). */
public enum Remedy {
    APOLOGY,
    EXPLANATION,
    RECONSIDERATION,
    SERVICE_PROVIDED,
    FINANCIAL_REMEDY,
    POLICY_CHANGE,
    OTHER,
    /** A change to how a service is delivered (an Ombudsman's usual recommendation beside a policy change). */
    SERVICE_IMPROVEMENT
}
