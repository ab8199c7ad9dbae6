package uk.councilcomplaints.model;

import static java.util.Objects.requireNonNull;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The personal data of one complaint: the complainant and the free-text summary. Stored apart from the
 * complaint's facts so it can be erased after the retention period without changing any report.
 */
public record PersonalData(@NotNull @Valid Complainant complainant, @NotBlank @Size(max = 4000) String summary) {

    public PersonalData {
        requireNonNull(complainant, "complainant");
        requireNonNull(summary, "summary");
    }

    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}
