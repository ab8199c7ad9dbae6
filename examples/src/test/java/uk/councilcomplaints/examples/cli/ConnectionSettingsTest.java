package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/**
 * Connection settings a DBA would accept: the password from COMPLAINTS_DB_PASSWORD, a file or a prompt, never an
 * argument; complaints.properties in the working folder or ~/.config/complaints/, the command line winning; a
 * PostgreSQL URL without a user refused in one line naming --user.
 */
class ConnectionSettingsTest {

    private static final String PG = "jdbc:postgresql://db.example.org/complaints";

    @TempDir
    Path dir;

    private final AtomicReference<StoreOptions> opened = new AtomicReference<>();

    /** Records the options a command opened its store with, and gives it an empty memory store. */
    private final StoreFactory recording = options -> {
        opened.set(options);
        return OpenStore.of(new InMemoryComplaintStore());
    };

    private CliEnvironment environment(Map<String, String> variables, boolean console) {
        return new CliEnvironment(variables::get, dir, dir.resolve("home"),
                console ? Optional.of(prompt -> "") : Optional.empty());
    }

    private Cli.Result run(CliEnvironment environment, String... args) {
        return Cli.run(environment, new SettableClock(Cli.APRIL_2022), recording, args);
    }

    private Cli.Result run(String... args) {
        return run(environment(Map.of(), false), args);
    }

    @Test
    void anH2FilesPathIsTakenForItsUrl() {
        for (String given : List.of("complaints-data/demo", "./complaints-data/demo", "complaints-data/demo.mv.db")) {
            Cli.Result run = run("report", "by-type", "--db", given);
            assertEquals(0, run.exitCode(), given + ": " + run.err());
            assertEquals("jdbc:h2:file:" + dir.resolve("complaints-data/demo").toAbsolutePath(), opened.get().url(),
                    given);
        }
        Cli.Result url = run("report", "by-type", "--db", "JDBC:h2:mem:x");
        assertEquals("JDBC:h2:mem:x", opened.get().url(), "a URL is taken as it is: " + url.err());
    }

    @Test
    void thePasswordComesFromTheEnvironmentVariable() {
        Cli.Result run = run(environment(Map.of("COMPLAINTS_DB_PASSWORD", "s3cret"), false), "report", "by-type",
                "--db", PG, "--user", "cc");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(PG, opened.get().url());
        assertEquals(Optional.of("cc"), opened.get().user());
        assertEquals(Optional.of("s3cret"), opened.get().password());
    }

    @Test
    void aPasswordFileWinsOverTheEnvironmentAndWarnsWhenOthersCanReadIt() throws Exception {
        Path file = Files.writeString(dir.resolve("db.pass"), "fromfile\nignored\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        CliEnvironment env = environment(Map.of("COMPLAINTS_DB_PASSWORD", "fromenv"), false);
        Cli.Result open = run(env, "report", "by-type", "--db", PG, "--user", "cc", "--password-file", "db.pass");
        assertEquals(0, open.exitCode(), open.err());
        assertEquals(Optional.of("fromfile"), opened.get().password());
        assertTrue(open.err().contains("Warning: other users can read the password file " + file + " (chmod 600 it)"),
                open.err());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Cli.Result closed = run(env, "report", "by-type", "--db", PG, "--user", "cc", "--password-file", "db.pass");
        assertFalse(closed.err().contains("Warning"), closed.err());

        Cli.Result missing = run("report", "by-type", "--db", PG, "--user", "cc", "--password-file", "nope");
        assertEquals(1, missing.exitCode());
        assertEquals("complaints report by-type: --password-file: no such file " + dir.resolve("nope"),
                missing.err().strip());
    }

    @Test
    void aPasswordIsNeverAnArgumentAndThePromptNeedsAConsole() {
        for (String[] args : new String[][] {{"report", "by-type", "--db", PG, "--password=s3cret"},
            {"report", "by-type", "--db", PG, "--password", "s3cret"},
            {"migrate", "--db", PG, "--password", "s3cret"}}) {
            Cli.Result run = run(args);
            assertEquals(2, run.exitCode(), String.join(" ", args));
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("--password takes no value"), run.err());
            assertTrue(run.err().contains("COMPLAINTS_DB_PASSWORD") && run.err().contains("--password-file"),
                    run.err());
            assertFalse(run.err().contains("s3cret"), run.err());
        }
        Cli.Result noConsole = run("report", "by-type", "--db", PG, "--user", "cc", "--password");
        assertEquals(2, noConsole.exitCode());
        assertTrue(noConsole.err().startsWith("complaints report by-type: --password prompts for the password, and no "
                + "console is attached; pass the password in the COMPLAINTS_DB_PASSWORD environment variable or with "
                + "--password-file FILE"), noConsole.err());
        assertEquals(null, opened.get(), "nothing opened");
    }

