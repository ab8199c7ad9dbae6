package uk.councilcomplaints.spring.boot;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.store.jdbc.SchemaMode;

/** The {@code complaints.*} properties: the council, its store, calendar and timescales. */
@ConfigurationProperties("complaints")
public class ComplaintsProperties {

    /**
     * The council whose complaints the store holds: 1 to 64 letters, digits, '.', '_' or '-'. Several councils
     * may share one database, each app seeing only its own.
     */
    private String council = "default";

    /** The prefix of generated references: 1-10 upper-case letters or digits (CMP gives CMP-2026-000123). */
    private String referencePrefix = "CMP";

    /**
     * The longest a write may take from its events' time to its commit; later commits are refused, so a report
     * "as known at" a moment stops changing once that moment is this far past.
     */
    private Duration settleWindow = Duration.ofMinutes(1);

    /**
     * What the JDBC store does about its tables at start-up: migrate (apply missing scripts), validate (fail
     * unless every script was applied) or none. Unset: validate when the app's Flyway runs the store's scripts,
     * else migrate. With Flyway on the classpath, and this unset or validate, the store's locations for the
     * database in use are added to spring.flyway.locations, which may hold the app's own scripts too: in a folder
     * of their own (such as classpath:db/app; not classpath:db/migration, where the store's scripts for every
     * database are), with versions apart from the store's (1 to 6.x). A Flyway history already past those needs
     * spring.flyway.out-of-order=true, or this set to migrate, which leaves the store's scripts to the store.
     * Flyway's history table must be flyway_schema_history for the store to validate; with another
     * spring.flyway.table the store checks nothing unless this is set. On an empty database Flyway's scripts are
     * all that is needed; after Flyway applies the store's scripts 2 or 4 to a database that already holds
     * complaints, call JdbcComplaintStore.rebuildProjection() once per council, and after 5 the facade's
     * queues().rebuildClocks().
     */
    private SchemaMode schema;

    /**
     * The council's complaint themes (its taxonomy), in the order reports show them: each a code (1 to 40 lower-case
     * letters, digits or hyphens, unique) and a label (one line of 1 to 100 characters), e.g.
     * complaints.themes[0].code=delay and complaints.themes[0].label=Delay. Empty: the library's starting list
     * (Themes.DEFAULT). The record-themes command accepts only these codes.
     */
    private List<ThemeEntry> themes = new ArrayList<>();

    private final Calendar calendar = new Calendar();
    private final Sla sla = new Sla();

    public String getCouncil() {
        return council;
    }

    public void setCouncil(String council) {
        this.council = council;
    }

    public String getReferencePrefix() {
        return referencePrefix;
    }

    public void setReferencePrefix(String referencePrefix) {
        this.referencePrefix = referencePrefix;
    }

    public Duration getSettleWindow() {
        return settleWindow;
    }

    public void setSettleWindow(Duration settleWindow) {
        this.settleWindow = settleWindow;
    }

    public SchemaMode getSchema() {
        return schema;
    }

    public void setSchema(SchemaMode schema) {
        this.schema = schema;
    }

    public List<ThemeEntry> getThemes() {
        return themes;
    }

    public void setThemes(List<ThemeEntry> themes) {
        this.themes = themes;
    }

    public Calendar getCalendar() {
        return calendar;
    }

    public Sla getSla() {
        return sla;
    }

    /** The working-day calendar: England and Wales, with the official list and the council's closure days. */
    public static class Calendar {

        /**
         * The official list of bank holidays in gov.uk's format (https://www.gov.uk/bank-holidays.json), as a
         * Spring resource: {@code file:/etc/council/bank-holidays.json} or {@code classpath:bank-holidays.json}.
         * Its years replace the computed holidays of those years.
         */
        private String govUkJson;

        /** The council's own closure days (ISO dates), on top of weekends and bank holidays. */
        private List<LocalDate> closureDays = new ArrayList<>();

        public String getGovUkJson() {
            return govUkJson;
        }

        public void setGovUkJson(String govUkJson) {
            this.govUkJson = govUkJson;
        }

        public List<LocalDate> getClosureDays() {
            return closureDays;
        }

        public void setClosureDays(List<LocalDate> closureDays) {
            this.closureDays = closureDays;
        }
    }

    /** Overrides of the England defaults; a council may set shorter targets than the rules, never longer. */
    public static class Sla {

        /** Working hours to triage a contact (48 by default). */
        private Integer triageWorkingHours;

        /** A running clock is at risk when due within this many working days (2 by default). */
        private Integer atRiskWorkingDays;

        /**
         * Targets per procedure and stage, e.g. complaints.sla.procedures.corporate.stage-1.response-working-days=8.
         * Unset values keep the defaults.
         */
        private Map<Procedure, Map<Stage, StageOverride>> procedures = new LinkedHashMap<>();

        public Integer getTriageWorkingHours() {
            return triageWorkingHours;
        }

        public void setTriageWorkingHours(Integer triageWorkingHours) {
            this.triageWorkingHours = triageWorkingHours;
        }

        public Integer getAtRiskWorkingDays() {
            return atRiskWorkingDays;
        }

        public void setAtRiskWorkingDays(Integer atRiskWorkingDays) {
            this.atRiskWorkingDays = atRiskWorkingDays;
        }

        public Map<Procedure, Map<Stage, StageOverride>> getProcedures() {
            return procedures;
        }

        public void setProcedures(Map<Procedure, Map<Stage, StageOverride>> procedures) {
            this.procedures = procedures;
        }
    }

    /** The timescales of one stage; unset values keep the defaults. */
    public static class StageOverride {

        /** Working days from receipt to acknowledge. */
        private Integer acknowledgeWorkingDays;

        /** Working days to respond. */
        private Integer responseWorkingDays;

        /** The most working days an extension may add. */
        private Integer maxExtensionWorkingDays;

        public Integer getAcknowledgeWorkingDays() {
            return acknowledgeWorkingDays;
        }

        public void setAcknowledgeWorkingDays(Integer acknowledgeWorkingDays) {
            this.acknowledgeWorkingDays = acknowledgeWorkingDays;
        }

        public Integer getResponseWorkingDays() {
            return responseWorkingDays;
        }

        public void setResponseWorkingDays(Integer responseWorkingDays) {
            this.responseWorkingDays = responseWorkingDays;
        }

        public Integer getMaxExtensionWorkingDays() {
            return maxExtensionWorkingDays;
        }

        public void setMaxExtensionWorkingDays(Integer maxExtensionWorkingDays) {
            this.maxExtensionWorkingDays = maxExtensionWorkingDays;
        }
    }

    /** One complaint theme of {@code complaints.themes}. */
    public static class ThemeEntry {

        /** The theme's stable code, stored with each complaint: 1 to 40 lower-case letters, digits or hyphens. */
        private String code;

        /** The theme's label in reports and forms: one line of 1 to 100 characters. */
        private String label;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }
    }
}
