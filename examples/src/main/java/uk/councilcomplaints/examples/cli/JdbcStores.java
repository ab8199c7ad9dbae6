package uk.councilcomplaints.examples.cli;

/**
 * Opens the JDBC store for {@code --db}, {@code --user} and {@code --password}: H2 (the default file under
 * {@code ./complaints-data/}) or PostgreSQL. The only class that knows the JDBC store module; this build
 * does not have that store yet.
 */
final class JdbcStores {

    private JdbcStores() {
    }

    static OpenStore open(StoreOptions options) {
        throw new CliException("the JDBC store is not available in this build; use --store memory");
    }
}
