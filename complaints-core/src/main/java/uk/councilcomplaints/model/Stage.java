package uk.councilcomplaints.model;

import java.util.Optional;

/** A stage of a complaints procedure. */
public enum Stage {
    STAGE_1(1),
    STAGE_2(2),
    STAGE_3(3);

    private final int number;

    Stage(int number) {
        this.number = number;
    }

    /** 1, 2 or 3. */
    public int number() {
        return number;
    }

    /** The next stage, if there is one. */
    public Optional<Stage> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /** The stage with the given number. */
    public static Stage of(int number) {
        for (Stage stage : values()) {
            if (stage.number == number) {
                return stage;
            }
        }
        throw new IllegalArgumentException("stage must be 1, 2 or 3, was " + number);
    }

    @Override
    public String toString() {
        return "Stage " + number;
    }
}