    @Test
    void withAConsoleThePasswordIsPrompted() {
        InputStream in = System.in;
        System.setIn(new ByteArrayInputStream("typed\n".getBytes(StandardCharsets.UTF_8)));
        try {
            Cli.Result run = run(environment(Map.of("COMPLAINTS_DB_PASSWORD", "fromenv"), true), "report", "by-type",
                    "--db", PG, "--user", "cc", "--password");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(Optional.of("typed"), opened.get().password(), "the prompt wins");
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void postgresqlWithoutAUserIsOneLineNamingUser() {
        String url = TestPostgres.newMigratedDatabaseUrl();
        String withoutUser = url.replaceAll("[?&]user=[^&]*", "");
        Cli.Result run = Cli.run(Cli.environment(dir), new SettableClock(Cli.APRIL_2022), StoreFactory.standard(),
                "report", "by-type", "--db", withoutUser);
        assertEquals(1, run.exitCode());
        assertEquals("complaints report by-type: no database user for " + withoutUser + ": pass --user USER (or set "
                + "user in complaints.properties)", run.err().strip());
        Cli.Result migrate = Cli.run(Cli.environment(dir), new SettableClock(Cli.APRIL_2022), StoreFactory.standard(),
                "migrate", "--db", withoutUser);
        assertTrue(migrate.err().contains("pass --user USER"), migrate.err());
        Cli.Result withUser = Cli.run(Cli.environment(dir), new SettableClock(Cli.APRIL_2022),
                StoreFactory.standard(), "report", "by-type", "--db", withoutUser, "--user", "postgres");
        assertEquals(0, withUser.exitCode(), withUser.err());
    }

    @Test
    void complaintsPropertiesInTheWorkingFolderElseTheHomeFolderTheCommandLineWinning() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/.config/complaints"));
        Files.writeString(home.resolve("complaints.properties"), "db=" + PG + "/home\nuser=homeuser\n");
        Cli.Result fromHome = run("report", "by-type");
        assertEquals(0, fromHome.exitCode(), fromHome.err());
        assertEquals(PG + "/home", opened.get().url());
        assertEquals(Optional.of("homeuser"), opened.get().user());

        Files.writeString(dir.resolve("db.pass"), "fromconfigfile\n");
        Files.writeString(dir.resolve("complaints.properties"), "# the council's database\nurl=" + PG
                + "\nuser=cc\ncouncil-key=borsetshire\npassword-file=db.pass\n");
        Cli.Result fromHere = run("report", "by-type");
        assertEquals(0, fromHere.exitCode(), fromHere.err());
        assertEquals(PG, opened.get().url());
        assertEquals(Optional.of("cc"), opened.get().user());
        assertEquals(Optional.of("borsetshire"), opened.get().council());
        assertEquals(Optional.of("fromconfigfile"), opened.get().password());

        Cli.Result overridden = run(environment(Map.of("COMPLAINTS_DB_PASSWORD", "fromenv"), false), "report",
                "by-type", "--db", PG + "2", "--user", "other", "--council-key", "wessex");
        assertEquals(0, overridden.exitCode(), overridden.err());
        assertEquals(PG + "2", opened.get().url());
        assertEquals(Optional.of("other"), opened.get().user());
        assertEquals(Optional.of("wessex"), opened.get().council());
        assertEquals(Optional.of("fromenv"), opened.get().password(), "the environment wins over the file's");

        opened.set(null);
        Cli.Result briefing = run("briefing", "--format", "csv");
        assertEquals(0, briefing.exitCode(), briefing.err());
        assertEquals("jdbc:h2:file:" + dir.resolve("complaints-data/demo"), opened.get().url(),
                "the demo never goes to the configured database");
    }

    @Test
    void theOldSpellingsOfTheCouncilKeyStillWorkTheOptionWithAWarning() throws Exception {
        Cli.Result key = run("report", "by-type", "--db", PG, "--user", "cc", "--council-key", "wessex");
        assertEquals(0, key.exitCode(), key.err());
        assertEquals(Optional.of("wessex"), opened.get().council());
        assertFalse(key.err().contains("deprecated"), key.err());

        Cli.Result old = run("report", "by-type", "--db", PG, "--user", "cc", "--council", "mercia");
        assertEquals(0, old.exitCode(), old.err());
        assertEquals(Optional.of("mercia"), opened.get().council());
        assertEquals(1, old.err().lines().filter(l -> l.contains("deprecated")).count(), old.err());
        assertTrue(old.err().contains("Warning: --council is deprecated; use --council-key"), old.err());

        Cli.Result both = run("report", "by-type", "--db", PG, "--user", "cc", "--council-key", "wessex",
                "--council", "mercia");
        assertEquals(1, both.exitCode());
        assertTrue(both.err().contains("name different councils"), both.err());

        Path config = dir.resolve("complaints.properties");
        Files.writeString(config, "db=" + PG + "\nuser=cc\ncouncil=borsetshire\n");
        Cli.Result oldKey = run("report", "by-type");
        assertEquals(0, oldKey.exitCode(), oldKey.err());
        assertEquals(Optional.of("borsetshire"), opened.get().council(), "the old key in complaints.properties");

        Files.writeString(config, "db=" + PG + "\nuser=cc\ncouncil-key=borsetshire\ncouncil=wessex\n");
        Cli.Result clash = run("report", "by-type");
        assertEquals(1, clash.exitCode());
        assertTrue(clash.err().contains("council-key and council (its old name) name different councils"),
                clash.err());
    }

    @Test
    void theHelpSaysWhichCouncilOptionDoesWhat() {
        String help = run("report", "by-type", "--help").out();
        assertTrue(help.contains("--council-key=KEY"), help);
        assertTrue(help.contains("--council-name=NAME"), help);
        assertFalse(help.contains("--council=") || help.contains("--council "), "the old spelling is hidden: " + help);
    }

    @Test
    void aMistakeInComplaintsPropertiesIsOneLine() throws Exception {
        Path config = dir.resolve("complaints.properties");
        Files.writeString(config, "db=" + PG + "\nusr=cc\n");
        Cli.Result typo = run("report", "by-type");
        assertEquals(1, typo.exitCode());
        assertEquals("complaints report by-type: " + config + ": unknown key usr (known: db, url, user, council-key, "
                + "password-file, homes.YYYY)", typo.err().strip());

        Files.writeString(config, "db=" + PG + "\nuser=cc\npassword=s3cret\n");
        Cli.Result password = run("report", "by-type");
        assertEquals(1, password.exitCode());
        assertTrue(password.err().contains("a password does not go in complaints.properties"), password.err());
        assertFalse(password.err().contains("s3cret"), password.err());
    }

    @Test
    void migrateReadsTheSameSettings() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("configured");
        Files.writeString(dir.resolve("complaints.properties"), "db=" + db + "\n");
        Cli.Result migrate = Cli.run(Cli.environment(dir), new SettableClock(Cli.APRIL_2022), StoreFactory.standard(),
                "migrate");
        assertEquals(0, migrate.exitCode(), migrate.err());
        assertTrue(Files.exists(dir.resolve("configured.mv.db")));
        assertFalse(Files.exists(dir.resolve("complaints-data")), "not the default database");
    }
}
