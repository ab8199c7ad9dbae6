package uk.councilcomplaints.store.jdbc;

import uk.councilcomplaints.store.SubjectKeys;

/**
 * The SQL of {@code complainants}, a complaint's personal data and its {@link SubjectKeys}: reading, inserting
 * and deleting it.
 */
final class ComplainantsTable {

    private ComplainantsTable() {
    }

    static final String SELECT = "SELECT complainant_name, email, phone, address, summary FROM complainants"
            + " WHERE council_id = ? AND complaint_id = ?";

    static final String DELETE = "DELETE FROM complainants WHERE council_id = ? AND complaint_id = ?";

    static final String INSERT = "INSERT INTO complainants"
            + " (council_id, complaint_id, complainant_name, email, phone, address, summary, name_key, plain_name_key,"
            + " email_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
}
