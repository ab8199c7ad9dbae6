package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;
import static uk.councilcomplaints.model.Procedure.ADULT_SOCIAL_CARE;
import static uk.councilcomplaints.model.Procedure.CHILDRENS_SOCIAL_CARE;
import static uk.councilcomplaints.model.Procedure.CORPORATE;
import static uk.councilcomplaints.model.Stage.STAGE_1;
import static uk.councilcomplaints.model.Stage.STAGE_2;
import static uk.councilcomplaints.model.Stage.STAGE_3;
import static uk.councilcomplaints.sla.StageTarget.ResponseFrom.ACKNOWLEDGEMENT;
import static uk.councilcomplaints.sla.StageTarget.ResponseFrom.RECEIPT;

import com.google.common.collect.ImmutableTable;
import com.google.common.collect.Sets;
import com.google.common.collect.Table;
import com.google.common.collect.TreeBasedTable;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.TriageTarget.HourKind;

/**
 * The timescales a council applies to contacts and complaints: the triage target, the target of
 * each stage of each procedure, when a running clock counts as at risk, and which procedures allow
 * the clock to pause. Immutable; the builder rejects values beyond the statutory limits.
 */
public final class SlaPolicy {

    private static final Stage3Timescales CHILDRENS_STAGE_3 = new Stage3Timescales(30, 5, 15);
    private static final Period ADULT_RESPONSE_LIMIT = Period.ofMonths(6);

    private final TriageTarget triage;
    private final ImmutableTable<Procedure, Stage, StageTarget> targets;
    private final int atRiskWorkingDays;
    private final Set<Procedure> pauseAllowed;

    private SlaPolicy(Builder builder) {
        this.triage = builder.triage;
        this.targets = ImmutableTable.copyOf(builder.targets);
        this.atRiskWorkingDays = builder.atRiskWorkingDays;
        this.pauseAllowed = Sets.immutableEnumSet(builder.pauseAllowed);
    }

    /**
     * The defaults for England:
     *
     * <ul>
     *   <li>triage within 48 working hours;
     *   <li>adult social care: acknowledge within 3 working days; respond within 20 working days of
     *       receipt, the council's default target while no response date has been agreed with the
     *       complainant (the regulations set no number of days); no extensions, since the clock moves
     *       by an agreed response date instead; an agreed period of at most 6 months;
     *   <li>children's social care: acknowledge within 3 working days (council practice) at every
     *       stage; stage 1 response within 10 working days of receipt, extendable by 10; stage 2
     *       within 25 of the request, extendable by 40; stage 3 within 50 of the request (see
     *       {@link #childrensStage3()}), not extendable;
     *   <li>corporate: acknowledge within 5 working days; stage 1 response within 10 working days of
     *       acknowledgement, extendable by 10; stage 2 within 20, extendable by 20;
     *   <li>at risk when due within 2 working days; pausing allowed for the corporate procedure only.
     * </ul>
     */
    public static SlaPolicy englandDefaults() {
        return Defaults.INSTANCE;
    }

    /** A builder that starts from {@link #englandDefaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** How soon a new contact must be triaged. */
    public TriageTarget triage() {
        return triage;
    }

    /**
     * The target for a stage of a procedure.
     *
     * @throws IllegalArgumentException if the procedure has no such stage
     */
    public StageTarget target(Procedure procedure, Stage stage) {
        checkHasStage(procedure, stage);
        return requireNonNull(targets.get(procedure, stage));
    }

    /** The statutory milestones of stage 3 of the children's social care procedure: 30, 5 and 15 working days. */
    public Stage3Timescales childrensStage3() {
        return CHILDRENS_STAGE_3;
    }

    /** A running clock is at risk when it is due within this many working days. */
    public int atRiskWorkingDays() {
        return atRiskWorkingDays;
    }

