package uk.councilcomplaints.store.jdbc;

/** What building a {@link JdbcComplaintStore} does about its tables. */
public enum SchemaMode {
    /**
     * Apply the scripts the database lacks ({@link ComplaintsSchema#migrate}); the default, convenient for an
     * embedded H2 file. A shared database is better migrated as a deployment step and its stores built with
     * {@link #VALIDATE}.
     */
    MIGRATE,
    /** Fail unless every script was applied, by the store or by Flyway ({@link ComplaintsSchema#validate}). */
    VALIDATE,
    /** Touch nothing: the schema is somebody else's business. */
    NONE
}
