package uk.councilcomplaints.model;

/** A remedy offered in a response (LGSCO Complaint Handling Code). */
public enum Remedy {
    APOLOGY,
    EXPLANATION,
    RECONSIDERATION,
    SERVICE_PROVIDED,
    FINANCIAL_REMEDY,
    POLICY_CHANGE,
    OTHER
}
