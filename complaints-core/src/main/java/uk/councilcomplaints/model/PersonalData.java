package uk.councilcomplaints.model;

import static java.util.Objects.requireNonNull;

/**
 * The personal data of one complaint: the complainant and the free-text summary, as validated when the contact
 * was received. Stored apart from the complaint's facts so it can be erased after the retention period without
 * changing any report.
 */
public record PersonalData(Complainant complainant, String summary) {

    public PersonalData {
        requireNonNull(complainant, "complainant");
        requireNonNull(summary, "summary");
    }

    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}
