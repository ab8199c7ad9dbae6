package uk.councilcomplaints.store.jdbc;

import uk.councilcomplaints.store.DataSubject;
import uk.councilcomplaints.store.SubjectKeys;

/**
 * The SQL of {@code complainants}, a complaint's personal data and its {@link SubjectKeys}: reading, inserting
 * and deleting it, the column each {@link DataSubject.Key} is kept in (subject access is a {@code find} on it),
 * and filling the keys of rows stored before they were kept ({@link DataProtectionSql} runs it). Erasing the
 * reasons of the events with the personal data is {@link EventsTable#ERASE_REASONS}.
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

    /** The rows stored without their keys (before schema version 4). */
    static final String WITHOUT_KEYS = "SELECT council_id, complaint_id, complainant_name, email"
            + " FROM complainants WHERE name_key IS NULL";

    static final String SET_KEYS = "UPDATE complainants SET name_key = ?, plain_name_key = ?, email_key = ?"
            + " WHERE council_id = ? AND complaint_id = ?";

    /** The column of {@code complainants} holding {@code key}. */
    private static String keyColumn(DataSubject.Key key) {
        return switch (key) {
            case NAME -> "name_key";
            case PLAIN_NAME -> "plain_name_key";
            case EMAIL -> "email_key";
        };
    }

    /** The ids of a council's complaints whose {@code key} has a value, council and value its parameters. */
    static String withKey(DataSubject.Key key) {
        return "SELECT complaint_id FROM complainants WHERE council_id = ? AND " + keyColumn(key) + " = ?";
    }
}
