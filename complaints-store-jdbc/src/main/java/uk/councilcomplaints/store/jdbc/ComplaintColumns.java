package uk.councilcomplaints.store.jdbc;

import static uk.councilcomplaints.store.jdbc.Values.required;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;

/**
 * A complaint's current state as a row of {@code complaints}: one typed column per field. Its SQL is
 * {@link ComplaintsTable}'s.
 */
final class ComplaintColumns {

    /** The state's columns after the key and version, in the order {@link #bind} sets them; reference first. */
    static final List<String> NAMES = List.of("reference", "classification", "procedure_code", "stage",
            "service_area_code", "service_area_name", "channel", "received_at", "matter_date", "status", "officer",
            "team", "previous_stage_officer", "stage_started_at", "acknowledged_at", "responded_at", "outcome",
            "remedies", "closure_reason", "duplicate_of", "accepted_late", "referred_to_ombudsman", "paused",
            "extension_working_days", "agreed_response_date", "personal_data_erased", "last_occurred_at");

    /** The columns a new version may change: all but the reference. */
    static final List<String> MUTABLE = NAMES.subList(1, NAMES.size());

    private ComplaintColumns() {
    }

    /** Writes {@link #NAMES} (or, without the reference, {@link #MUTABLE}) to the current row of {@code row}. */
    static void bind(RowWriter row, Complaint c, boolean withReference) throws SQLException {
        if (withReference) {
            row.setString(c.reference());
        }
        row.setEnum(c.classification());
        row.setEnum(c.procedure());
        row.setInt(c.stage().number());
        row.setString(c.serviceArea().code());
        row.setString(c.serviceArea().name());
        row.setEnum(c.channel());
        row.setInstant(c.receivedAt());
        row.setDate(c.matterDate().orElse(null));
        row.setEnum(c.status());
        row.setString(c.officer().orElse(null));
        row.setString(c.team().orElse(null));
        row.setString(c.previousStageOfficer().orElse(null));
        row.setInstant(c.stageStartedAt());
        row.setInstant(c.acknowledgedAt().orElse(null));
        row.setInstant(c.respondedAt().orElse(null));
        row.setEnum(c.outcome().orElse(null));
        row.setString(RemedyList.format(c.remedies()));
        row.setEnum(c.closureReason().orElse(null));
        row.setUuid(c.duplicateOf().map(ComplaintId::value).orElse(null));
        row.setBoolean(c.acceptedLate());
        row.setBoolean(c.referredToOmbudsman());
        row.setBoolean(c.paused());
        row.setInt(c.extensionWorkingDays());
        row.setDate(c.agreedResponseDate().orElse(null));
        row.setBoolean(c.personalDataErased());
        row.setInstant(c.lastOccurredAt());
    }

    /** The complaint in the current row, which holds {@code id}, {@code version} and {@link #NAMES}. */
    static Complaint read(ResultSet rs) throws SQLException {
        String kind = "complaints";
        // the record's constructor checks the row is a state some history can reach
        return new Complaint(
                new ComplaintId(Values.getUuid(rs, "id")),
                rs.getString("reference"),
                required(Values.getEnum(rs, "classification", Classification.class), "classification", kind),
                required(Values.getEnum(rs, "procedure_code", Procedure.class), "procedure_code", kind),
                Stage.of(rs.getInt("stage")),
                new ServiceArea(rs.getString("service_area_code"), rs.getString("service_area_name")),
                required(Values.getEnum(rs, "channel", Channel.class), "channel", kind),
                required(Values.getInstant(rs, "received_at"), "received_at", kind),
                Optional.ofNullable(Values.getDate(rs, "matter_date")),
                required(Values.getEnum(rs, "status", Status.class), "status", kind),
                Optional.ofNullable(rs.getString("officer")),
                Optional.ofNullable(rs.getString("team")),
                Optional.ofNullable(rs.getString("previous_stage_officer")),
                required(Values.getInstant(rs, "stage_started_at"), "stage_started_at", kind),
                Values.getOptionalInstant(rs, "acknowledged_at"),
                Values.getOptionalInstant(rs, "responded_at"),
                Optional.ofNullable(Values.getEnum(rs, "outcome", Outcome.class)),
                RemedyList.parse(rs.getString("remedies")),
                Optional.ofNullable(Values.getEnum(rs, "closure_reason", ClosureReason.class)),
                Optional.ofNullable(Values.getUuid(rs, "duplicate_of")).map(ComplaintId::new),
                rs.getBoolean("accepted_late"),
                rs.getBoolean("referred_to_ombudsman"),
                rs.getBoolean("paused"),
                rs.getInt("extension_working_days"),
                Optional.ofNullable(Values.getDate(rs, "agreed_response_date")),
                rs.getBoolean("personal_data_erased"),
                required(Values.getInstant(rs, "last_occurred_at"), "last_occurred_at", kind),
                rs.getLong("version"));
    }
}
