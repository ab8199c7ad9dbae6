-- an application's own script, run by the same Flyway as the store's (SchemaVersionTest)
CREATE TABLE app_table (id INTEGER NOT NULL PRIMARY KEY);
