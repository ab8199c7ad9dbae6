package uk.councilcomplaints.store.jdbc;

import static uk.councilcomplaints.store.jdbc.Values.required;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.DueClock;

/**
 * A clock of the work queues as a row of {@code running_clocks}: the stage by its number and the kind by its
 * ordinal, so that the rows sort as {@link uk.councilcomplaints.store.ClockQuery#ORDER}. Its SQL is
 * {@link RunningClocksTable}'s.
 */
final class ClockColumns {

    private static final ClockKind[] KINDS = ClockKind.values();

    private ClockColumns() {
    }

    /** Adds {@code clock} of {@code council}, computed under {@code basis}, to {@code insert}'s batch. */
    static void add(RowWriter insert, String council, long basis, DueClock clock) throws SQLException {
        insert.setString(council);
        insert.setUuid(clock.id().value());
        insert.setInt(clock.stage().number());
        insert.setInt(clock.kind().ordinal());
        insert.setInstant(clock.due().orElse(null));
        insert.setDate(clock.dueDate().orElse(null));
        insert.setInstant(clock.atRiskFrom().orElse(null));
        insert.setInstant(clock.pausedSince().orElse(null));
        insert.setInt(clock.workingDaysLeft());
        insert.setInt(clock.extensionWorkingDays());
        insert.setBoolean(clock.dateAgreed());
        insert.setString(clock.reference());
        insert.setEnum(clock.status());
        insert.setEnum(clock.procedure());
        insert.setString(clock.serviceArea().code());
        insert.setString(clock.serviceArea().name());
        insert.setString(clock.officer().orElse(null));
        insert.setString(clock.team().orElse(null));
        insert.setInstant(clock.receivedAt());
        insert.setLong(basis);
        insert.endRow();
    }

    /** The clock in the current row, which holds {@link RunningClocksTable#COLUMNS}. */
    static DueClock read(ResultSet rs) throws SQLException {
        String kind = "running_clocks";
        return new DueClock(
                new ComplaintId(required(Values.getUuid(rs, "complaint_id"), "complaint_id", kind)),
                required(rs.getString("reference"), "reference", kind),
                required(Values.getEnum(rs, "status", Status.class), "status", kind),
                required(Values.getEnum(rs, "procedure_code", Procedure.class), "procedure_code", kind),
                new ServiceArea(rs.getString("service_area_code"), rs.getString("service_area_name")),
                Optional.ofNullable(rs.getString("officer")),
                Optional.ofNullable(rs.getString("team")),
                required(Values.getInstant(rs, "received_at"), "received_at", kind),
                kind(rs.getInt("kind")),
                Stage.of(rs.getInt("stage")),
                Values.getOptionalInstant(rs, "due"),
                Optional.ofNullable(Values.getDate(rs, "due_date")),
                Values.getOptionalInstant(rs, "at_risk_from"),
                Values.getOptionalInstant(rs, "paused_since"),
                rs.getInt("working_days_left"),
                rs.getInt("extension_working_days"),
                rs.getBoolean("date_agreed"));
    }

    /** The kind stored as {@code ordinal}. */
    static ClockKind kind(int ordinal) {
        if (ordinal < 0 || ordinal >= KINDS.length) {
            throw new IllegalStateException("Column kind holds " + ordinal + ", no clock kind, in a stored"
                    + " running_clocks row");
        }
        return KINDS[ordinal];
    }
}
