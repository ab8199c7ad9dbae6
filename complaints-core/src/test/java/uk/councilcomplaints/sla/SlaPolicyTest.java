package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.model.Procedure.ADULT_SOCIAL_CARE;
import static uk.councilcomplaints.model.Procedure.CHILDRENS_SOCIAL_CARE;
import static uk.councilcomplaints.model.Procedure.CORPORATE;
import static uk.councilcomplaints.model.Stage.STAGE_1;
import static uk.councilcomplaints.model.Stage.STAGE_2;
import static uk.councilcomplaints.model.Stage.STAGE_3;
import static uk.councilcomplaints.sla.StageTarget.ResponseFrom.ACKNOWLEDGEMENT;
import static uk.councilcomplaints.sla.StageTarget.ResponseFrom.RECEIPT;

import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.TriageTarget.HourKind;

class SlaPolicyTest {

    private final SlaPolicy defaults = SlaPolicy.englandDefaults();

    private static StageTarget target(int acknowledge, int response, int extension) {
        return new StageTarget(acknowledge, response, RECEIPT, extension, Optional.empty());
    }

    private static StageTarget adults(Period limit) {
        return new StageTarget(3, 20, RECEIPT, 0, Optional.of(limit));
    }

    /** Asserts the call is rejected with a message that contains every part. */
    private static void assertRejected(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' names '" + part + "'");
        }
    }

    @Test
    void triageDefaultsTo48WorkingHours() {
        assertEquals(new TriageTarget(48, HourKind.WORKING), defaults.triage());
    }

    @Test
    void adultSocialCareDefaults() {
        assertEquals(new StageTarget(3, 20, RECEIPT, 0, Optional.of(Period.ofMonths(6))),
                defaults.target(ADULT_SOCIAL_CARE, STAGE_1));
    }

    @Test
    void childrensSocialCareDefaults() {
        assertEquals(new StageTarget(3, 10, RECEIPT, 10, Optional.empty()), defaults.target(CHILDRENS_SOCIAL_CARE, STAGE_1));
        assertEquals(new StageTarget(3, 25, RECEIPT, 40, Optional.empty()), defaults.target(CHILDRENS_SOCIAL_CARE, STAGE_2));
        assertEquals(new StageTarget(3, 50, RECEIPT, 0, Optional.empty()), defaults.target(CHILDRENS_SOCIAL_CARE, STAGE_3));
        assertEquals(new Stage3Timescales(30, 5, 15), defaults.childrensStage3());
    }

    @Test
    void corporateDefaults() {
        assertEquals(new StageTarget(5, 10, ACKNOWLEDGEMENT, 10, Optional.empty()), defaults.target(CORPORATE, STAGE_1));
        assertEquals(new StageTarget(5, 20, ACKNOWLEDGEMENT, 20, Optional.empty()), defaults.target(CORPORATE, STAGE_2));
    }

    @Test
    void atRiskAndPauseDefaults() {
        assertEquals(2, defaults.atRiskWorkingDays());
        assertTrue(defaults.pauseAllowed(CORPORATE));
        assertFalse(defaults.pauseAllowed(ADULT_SOCIAL_CARE));
        assertFalse(defaults.pauseAllowed(CHILDRENS_SOCIAL_CARE));
    }

    @Test
    void everyStageOfEveryProcedureHasATargetAndNoOther() {
        for (Procedure procedure : Procedure.values()) {
            for (Stage stage : Stage.values()) {
                if (procedure.hasStage(stage)) {
                    assertTrue(defaults.target(procedure, stage).responseWorkingDays() > 0);
                } else {
                    assertRejected(() -> defaults.target(procedure, stage), procedure.name(), stage.toString());
                }
            }
        }
    }

    @Test
    void defaultsAreSharedAndEqualToAFreshBuilder() {
        assertSame(defaults, SlaPolicy.englandDefaults());
        assertEquals(defaults, SlaPolicy.builder().build());
        assertEquals(defaults.hashCode(), SlaPolicy.builder().build().hashCode());
    }

    @Test
    void builderOverridesEachSetting() {
        StageTarget corporateStage1 = new StageTarget(2, 8, RECEIPT, 5, Optional.empty());
        StageTarget adultsTarget = new StageTarget(2, 15, RECEIPT, 0, Optional.of(Period.ofMonths(3)));
        SlaPolicy policy = SlaPolicy.builder()
                .triage(24, HourKind.CALENDAR)
                .target(CORPORATE, STAGE_1, corporateStage1)
                .target(ADULT_SOCIAL_CARE, STAGE_1, adultsTarget)
                .atRiskWorkingDays(0)
                .pauseAllowed(CORPORATE, false)
                .pauseAllowed(ADULT_SOCIAL_CARE, true)
                .build();
        assertEquals(new TriageTarget(24, HourKind.CALENDAR), policy.triage());
        assertEquals(corporateStage1, policy.target(CORPORATE, STAGE_1));
        assertEquals(adultsTarget, policy.target(ADULT_SOCIAL_CARE, STAGE_1));
        assertEquals(defaults.target(CORPORATE, STAGE_2), policy.target(CORPORATE, STAGE_2), "others unchanged");
        assertEquals(0, policy.atRiskWorkingDays());
        assertFalse(policy.pauseAllowed(CORPORATE));
        assertTrue(policy.pauseAllowed(ADULT_SOCIAL_CARE));
        assertNotEquals(defaults, policy);
        assertEquals(new TriageTarget(48, HourKind.WORKING), defaults.triage(), "defaults unchanged");
    }

    @Test
    void builderAcceptsTheStatutoryMaximums() {
        SlaPolicy policy = SlaPolicy.builder()
                .triage(48, HourKind.CALENDAR)
                .target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(3, 5, 15))
                .target(CHILDRENS_SOCIAL_CARE, STAGE_2, target(3, 65, 0))
                .target(CHILDRENS_SOCIAL_CARE, STAGE_3, target(3, 40, 10))
                .target(CORPORATE, STAGE_1, target(0, 1, 10))
                .target(ADULT_SOCIAL_CARE, STAGE_1, adults(Period.ofDays(181)))
                .build();
        assertEquals(15, policy.target(CHILDRENS_SOCIAL_CARE, STAGE_1).maxExtensionWorkingDays());
        assertEquals(Optional.of(Period.ofDays(181)), policy.target(ADULT_SOCIAL_CARE, STAGE_1).responseLimit());
    }

    @Test
    void builtPolicyIgnoresLaterBuilderChanges() {
        SlaPolicy.Builder builder = SlaPolicy.builder();
        SlaPolicy first = builder.build();
        builder.triage(24, HourKind.WORKING)
                .target(CORPORATE, STAGE_2, target(1, 1, 1))
                .atRiskWorkingDays(5)
                .pauseAllowed(CHILDRENS_SOCIAL_CARE, true);
        assertEquals(defaults, first);
        assertEquals(48, first.triage().hours());
        assertFalse(first.pauseAllowed(CHILDRENS_SOCIAL_CARE));
    }

    @Test
    void rejectsTriageHoursOtherThan24Or48() {
        for (int hours : List.of(0, -24, 12, 36, 72)) {
            assertRejected(() -> SlaPolicy.builder().triage(hours, HourKind.WORKING), "triage", String.valueOf(hours));
        }
        assertThrows(NullPointerException.class, () -> SlaPolicy.builder().triage(24, null));
    }

    @Test
    void rejectsStagesTheProcedureDoesNotHave() {
        assertRejected(() -> SlaPolicy.builder().target(CORPORATE, STAGE_3, target(5, 10, 0)), "CORPORATE", "Stage 3");
        assertRejected(() -> SlaPolicy.builder().target(ADULT_SOCIAL_CARE, STAGE_2, target(3, 10, 0)),
                "ADULT_SOCIAL_CARE", "Stage 2");
        assertRejected(() -> defaults.target(ADULT_SOCIAL_CARE, STAGE_3), "ADULT_SOCIAL_CARE", "Stage 3");
    }

    @Test
    void rejectsNegativeNumbersAndANonPositiveResponse() {
        SlaPolicy.Builder builder = SlaPolicy.builder();
        assertRejected(() -> builder.target(CORPORATE, STAGE_2, target(-1, 10, 0)),
                "CORPORATE Stage 2", "acknowledgeWorkingDays -1");
        assertRejected(() -> builder.target(CORPORATE, STAGE_2, target(5, 0, 0)),
                "CORPORATE Stage 2", "responseWorkingDays 0");
        assertRejected(() -> builder.target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(3, -10, 0)),
                "CHILDRENS_SOCIAL_CARE Stage 1", "responseWorkingDays -10");
        assertRejected(() -> builder.target(CORPORATE, STAGE_1, target(5, 10, -2)),
                "CORPORATE Stage 1", "maxExtensionWorkingDays -2");
        assertRejected(() -> builder.atRiskWorkingDays(-1), "atRiskWorkingDays", "-1");
        assertEquals(defaults, builder.build(), "rejected values leave the builder unchanged");
    }

    @Test
    void rejectsChildrensTargetsBeyondTheStatutoryTotals() {
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(3, 10, 15)),
                "CHILDRENS_SOCIAL_CARE Stage 1: maxExtensionWorkingDays 15 exceeds the statutory limit "
                        + "(response + extension at most 20 working days)");
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(3, 21, 0)),
                "CHILDRENS_SOCIAL_CARE Stage 1", "responseWorkingDays 21", "20 working days");
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_2, target(3, 25, 41)),
                "CHILDRENS_SOCIAL_CARE Stage 2", "maxExtensionWorkingDays 41", "65 working days");
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_2, target(3, 66, 0)),
                "CHILDRENS_SOCIAL_CARE Stage 2", "responseWorkingDays 66", "65 working days");
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_3, target(3, 50, 1)),
                "CHILDRENS_SOCIAL_CARE Stage 3", "maxExtensionWorkingDays 1", "50 working days");
        assertRejected(() -> SlaPolicy.builder()
                        .target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(3, 10, Integer.MAX_VALUE)),
                "CHILDRENS_SOCIAL_CARE Stage 1", "maxExtensionWorkingDays " + Integer.MAX_VALUE);
    }

    @Test
    void rejectsACorporateStage1ExtensionOver10() {
        assertRejected(() -> SlaPolicy.builder().target(CORPORATE, STAGE_1, target(5, 10, 11)),
                "CORPORATE Stage 1", "maxExtensionWorkingDays 11", "statutory limit", "10 working days");
    }

    @Test
    void rejectsAnAdultResponseLimitOverSixMonthsOrMissing() {
        for (Period tooLong : List.of(Period.ofMonths(7), Period.of(0, 6, 1), Period.ofYears(1),
                Period.ofDays(185), Period.of(0, 5, 31), Period.ofDays(Integer.MAX_VALUE))) {
            assertRejected(() -> SlaPolicy.builder().target(ADULT_SOCIAL_CARE, STAGE_1, adults(tooLong)),
                    "ADULT_SOCIAL_CARE Stage 1", "responseLimit " + tooLong, "6 months");
        }
        assertRejected(() -> SlaPolicy.builder().target(ADULT_SOCIAL_CARE, STAGE_1,
                        new StageTarget(3, 20, RECEIPT, 0, Optional.empty())),
                "ADULT_SOCIAL_CARE Stage 1", "responseLimit", "6 months");
    }

    @Test
    void rejectsAResponseLimitThatIsNotPositive() {
        for (Period notPositive : List.of(Period.ZERO, Period.ofMonths(-1), Period.of(0, 3, -1))) {
            assertRejected(() -> SlaPolicy.builder().target(ADULT_SOCIAL_CARE, STAGE_1, adults(notPositive)),
                    "ADULT_SOCIAL_CARE Stage 1", "responseLimit " + notPositive, "positive");
        }
        assertRejected(() -> SlaPolicy.builder().target(CORPORATE, STAGE_1,
                        new StageTarget(5, 10, ACKNOWLEDGEMENT, 0, Optional.of(Period.ofDays(-3)))),
                "CORPORATE Stage 1", "responseLimit P-3D");
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new StageTarget(1, 1, null, 0, Optional.empty()));
        assertThrows(NullPointerException.class, () -> new StageTarget(1, 1, RECEIPT, 0, null));
        assertThrows(NullPointerException.class, () -> new TriageTarget(24, null));
        assertThrows(NullPointerException.class, () -> SlaPolicy.builder().target(null, STAGE_1, target(1, 1, 0)));
        assertThrows(NullPointerException.class, () -> SlaPolicy.builder().target(CORPORATE, null, target(1, 1, 0)));
        assertThrows(NullPointerException.class, () -> SlaPolicy.builder().target(CORPORATE, STAGE_1, null));
        assertThrows(NullPointerException.class, () -> SlaPolicy.builder().pauseAllowed(null, true));
        assertThrows(NullPointerException.class, () -> defaults.pauseAllowed(null));
    }
}