    /** Whether the procedure's clock may pause while the council waits for the complainant. */
    public boolean pauseAllowed(Procedure procedure) {
        return pauseAllowed.contains(requireNonNull(procedure, "procedure"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SlaPolicy that
                && triage.equals(that.triage)
                && targets.equals(that.targets)
                && atRiskWorkingDays == that.atRiskWorkingDays
                && pauseAllowed.equals(that.pauseAllowed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(triage, targets, atRiskWorkingDays, pauseAllowed);
    }

    @Override
    public String toString() {
        return "SlaPolicy[triage=" + triage + ", targets=" + targets.rowMap() + ", atRiskWorkingDays="
                + atRiskWorkingDays + ", pauseAllowed=" + pauseAllowed + "]";
    }

    private static void checkHasStage(Procedure procedure, Stage stage) {
        requireNonNull(procedure, "procedure");
        requireNonNull(stage, "stage");
        if (!procedure.hasStage(stage)) {
            throw new IllegalArgumentException(
                    procedure + " has no " + stage + " (its last stage is " + procedure.lastStage() + ")");
        }
    }

    /** Changes the defaults; every setter validates its values at once. */
    public static final class Builder {
        private TriageTarget triage = new TriageTarget(48, HourKind.WORKING);
        private final Table<Procedure, Stage, StageTarget> targets = TreeBasedTable.create();
        private int atRiskWorkingDays = 2;
        private final Set<Procedure> pauseAllowed = EnumSet.of(CORPORATE);

        private Builder() {
            target(ADULT_SOCIAL_CARE, STAGE_1, new StageTarget(3, 20, RECEIPT, 0, Optional.of(ADULT_RESPONSE_LIMIT)));
            target(CHILDRENS_SOCIAL_CARE, STAGE_1, new StageTarget(3, 10, RECEIPT, 10, Optional.empty()));
            target(CHILDRENS_SOCIAL_CARE, STAGE_2, new StageTarget(3, 25, RECEIPT, 40, Optional.empty()));
            target(CHILDRENS_SOCIAL_CARE, STAGE_3, new StageTarget(3, 50, RECEIPT, 0, Optional.empty()));
            target(CORPORATE, STAGE_1, new StageTarget(5, 10, ACKNOWLEDGEMENT, 10, Optional.empty()));
            target(CORPORATE, STAGE_2, new StageTarget(5, 20, ACKNOWLEDGEMENT, 20, Optional.empty()));
        }

        /**
         * Sets the triage target.
         *
         * @throws IllegalArgumentException unless {@code hours} is 24 or 48
         */
        public Builder triage(int hours, HourKind kind) {
            requireNonNull(kind, "kind");
            if (hours != 24 && hours != 48) {
                throw new IllegalArgumentException("triage hours must be 24 or 48, was " + hours);
            }
            this.triage = new TriageTarget(hours, kind);
            return this;
        }

        /**
         * Sets the target for a stage of a procedure.
         *
         * @throws IllegalArgumentException if the procedure has no such stage, a number is negative,
         *     the response time is not positive, or a statutory limit is exceeded
         */
        public Builder target(Procedure procedure, Stage stage, StageTarget target) {
            checkHasStage(procedure, stage);
            requireNonNull(target, "target");
            StageTargetRules.check(procedure, stage, target);
            targets.put(procedure, stage, target);
            return this;
        }

        /**
         * Sets how many working days before it is due a running clock counts as at risk.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder atRiskWorkingDays(int workingDays) {
            if (workingDays < 0) {
                throw new IllegalArgumentException("atRiskWorkingDays must not be negative, was " + workingDays);
            }
            this.atRiskWorkingDays = workingDays;
            return this;
        }

        /** Sets whether the procedure's clock may pause while the council waits for the complainant. */
        public Builder pauseAllowed(Procedure procedure, boolean allowed) {
            requireNonNull(procedure, "procedure");
            if (allowed) {
                pauseAllowed.add(procedure);
            } else {
                pauseAllowed.remove(procedure);
            }
            return this;
        }

        /** A new policy; later changes to this builder do not affect it. */
        public SlaPolicy build() {
            return new SlaPolicy(this);
        }
    }

    /** The checks a stage target must pass, including the statutory limits. */
    private static final class StageTargetRules {

        private StageTargetRules() {}

        static void check(Procedure procedure, Stage stage, StageTarget target) {
            String where = procedure.name() + " " + stage + ": ";
            notNegative(where, "acknowledgeWorkingDays", target.acknowledgeWorkingDays());
            if (target.responseWorkingDays() <= 0) {
                throw new IllegalArgumentException(
                        where + "responseWorkingDays " + target.responseWorkingDays() + " must be positive");
            }
            notNegative(where, "maxExtensionWorkingDays", target.maxExtensionWorkingDays());
            target.responseLimit().ifPresent(limit -> {
                if (limit.isNegative() || limit.isZero()) {
                    throw new IllegalArgumentException(where + "responseLimit " + limit
                            + " must be positive (no negative parts)");
                }
            });
            switch (procedure) {
                case ADULT_SOCIAL_CARE -> checkAdultResponseLimit(where, target);
                case CHILDRENS_SOCIAL_CARE -> checkTotal(where, target, switch (stage) {
                    case STAGE_1 -> 20;
                    case STAGE_2 -> 65;
                    case STAGE_3 -> CHILDRENS_STAGE_3.panelWithinWorkingDays()
                            + CHILDRENS_STAGE_3.reportWithinWorkingDays()
                            + CHILDRENS_STAGE_3.councilResponseWithinWorkingDays();
                });
                case CORPORATE -> {
                    if (stage == STAGE_1 && target.maxExtensionWorkingDays() > 10) {
                        throw new IllegalArgumentException(where + "maxExtensionWorkingDays "
                                + target.maxExtensionWorkingDays()
                                + " exceeds the statutory limit (extension at most 10 working days)");
                    }
                }
            }
        }

        private static void notNegative(String where, String field, int value) {
            if (value < 0) {
                throw new IllegalArgumentException(where + field + " " + value + " must not be negative");
            }
        }

        private static void checkTotal(String where, StageTarget target, int limit) {
            String rule = " exceeds the statutory limit (response + extension at most " + limit + " working days)";
            if (target.responseWorkingDays() > limit) {
                throw new IllegalArgumentException(where + "responseWorkingDays " + target.responseWorkingDays() + rule);
            }
            if ((long) target.responseWorkingDays() + target.maxExtensionWorkingDays() > limit) {
                throw new IllegalArgumentException(
                        where + "maxExtensionWorkingDays " + target.maxExtensionWorkingDays() + rule);
            }
        }

        private static void checkAdultResponseLimit(String where, StageTarget target) {
            String rule = " the statutory limit (at most 6 months)";
            Period limit = target.responseLimit().orElseThrow(
                    () -> new IllegalArgumentException(where + "responseLimit must be set, to" + rule));
            if (mayEndAfterSixMonths(limit)) {
                throw new IllegalArgumentException(where + "responseLimit " + limit + " exceeds" + rule);
            }
        }

        /** Whether {@code period} ends later than 6 months for some start date (months vary in length). */
        private static boolean mayEndAfterSixMonths(Period period) {
            if (period.toTotalMonths() > ADULT_RESPONSE_LIMIT.toTotalMonths() || period.getDays() > 6 * 31) {
                return true;
            }
            // four years from a leap year meet every month length and every end-of-month case
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (LocalDate day = start; day.isBefore(start.plusYears(4)); day = day.plusDays(1)) {
                if (day.plus(period).isAfter(day.plus(ADULT_RESPONSE_LIMIT))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The England defaults, built once. */
    private static final class Defaults {
        static final SlaPolicy INSTANCE = new Builder().build();
    }
}
