package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errors print one clear line, with no stack trace unless --verbose, and exit non-zero. */
class ErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report by-type --store memory --as-of 2022-13-01|2|"
                + "complaints report by-type: Invalid value for option '--as-of': '2022-13-01' is not a date "
                + "(use 2022-01-14 or 14/01/2022) (see complaints report by-type --help)",
        "sla --store memory --as-of 31/02/2022|2|complaints sla: Invalid value for option '--as-of': '31/02/2022' "
                + "is not a date (use 2022-01-14 or 14/01/2022) (see complaints sla --help)",
        "report by-service --store memory --known-at yesterday|2|complaints report by-service: Invalid value for "
                + "option '--known-at': 'yesterday' is not an instant (use 2021-12-01T12:00:00Z, or 2021-12-01T12:00 "
                + "for London time) (see complaints report by-service --help)",
        "report statutory-annual --store memory --year-ending 2022-03-30|1|complaints report statutory-annual: the "
                + "statutory year ends on 31 March, not 2022-03-30",
        "report by-service --store memory --cohort-open-on 2022-01-15 --as-of 2022-01-13|1|complaints report "
                + "by-service: the cohort is the cases open at the start of 2022-01-15, after the as-of day 2022-01-13 "
                + "has ended; report it as of 2022-01-14 or later",
        "report by-service --store memory --cohort-open-on 2021-12-01 --from 2021-11-01 --to 2021-11-30|2|complaints "
                + "report by-service: give either --cohort-open-on or --from/--to, not both (see complaints report "
                + "by-service --help)",
        "report by-type --store memory --from 2021-11-01|2|complaints report by-type: --from and --to go together "
                + "(see complaints report by-type --help)",
        "import --store memory no-such-file.csv|1|complaints import: no-such-file.csv: no such file",
        "report|2|complaints report: give a report: by-service, by-type, burn-down, workload, sla-performance, "
                + "statutory-annual, non-complaints, monthly-trend, sla-by-officer, sla-by-service, ageing, "
                + "code-annual or tenant-satisfaction (see complaints report --help)",
        "bogus|2|complaints: Unmatched argument at index 0: 'bogus' (see complaints --help)",
        "breifing|2|complaints: Unmatched argument at index 0: 'breifing' (did you mean briefing? see complaints "
                + "--help)",
        "briefing --store disk|2|complaints briefing: Invalid value for option '--store': expected one of [MEMORY, "
                + "JDBC] (case-insensitive) but was 'disk' (see complaints briefing --help)"})
    void oneClearLineAndANonZeroExit(String args, int exitCode, String message) {
        Cli.Result run = Cli.run(args.split(" "));
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals(message + System.lineSeparator(), run.err());
        assertEquals("", run.out());
        assertNoStackTrace(run.err());
    }

    @Test
    void verbosePrintsTheStackTraceToo() {
        Cli.Result run = Cli.run("report", "statutory-annual", "--store", "memory", "--year-ending", "2022-03-30",
                "--verbose");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("java.lang.IllegalArgumentException: the statutory year ends on 31 March"),
                run.err());
        assertTrue(run.err().contains("\tat "), run.err());
        assertTrue(run.err().strip().endsWith("the statutory year ends on 31 March, not 2022-03-30"), run.err());
    }

    @Test
    void helpExplainsEachSubcommandAndExitsZero() {
        for (String command : new String[] {"briefing", "import", "sla", "report by-service", "report burn-down"}) {
            String[] args = (command + " --help").split(" ");
            Cli.Result run = Cli.run(args);
            assertEquals(0, run.exitCode(), command);
            assertTrue(run.out().startsWith("Usage: complaints " + command), run.out());
            assertTrue(run.out().contains("--db=JDBC_URL") && run.out().contains("--store=memory|jdbc"), run.out());
        }
        Cli.Result none = Cli.run();
        assertNotEquals(0, none.exitCode());
        assertTrue(none.err().startsWith("complaints: give a command"), none.err());
    }

    private static void assertNoStackTrace(String err) {
        assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
        assertEquals(1, err.lines().count(), err);
    }
}
