package uk.councilcomplaints.app;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Who saw whose personal data, and when: one row per view of a case page that showed the complainant, in the
 * app's database beside the complaints. The manager reads it on the access log page.
 */
@Component
public class AccessLog {

    /** One view. */
    public record View(Instant at, String username, String complaintId, String reference) {
    }

    private final JdbcTemplate jdbc;
    private final Complaints complaints;

    AccessLog(JdbcTemplate jdbc, Complaints complaints) {
        this.jdbc = jdbc;
        this.complaints = complaints;
        jdbc.execute("CREATE TABLE IF NOT EXISTS app_personal_data_views ("
                + "viewed_at TIMESTAMP WITH TIME ZONE NOT NULL, username VARCHAR(200) NOT NULL, "
                + "complaint_id VARCHAR(36) NOT NULL, reference VARCHAR(40) NOT NULL)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS app_personal_data_views_by_time "
                + "ON app_personal_data_views (viewed_at)");
    }

    void viewed(Viewer viewer, Complaint complaint) {
        jdbc.update("INSERT INTO app_personal_data_views (viewed_at, username, complaint_id, reference) "
                        + "VALUES (?, ?, ?, ?)", OffsetDateTime.ofInstant(complaints.clock().instant(), ZoneOffset.UTC), viewer.username(),
                complaint.id().value().toString(), complaint.reference());
    }

    /** The latest views, newest first. */
    public List<View> latest(int limit) {
        return jdbc.query("SELECT viewed_at, username, complaint_id, reference FROM app_personal_data_views "
                        + "ORDER BY viewed_at DESC LIMIT ?",
                (rs, i) -> new View(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4)), limit);
    }
}
