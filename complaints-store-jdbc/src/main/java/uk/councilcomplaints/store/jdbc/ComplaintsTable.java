package uk.councilcomplaints.store.jdbc;

import java.util.stream.Collectors;

/**
 * The SQL of {@code complaints}, a complaint's current state a row ({@link ComplaintColumns}): load, insert,
 * the update checked against the expected version, and the look-ups of a clashing key. A {@code find} is built
 * by {@link FindStatement} from {@link #SELECT}, its sort by reference on {@link Dialect#referenceOrder()}. The
 * report projection's rebuild locks rows of this table with {@link ProjectionTable}'s statements.
 */
final class ComplaintsTable {

    private ComplaintsTable() {
    }

    private static final String STATE = String.join(", ", ComplaintColumns.NAMES);

    /** Every complaint's id, version and state; a query adds its conditions. */
    static final String SELECT = "SELECT id, version, " + STATE + " FROM complaints";

    static final String LOAD = SELECT + " WHERE council_id = ? AND id = ?";

    static final String INSERT = "INSERT INTO complaints (council_id, id, version, " + STATE + ") VALUES ("
            + Values.marks(3 + ComplaintColumns.NAMES.size()) + ")";

    /** Moves a complaint to its new version and state, if still at the expected version (its last parameter). */
    static final String UPDATE = "UPDATE complaints SET version = ?, "
            + ComplaintColumns.MUTABLE.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
            + " WHERE council_id = ? AND id = ? AND version = ?";

    static final String VERSION = "SELECT version FROM complaints WHERE council_id = ? AND id = ?";

    /** Locks a complaint's row and reads its version: the check of a commit of clocks only, which changes neither. */
    static final String LOCK_VERSION = VERSION + " FOR UPDATE";

    static final String WITH_REFERENCE = "SELECT id FROM complaints WHERE council_id = ? AND reference = ?";
}
