package uk.councilcomplaints.examples.cli;

import java.util.Locale;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;

/**
 * Words for the library's enums where it has no label of its own ({@link Status}, event types, clocks): the
 * constant's name in sentence case, {@code WITH_SERVICE} as "With service".
 */
final class Labels {

    private Labels() {
    }

    /** "With service" for {@code WITH_SERVICE}. */
    static String status(Status status) {
        return words(status);
    }

    /** Any constant in sentence case: {@code OUT_OF_TIME} as "Out of time". */
    static String words(Enum<?> value) {
        String text = value.name().toLowerCase(Locale.UK).replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A procedure and stage as reports name them: "Statutory Adults", "Corporate Stage 1". */
    static String type(Procedure procedure, Stage stage) {
        return procedure == Procedure.ADULT_SOCIAL_CARE ? procedure.label() : procedure.label() + " " + stage;
    }
}
