package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line opens an H2 file without H2's background writer, unless the URL says otherwise. */
class JdbcStoresH2Test {

    @Test
    void anH2FileHasNoWriteDelay(@TempDir Path dir) throws SQLException {
        assertEquals("0", writeDelay("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()));
    }

    @Test
    void theUrlsWriteDelayWins(@TempDir Path dir) throws SQLException {
        assertEquals("250", writeDelay("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";write_delay=250"));
    }

    private static String writeDelay(String url) throws SQLException {
        StoreOptions options = StoreOptions.of(StoreOptions.Kind.JDBC, url, false);
        try (HikariDataSource pool = new HikariDataSource(JdbcStores.poolConfig(options));
                Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
