package uk.councilcomplaints.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;

/** Retention periods: the defaults, the council's own, what is refused, and the day personal data expires. */
class RetentionPolicyTest {

    @Test
    void sixYearsForEveryProcedureUnlessTheCouncilSetsAnother() {
        RetentionPolicy policy = RetentionPolicy.defaults().with(Procedure.CORPORATE, Period.ofYears(7));
        assertEquals(Period.ofYears(6), policy.period(Procedure.ADULT_SOCIAL_CARE));
        assertEquals(Period.ofYears(6), policy.period(Procedure.CHILDRENS_SOCIAL_CARE));
        assertEquals(Period.ofYears(7), policy.period(Procedure.CORPORATE));
        assertEquals(Period.ofYears(6), RetentionPolicy.defaults().period(Procedure.CORPORATE), "a copy");
        assertEquals(RetentionPolicy.defaults(),
                RetentionPolicy.defaults().with(Procedure.CORPORATE, Period.ofYears(6)));
    }

    @Test
    void aPeriodThatIsNotPositiveIsRefusedNamingTheProcedure() {
        for (Period bad : new Period[] {Period.ZERO, Period.ofDays(-1), Period.of(1, -1, 0)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RetentionPolicy.defaults().with(Procedure.CHILDRENS_SOCIAL_CARE, bad));
            assertEquals("retention period of CHILDRENS_SOCIAL_CARE must be positive, was " + bad, e.getMessage());
        }
        assertEquals(Period.ofDays(1),
                RetentionPolicy.defaults().with(Procedure.CORPORATE, Period.ofDays(1)).period(Procedure.CORPORATE));
    }

    /** The bound a store is asked with never leaves out a complaint that expired. */
    @Test
    void everyExpiredComplaintClosedBeforeTheBoundTheStoreIsAskedFor() {
        qt().forAll(integers().between(0, 20_000), integers().between(0, 3000), integers().between(0, 2))
                .checkAssert((closedOffset, gap, kind) -> {
                    Period period = switch (kind) {
                        case 0 -> Period.ofYears(1 + gap % 10);
                        case 1 -> Period.ofMonths(1 + gap % 30);
                        default -> Period.ofDays(1 + gap % 400);
                    };
                    RetentionPolicy policy = RetentionPolicy.defaults();
                    for (Procedure p : Procedure.values()) {
                        policy = policy.with(p, period);
                    }
                    // near the end of a month, where adding months clamps the day; expired a day or two after
                    LocalDate closed = YearMonth.of(1995, 1).plusMonths(closedOffset % 400).atEndOfMonth()
                            .minusDays(closedOffset / 400 % 4);
                    LocalDate day = closed.plus(period).plusDays(1 + gap % 3);
                    // expired on day; its latest event is on the closing day, at worst its last instant
                    assertTrue(!LondonDays.endOf(closed).isAfter(policy.closedBefore(day)),
                            closed + " + " + period + " expired on " + day + ", bound " + policy.closedBefore(day));
                });
    }
}
