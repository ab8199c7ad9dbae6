package uk.councilcomplaints.app;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** A day typed in GOV.UK's date input: three fields, day, month and year. */
final class DateFields {

    private DateFields() {
    }

    /** The day, or empty if the fields do not make a real date. */
    static Optional<LocalDate> parse(String day, String month, String year) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()),
                    Integer.parseInt(day.trim())));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
