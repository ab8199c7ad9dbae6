package uk.councilcomplaints.examples.cli;

import org.junit.jupiter.api.Test;

/**
 * {@code complaints briefing --db} on a real PostgreSQL: the same figures as in memory, cell by cell, and a second
 * run finds the story already there.
 */
class BriefingOnPostgresTest {

    @Test
    void postgresKeepsTheStoryAndGivesTheSameTablesAsMemory() {
        BriefingOnH2Test.keepsTheStoryAndGivesTheSameTablesAsMemory(TestPostgres.newMigratedDatabaseUrl());
    }
}
