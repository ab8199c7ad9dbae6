package uk.councilcomplaints.model;

/** The finding of a response. */
public enum Outcome {
    UPHELD,
    PARTLY_UPHELD,
    NOT_UPHELD;

    /** Upheld or partly upheld: the statutory "well-founded". */
    public boolean wellFounded() {
        return this != NOT_UPHELD;
    }
}
