package uk.councilcomplaints.model;

/** Why a complaint was closed without a response ("Closed, other reason"). */
public enum ClosureReason {
    WITHDRAWN,
    /** Closed as a duplicate of another complaint, which it names. */
    DUPLICATE,
    /** Made more than 12 months after the matter and not accepted late. */
    OUT_OF_TIME
}
