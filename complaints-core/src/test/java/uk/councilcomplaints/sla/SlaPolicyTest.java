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
import static uk.councilcomplaints.model.Procedure.HOUSING;
import static uk.councilcomplaints.model.Stage.STAGE_1;
import static uk.councilcomplaints.model.Stage.STAGE_2;
import static uk.councilcomplaints.model.Stage.STAGE_3;
import static uk.councilcomplaints.sla.StageTarget.ResponseFrom.ACKNOWLEDGEMENT;
import static uk.councilcomplaints.sla.StageTarget.ResponseFrom.PANEL_REPORT;
import static uk.councilcomplaints.sla.StageTarget.ResponseFrom.RECEIPT;

import java.time.LocalDate;
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

    private static StageTarget corporate(int acknowledge, int response, int extension) {
        return new StageTarget(acknowledge, response, ACKNOWLEDGEMENT, extension, Optional.empty());
    }

    private static StageTarget stage3(int acknowledge, int response) {
        return new StageTarget(acknowledge, response, PANEL_REPORT, 0, Optional.empty());
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
        assertEquals(new StageTarget(3, 15, PANEL_REPORT, 0, Optional.empty()),
                defaults.target(CHILDRENS_SOCIAL_CARE, STAGE_3), "the council responds within 15 of the report");
        assertEquals(new Stage3Timescales(30, 5, 15), defaults.childrensStage3());
    }

    @Test
    void corporateDefaults() {
        assertEquals(new StageTarget(5, 10, ACKNOWLEDGEMENT, 10, Optional.empty()), defaults.target(CORPORATE, STAGE_1));
        assertEquals(new StageTarget(5, 20, ACKNOWLEDGEMENT, 20, Optional.empty()), defaults.target(CORPORATE, STAGE_2));
    }

    @Test
    void housingDefaultsAreTheCorporateOnes() {
        assertEquals(new StageTarget(5, 10, ACKNOWLEDGEMENT, 10, Optional.empty()), defaults.target(HOUSING, STAGE_1));
        assertEquals(new StageTarget(5, 20, ACKNOWLEDGEMENT, 20, Optional.empty()), defaults.target(HOUSING, STAGE_2));
        assertRejected(() -> defaults.target(HOUSING, STAGE_3), "HOUSING", "Stage 3", "its last stage is Stage 2");
    }

    @Test
    void atRiskAndPauseDefaults() {
        assertEquals(2, defaults.atRiskWorkingDays());
        assertTrue(defaults.pauseAllowed(CORPORATE));
        assertTrue(defaults.pauseAllowed(HOUSING));
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
        SlaPolicy other = SlaPolicy.builder().atRiskWorkingDays(defaults.atRiskWorkingDays() + 1).build();
        assertNotEquals(defaults, other);
        assertNotEquals(defaults.hashCode(), other.hashCode(), "a policy's settings go into its hash");
    }

    @Test
    void builderOverridesEachSetting() {
        StageTarget corporateStage1 = corporate(2, 8, 5);
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
    void builderAcceptsTheLimitsOfEachProcedure() {
        SlaPolicy policy = SlaPolicy.builder()
                .triage(48, HourKind.CALENDAR)
                .target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(10, 10, 10))
                .target(CHILDRENS_SOCIAL_CARE, STAGE_2, target(25, 25, 40))
                .target(CHILDRENS_SOCIAL_CARE, STAGE_3, stage3(30, 15))
                .childrensStage3(new Stage3Timescales(30, 5, 15))
                .target(CORPORATE, STAGE_1, corporate(5, 10, 10))
                .target(CORPORATE, STAGE_2, corporate(5, 20, 20))
                .target(ADULT_SOCIAL_CARE, STAGE_1, new StageTarget(3, SlaPolicy.ADULT_MAX_RESPONSE_WORKING_DAYS,
                        RECEIPT, 0, Optional.of(Period.ofDays(181))))
                .build();
        assertEquals(10, policy.target(CHILDRENS_SOCIAL_CARE, STAGE_1).maxExtensionWorkingDays());
        assertEquals(40, policy.target(CHILDRENS_SOCIAL_CARE, STAGE_2).maxExtensionWorkingDays());
        assertEquals(20, policy.target(CORPORATE, STAGE_2).maxExtensionWorkingDays());
        assertEquals(Optional.of(Period.ofDays(181)), policy.target(ADULT_SOCIAL_CARE, STAGE_1).responseLimit());
    }

    @Test
    void aCouncilMaySetShorterTargets() {
        SlaPolicy policy = SlaPolicy.builder()
                .target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(1, 5, 0))
                .target(CORPORATE, STAGE_2, corporate(2, 15, 5))
                .childrensStage3(new Stage3Timescales(20, 3, 10))
                .build();
        assertEquals(target(1, 5, 0), policy.target(CHILDRENS_SOCIAL_CARE, STAGE_1));
        assertEquals(corporate(2, 15, 5), policy.target(CORPORATE, STAGE_2));
        assertEquals(new Stage3Timescales(20, 3, 10), policy.childrensStage3());
        assertEquals(stage3(3, 10), policy.target(CHILDRENS_SOCIAL_CARE, STAGE_3), "the council's response");
    }

    @Test
    void theDefaultAdultResponseFitsInsideSixMonthsFromAnyDayOfReceipt() {
        // the fewest working days any 6 months hold, from the day after receipt to the day before the same
        // date 6 months later; the cap on the council's default may not exceed it
        WorkingCalendar calendar = WorkingCalendar.englandAndWales();
        int fewest = Integer.MAX_VALUE;
        for (LocalDate received = LocalDate.of(1990, 1, 1); received.getYear() < 2199;
                received = received.plusDays(1)) {
            fewest = Math.min(fewest, calendar.workingDaysBetween(received, received.plusMonths(6).minusDays(1)));
        }
        assertEquals(SlaPolicy.ADULT_MAX_RESPONSE_WORKING_DAYS, fewest);
    }

    @Test
    void builtPolicyIgnoresLaterBuilderChanges() {
        SlaPolicy.Builder builder = SlaPolicy.builder();
        SlaPolicy first = builder.build();
        builder.triage(24, HourKind.WORKING)
                .target(CORPORATE, STAGE_2, corporate(1, 1, 1))
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
        assertRejected(() -> builder.target(CORPORATE, STAGE_2, corporate(-1, 10, 0)),
                "CORPORATE Stage 2", "acknowledgeWorkingDays -1");
        assertRejected(() -> builder.target(CORPORATE, STAGE_2, corporate(5, 0, 0)),
                "CORPORATE Stage 2", "responseWorkingDays 0");
        assertRejected(() -> builder.target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(3, -10, 0)),
                "CHILDRENS_SOCIAL_CARE Stage 1", "responseWorkingDays -10");
        assertRejected(() -> builder.target(CORPORATE, STAGE_1, corporate(5, 10, -2)),
                "CORPORATE Stage 1", "maxExtensionWorkingDays -2");
        assertRejected(() -> builder.childrensStage3(new Stage3Timescales(0, 5, 15)),
                "CHILDRENS_SOCIAL_CARE Stage 3", "panelWithinWorkingDays 0");
        assertRejected(() -> builder.atRiskWorkingDays(-1), "atRiskWorkingDays", "-1");
        assertEquals(defaults, builder.build(), "rejected values leave the builder unchanged");
    }

    @Test
    void rejectsChildrensTargetsBeyondTheRegulationsEachCappedOnItsOwn() {
        // stage 1: 10 working days, extendable by 10; 20 days with no extension is still too long
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(3, 20, 0)),
                "CHILDRENS_SOCIAL_CARE Stage 1: responseWorkingDays 20 exceeds the limit of 10 working days");
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(3, 11, 0)),
                "CHILDRENS_SOCIAL_CARE Stage 1", "responseWorkingDays 11", "limit of 10");
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(3, 5, 11)),
                "CHILDRENS_SOCIAL_CARE Stage 1", "maxExtensionWorkingDays 11", "limit of 10");
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(11, 10, 10)),
                "CHILDRENS_SOCIAL_CARE Stage 1", "acknowledgeWorkingDays 11", "limit of 10");
        // stage 2: 25, extendable to 65
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_2, target(3, 26, 0)),
                "CHILDRENS_SOCIAL_CARE Stage 2", "responseWorkingDays 26", "limit of 25");
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_2, target(3, 25, 41)),
                "CHILDRENS_SOCIAL_CARE Stage 2", "maxExtensionWorkingDays 41", "limit of 40");
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_2, target(3, 65, 0)),
                "CHILDRENS_SOCIAL_CARE Stage 2", "responseWorkingDays 65", "limit of 25");
        // stage 3: three milestones, 30, 5 and 15, none extendable
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_3, stage3(3, 16)),
                "CHILDRENS_SOCIAL_CARE Stage 3", "responseWorkingDays 16", "limit of 15");
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_3,
                        new StageTarget(3, 15, PANEL_REPORT, 1, Optional.empty())),
                "CHILDRENS_SOCIAL_CARE Stage 3", "maxExtensionWorkingDays 1", "limit of 0");
        assertRejected(() -> SlaPolicy.builder().childrensStage3(new Stage3Timescales(31, 5, 15)),
                "CHILDRENS_SOCIAL_CARE Stage 3", "panelWithinWorkingDays 31", "limit of 30");
        assertRejected(() -> SlaPolicy.builder().childrensStage3(new Stage3Timescales(30, 6, 15)),
                "CHILDRENS_SOCIAL_CARE Stage 3", "reportWithinWorkingDays 6", "limit of 5");
        assertRejected(() -> SlaPolicy.builder().childrensStage3(new Stage3Timescales(30, 5, 16)),
                "CHILDRENS_SOCIAL_CARE Stage 3", "responseWorkingDays 16", "limit of 15");
        assertRejected(() -> SlaPolicy.builder()
                        .target(CHILDRENS_SOCIAL_CARE, STAGE_1, target(3, 10, Integer.MAX_VALUE)),
                "CHILDRENS_SOCIAL_CARE Stage 1", "maxExtensionWorkingDays " + Integer.MAX_VALUE);
    }

    @Test
    void rejectsCorporateTargetsBeyondTheCode() {
        assertRejected(() -> SlaPolicy.builder().target(CORPORATE, STAGE_1, corporate(5, 10, 11)),
                "CORPORATE Stage 1", "maxExtensionWorkingDays 11", "limit of 10 working days");
        assertRejected(() -> SlaPolicy.builder().target(CORPORATE, STAGE_1, corporate(5, 11, 0)),
                "CORPORATE Stage 1", "responseWorkingDays 11", "limit of 10");
        assertRejected(() -> SlaPolicy.builder().target(CORPORATE, STAGE_1, corporate(6, 10, 10)),
                "CORPORATE Stage 1", "acknowledgeWorkingDays 6", "limit of 5");
        // stage 2 with 30 days to acknowledge and 500 days of extension
        assertRejected(() -> SlaPolicy.builder().target(CORPORATE, STAGE_2, corporate(30, 20, 20)),
                "CORPORATE Stage 2", "acknowledgeWorkingDays 30", "limit of 5");
        assertRejected(() -> SlaPolicy.builder().target(CORPORATE, STAGE_2, corporate(5, 20, 500)),
                "CORPORATE Stage 2", "maxExtensionWorkingDays 500", "limit of 20");
        assertRejected(() -> SlaPolicy.builder().target(CORPORATE, STAGE_2, corporate(5, 21, 0)),
                "CORPORATE Stage 2", "responseWorkingDays 21", "limit of 20");
    }

    @Test
    void rejectsHousingTargetsBeyondTheHousingOmbudsmanCode() {
        String code = "Housing Ombudsman Complaint Handling Code 2024";
        assertRejected(() -> SlaPolicy.builder().target(HOUSING, STAGE_1, corporate(5, 10, 11)),
                "HOUSING Stage 1", "maxExtensionWorkingDays 11", "limit of 10 working days", code);
        assertRejected(() -> SlaPolicy.builder().target(HOUSING, STAGE_1, corporate(5, 11, 0)),
                "HOUSING Stage 1", "responseWorkingDays 11", "limit of 10", code);
        assertRejected(() -> SlaPolicy.builder().target(HOUSING, STAGE_1, corporate(6, 10, 10)),
                "HOUSING Stage 1", "acknowledgeWorkingDays 6", "limit of 5", code);
        assertRejected(() -> SlaPolicy.builder().target(HOUSING, STAGE_2, corporate(6, 20, 20)),
                "HOUSING Stage 2", "acknowledgeWorkingDays 6", "limit of 5", code);
        assertRejected(() -> SlaPolicy.builder().target(HOUSING, STAGE_2, corporate(5, 20, 21)),
                "HOUSING Stage 2", "maxExtensionWorkingDays 21", "limit of 20", code);
        assertRejected(() -> SlaPolicy.builder().target(HOUSING, STAGE_2, corporate(5, 21, 0)),
                "HOUSING Stage 2", "responseWorkingDays 21", "limit of 20", code);
        assertRejected(() -> SlaPolicy.builder().target(HOUSING, STAGE_1, target(5, 10, 10)),
                "HOUSING Stage 1", "responseFrom RECEIPT must be ACKNOWLEDGEMENT");
        SlaPolicy shorter = SlaPolicy.builder().target(HOUSING, STAGE_2, corporate(3, 15, 10))
                .pauseAllowed(HOUSING, false).build();
        assertEquals(corporate(3, 15, 10), shorter.target(HOUSING, STAGE_2));
        assertEquals(defaults.target(CORPORATE, STAGE_2), shorter.target(CORPORATE, STAGE_2), "corporate unchanged");
        assertFalse(shorter.pauseAllowed(HOUSING));
        assertTrue(shorter.pauseAllowed(CORPORATE));
    }

    @Test
    void rejectsAResponseClockStartedElsewhereThanTheProcedureSays() {
        assertRejected(() -> SlaPolicy.builder().target(CORPORATE, STAGE_1, target(5, 10, 10)),
                "CORPORATE Stage 1", "responseFrom RECEIPT must be ACKNOWLEDGEMENT");
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_2, corporate(3, 25, 40)),
                "CHILDRENS_SOCIAL_CARE Stage 2", "responseFrom ACKNOWLEDGEMENT must be RECEIPT");
        assertRejected(() -> SlaPolicy.builder().target(CHILDRENS_SOCIAL_CARE, STAGE_3, target(3, 15, 0)),
                "CHILDRENS_SOCIAL_CARE Stage 3", "responseFrom RECEIPT must be PANEL_REPORT");
        assertRejected(() -> SlaPolicy.builder().target(ADULT_SOCIAL_CARE, STAGE_1,
                        new StageTarget(3, 20, PANEL_REPORT, 0, Optional.of(Period.ofMonths(6)))),
                "ADULT_SOCIAL_CARE Stage 1", "responseFrom PANEL_REPORT must be RECEIPT");
    }

    @Test
    void rejectsAdultTargetsBeyondTheRegulations() {
        assertRejected(() -> SlaPolicy.builder().target(ADULT_SOCIAL_CARE, STAGE_1,
                        new StageTarget(30, 20, RECEIPT, 0, Optional.of(Period.ofMonths(6)))),
                "ADULT_SOCIAL_CARE Stage 1", "acknowledgeWorkingDays 30", "limit of 3");
        assertRejected(() -> SlaPolicy.builder().target(ADULT_SOCIAL_CARE, STAGE_1,
                        new StageTarget(4, 20, RECEIPT, 0, Optional.of(Period.ofMonths(6)))),
                "ADULT_SOCIAL_CARE Stage 1", "acknowledgeWorkingDays 4", "limit of 3");
        assertRejected(() -> SlaPolicy.builder().target(ADULT_SOCIAL_CARE, STAGE_1,
                        new StageTarget(3, 121, RECEIPT, 0, Optional.of(Period.ofMonths(6)))),
                "ADULT_SOCIAL_CARE Stage 1", "responseWorkingDays 121", "limit of 120");
        assertRejected(() -> SlaPolicy.builder().target(ADULT_SOCIAL_CARE, STAGE_1,
                        new StageTarget(3, 20, RECEIPT, 5, Optional.of(Period.ofMonths(6)))),
                "ADULT_SOCIAL_CARE Stage 1", "maxExtensionWorkingDays 5", "limit of 0");
    }

    @Test
    void theSixMonthsBeginOnTheDayOfReceipt() {
        StageTarget adults = defaults.target(ADULT_SOCIAL_CARE, STAGE_1);
        assertEquals(Optional.of(LocalDate.of(2022, 9, 14)), adults.responseLimitEnds(LocalDate.of(2022, 3, 15)));
        assertEquals(Optional.of(LocalDate.of(2022, 8, 31)), adults.responseLimitEnds(LocalDate.of(2022, 3, 1)));
        assertEquals(Optional.empty(), defaults.target(CORPORATE, STAGE_1).responseLimitEnds(LocalDate.of(2022, 3, 1)));
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
