package uk.councilcomplaints.app.letters;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Letters through GOV.UK Notify ({@code council-app.notify.*}): off by default, so the demonstration app sends
 * nothing. When on, the API key and both template ids are required.
 */
@ConfigurationProperties("council-app.notify")
public class NotifyProperties {

    /** Notify's production API. */
    public static final String NOTIFY_BASE_URL = "https://api.notifications.service.gov.uk";

    /** Send letters (emails) through Notify. */
    private boolean enabled;

    /** The service's API key, as Notify gives it ({@code name-<service id>-<secret>}); keep it out of the repository. */
    private String apiKey;

    /** Notify's API. */
    private String baseUrl = NOTIFY_BASE_URL;

    /** How long to wait after a poll of the event feed before the next. */
    private Duration pollInterval = Duration.ofSeconds(30);

    /**
     * Events recorded before this instant get no letter (2026-12-07T00:00:00Z): set it when turning letters on for
     * a database that already holds cases, or every past acknowledgement and response is emailed. Unset: all.
     */
    private Instant sendFrom;

    /** The email templates' ids. */
    private Templates templates = new Templates();

    /** The names of the templates' placeholders ({@code ((name))}) for each value the app fills in. */
    private Personalisation personalisation = new Personalisation();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Instant getSendFrom() {
        return sendFrom;
    }

    public void setSendFrom(Instant sendFrom) {
        this.sendFrom = sendFrom;
    }

    public Templates getTemplates() {
        return templates;
    }

    public void setTemplates(Templates templates) {
        this.templates = templates;
    }

    public Personalisation getPersonalisation() {
        return personalisation;
    }

    public void setPersonalisation(Personalisation personalisation) {
        this.personalisation = personalisation;
    }

    /** The ids of Notify's email templates. */
    public static class Templates {

        /** The email sent when a complaint is acknowledged, at any stage. */
        private String acknowledgement;

        /** The email sent when a complaint is answered, at any stage. */
        private String response;

        public String getAcknowledgement() {
            return acknowledgement;
        }

        public void setAcknowledgement(String acknowledgement) {
            this.acknowledgement = acknowledgement;
        }

        public String getResponse() {
            return response;
        }

        public void setResponse(String response) {
            this.response = response;
        }
    }

    /** The placeholder names the templates use; blank leaves that value out. */
    public static class Personalisation {

        /** The complainant's name. */
        private String name = "name";

        /** The case reference (CMP-...). */
        private String reference = "reference";

        /** The council's name ({@code council-app.council-name}). */
        private String council = "council";

        /** The stage the complaint was at: 1, 2 or 3. */
        private String stage = "stage";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getReference() {
            return reference;
        }

        public void setReference(String reference) {
            this.reference = reference;
        }

        public String getCouncil() {
            return council;
        }

        public void setCouncil(String council) {
            this.council = council;
        }

        public String getStage() {
            return stage;
        }

        public void setStage(String stage) {
            this.stage = stage;
        }
    }
}
