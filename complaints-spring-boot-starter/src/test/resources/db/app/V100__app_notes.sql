-- the app's own table, migrated by the same Flyway as the complaints store's
CREATE TABLE app_notes (
    id        BIGINT       NOT NULL PRIMARY KEY,
    note      VARCHAR(200) NOT NULL
);
