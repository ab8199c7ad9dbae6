package uk.councilcomplaints.spring.boot;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the app's Flyway was configured with the store's migration locations, and with which history table:
 * set when Spring Boot builds the {@code Flyway} bean. Names no Flyway type, so that it can be asked without
 * Flyway on the classpath.
 */
final class FlywayStoreScripts {

    /** The history table {@code ComplaintsSchema.validate} recognises as Flyway's. */
    static final String VALIDATED_TABLE = "flyway_schema_history";

    private volatile Optional<String> table = Optional.empty();

    /** Records that Flyway will run the store's scripts, recording them in {@code historyTable}. */
    void added(String historyTable) {
        table = Optional.of(historyTable);
    }

    /** The history table, when Flyway was given the store's scripts. */
    Optional<String> table() {
        return table;
    }

    /** Whether {@code ComplaintsSchema.validate} will find the scripts Flyway applied. */
    boolean validatable() {
        return table.map(t -> t.toLowerCase(Locale.ROOT).equals(VALIDATED_TABLE)).orElse(false);
    }
}
