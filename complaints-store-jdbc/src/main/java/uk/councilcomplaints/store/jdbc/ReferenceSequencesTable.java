package uk.councilcomplaints.store.jdbc;

/**
 * The SQL of {@code reference_sequences}, a council's reference numbers by year: one statement a database,
 * taking council and year and returning the next number of that sequence, which {@link
 * Dialect#nextReferenceNumber()} picks.
 */
final class ReferenceSequencesTable {

    private ReferenceSequencesTable() {
    }

    /** H2: a MERGE read through {@code FINAL TABLE}. */
    static final String H2_NEXT_NUMBER =
            "SELECT last_number FROM FINAL TABLE (MERGE INTO reference_sequences t"
                    + " USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS INTEGER))) s (council_id, reference_year)"
                    + " ON t.council_id = s.council_id AND t.reference_year = s.reference_year"
                    + " WHEN MATCHED THEN UPDATE SET last_number = t.last_number + 1"
                    + " WHEN NOT MATCHED THEN INSERT (council_id, reference_year, last_number)"
                    + " VALUES (s.council_id, s.reference_year, 1))";

    /** PostgreSQL: an upsert returning the number. */
    static final String POSTGRESQL_NEXT_NUMBER =
            "INSERT INTO reference_sequences (council_id, reference_year, last_number) VALUES (?, ?, 1)"
                    + " ON CONFLICT (council_id, reference_year)"
                    + " DO UPDATE SET last_number = reference_sequences.last_number + 1 RETURNING last_number";
}
