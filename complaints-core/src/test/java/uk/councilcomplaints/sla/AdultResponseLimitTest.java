package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;

/** The adults' response limit of at most 6 months, for limits no calendar could reach. */
class AdultResponseLimitTest {

    @Test
    void aLimitBeyondAnyDateIsRefusedAsOverSixMonthsNotAsADateOverflow() {
        for (Period absurd : List.of(Period.ofYears(1_000_000_000), Period.ofYears(Integer.MAX_VALUE),
                Period.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE))) {
            StageTarget target = new StageTarget(3, 20, StageTarget.ResponseFrom.RECEIPT, 0, Optional.of(absurd));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SlaPolicy.builder().target(Procedure.ADULT_SOCIAL_CARE, Stage.STAGE_1, target));
            assertEquals("ADULT_SOCIAL_CARE Stage 1: responseLimit " + absurd
                    + " exceeds the statutory limit (at most 6 months)", e.getMessage());
        }
    }
}
