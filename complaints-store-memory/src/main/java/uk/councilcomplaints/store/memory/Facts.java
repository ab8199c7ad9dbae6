package uk.councilcomplaints.store.memory;

import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.store.CountQuery.Dimension;

/**
 * A projection row's state packed in one int, lowest bits first: bucket, status, classification,
 * procedure, stage, then the service area's number in the store's dictionary. Classification, procedure and
 * stage are adjacent, so a by-type key is one shift and one mask.
 */
final class Facts {

    static final int BUCKET_SHIFT = 0;
    static final int STATUS_SHIFT = BUCKET_SHIFT + bits(StatusBucket.values().length);
    static final int CLASSIFICATION_SHIFT = STATUS_SHIFT + bits(Status.values().length);
    static final int PROCEDURE_SHIFT = CLASSIFICATION_SHIFT + bits(Classification.values().length);
    static final int STAGE_SHIFT = PROCEDURE_SHIFT + bits(Procedure.values().length);
    static final int AREA_SHIFT = STAGE_SHIFT + bits(Stage.values().length);
    /** How many service areas a store can number. */
    static final int MAX_AREAS = 1 << (Integer.SIZE - 1 - AREA_SHIFT);
    static final int BUCKET_MASK = (1 << STATUS_SHIFT) - 1;

    private static final Status[] STATUSES = Status.values();
    private static final Classification[] CLASSIFICATIONS = Classification.values();
    private static final Procedure[] PROCEDURES = Procedure.values();
    private static final Stage[] STAGES = Stage.values();

    private Facts() {
    }

    static int pack(Status status, Classification classification, Procedure procedure, Stage stage, int area) {
        return status.bucket().ordinal() << BUCKET_SHIFT | status.ordinal() << STATUS_SHIFT
                | classification.ordinal() << CLASSIFICATION_SHIFT | procedure.ordinal() << PROCEDURE_SHIFT
                | stage.ordinal() << STAGE_SHIFT | area << AREA_SHIFT;
    }

    static int bucket(int facts) {
        return facts & BUCKET_MASK;
    }

    static Status status(int facts) {
        return STATUSES[field(facts, STATUS_SHIFT, CLASSIFICATION_SHIFT)];
    }

    static Classification classification(int facts) {
        return CLASSIFICATIONS[field(facts, CLASSIFICATION_SHIFT, PROCEDURE_SHIFT)];
    }

    static Procedure procedure(int facts) {
        return PROCEDURES[procedureOrdinal(facts)];
    }

    static int procedureOrdinal(int facts) {
        return field(facts, PROCEDURE_SHIFT, STAGE_SHIFT);
    }

    static Stage stage(int facts) {
        return STAGES[field(facts, STAGE_SHIFT, AREA_SHIFT)];
    }

    static int area(int facts) {
        return facts >>> AREA_SHIFT;
    }

    /** The lowest bit of a dimension held in the facts; -1 for officer and team, held apart. */
    static int shift(Dimension d) {
        return switch (d) {
            case CLASSIFICATION -> CLASSIFICATION_SHIFT;
            case PROCEDURE -> PROCEDURE_SHIFT;
            case STAGE -> STAGE_SHIFT;
            case SERVICE_AREA -> AREA_SHIFT;
            case OFFICER, TEAM -> -1;
        };
    }

    /** The bit after the last of a dimension held in the facts. */
    static int end(Dimension d) {
        return switch (d) {
            case CLASSIFICATION -> PROCEDURE_SHIFT;
            case PROCEDURE -> STAGE_SHIFT;
            case STAGE -> AREA_SHIFT;
            case SERVICE_AREA -> Integer.SIZE - 1;
            case OFFICER, TEAM -> -1;
        };
    }

    private static int field(int facts, int from, int to) {
        return (facts >>> from) & ((1 << (to - from)) - 1);
    }

    private static int bits(int values) {
        return Integer.SIZE - Integer.numberOfLeadingZeros(values - 1);
    }
}
