package uk.councilcomplaints.report;

import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;

/** The rows of a by-type table, in the briefing note's order: procedure and stage, then non-complaints. */
enum TypeGroup {
    STATUTORY_ADULTS(Procedure.ADULT_SOCIAL_CARE.label()),
    STATUTORY_CHILDREN_1(Procedure.CHILDRENS_SOCIAL_CARE, Stage.STAGE_1),
    STATUTORY_CHILDREN_2(Procedure.CHILDRENS_SOCIAL_CARE, Stage.STAGE_2),
    STATUTORY_CHILDREN_3(Procedure.CHILDRENS_SOCIAL_CARE, Stage.STAGE_3),
    CORPORATE_1(Procedure.CORPORATE, Stage.STAGE_1),
    CORPORATE_2(Procedure.CORPORATE, Stage.STAGE_2),
    HOUSING_1(Procedure.HOUSING, Stage.STAGE_1),
    HOUSING_2(Procedure.HOUSING, Stage.STAGE_2),
    /** Contacts triage found to be service requests or not the council's: one row, as in the note. */
    NOT_COMPLAINTS("Service requests / not a council complaint"),
    /** Complaints triage refused to take on, for an exclusion in the policy: counted apart from both. */
    REFUSED("Complaints refused");

    private final String label;

    TypeGroup(String label) {
        this.label = label;
    }

    TypeGroup(Procedure procedure, Stage stage) {
        this(procedure.label() + " " + stage);
    }

    String label() {
        return label;
    }

    static TypeGroup of(Classification classification, Procedure procedure, Stage stage) {
        if (classification == Classification.REFUSED) {
            return REFUSED;
        }
        if (classification != Classification.COMPLAINT) {
            return NOT_COMPLAINTS;
        }
        return switch (procedure) {
            case ADULT_SOCIAL_CARE -> STATUTORY_ADULTS;
            case CHILDRENS_SOCIAL_CARE -> switch (stage) {
                case STAGE_1 -> STATUTORY_CHILDREN_1;
                case STAGE_2 -> STATUTORY_CHILDREN_2;
                case STAGE_3 -> STATUTORY_CHILDREN_3;
            };
            case CORPORATE -> switch (stage) {
                case STAGE_1 -> CORPORATE_1;
                case STAGE_2 -> CORPORATE_2;
                case STAGE_3 -> throw new IllegalStateException("the corporate procedure has no stage 3");
            };
            case HOUSING -> switch (stage) {
                case STAGE_1 -> HOUSING_1;
                case STAGE_2 -> HOUSING_2;
                case STAGE_3 -> throw new IllegalStateException("the housing procedure has no stage 3");
            };
        };
    }
}
