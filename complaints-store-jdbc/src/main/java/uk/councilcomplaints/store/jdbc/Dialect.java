package uk.councilcomplaints.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The databases the JDBC store speaks to, and what differs between them. Detected from the driver's metadata. */
public enum Dialect {
    /** H2 2.x, embedded or server. */
    H2("h2", "reference_order",
            ReferenceSequencesTable.H2_NEXT_NUMBER, FeedTable.H2_TAKE) {
        @Override
        void bindReferenceOrder(PreparedStatement ps, int index, String reference) throws SQLException {
            ps.setBytes(index, reference.getBytes(StandardCharsets.UTF_8));
        }
    },
    /** PostgreSQL 12 or later. */
    POSTGRESQL("postgresql", "reference",
            ReferenceSequencesTable.POSTGRESQL_NEXT_NUMBER, FeedTable.POSTGRESQL_TAKE) {
        @Override
        void bindReferenceOrder(PreparedStatement ps, int index, String reference) throws SQLException {
            ps.setString(index, reference);
        }
    };

    private final String folder;
    private final String referenceOrder;
    private final String nextReferenceNumber;
    private final String takeFeedPositions;

    Dialect(String folder, String referenceOrder, String nextReferenceNumber, String takeFeedPositions) {
        this.folder = folder;
        this.referenceOrder = referenceOrder;
        this.nextReferenceNumber = nextReferenceNumber;
        this.takeFeedPositions = takeFeedPositions;
    }

    /** The dialect of the database behind {@code dataSource}, from its driver's metadata. */
    public static Dialect of(DataSource dataSource) {
        return ComplaintsSchema.detect(requireNonNull(dataSource, "dataSource"));
    }

    /** The dialect of the database behind {@code metaData}. */
    static Dialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        return switch (product.toLowerCase(Locale.ROOT)) {
            case "h2" -> H2;
            case "postgresql" -> POSTGRESQL;
            default -> throw new IllegalArgumentException("The JDBC store supports H2 and PostgreSQL, not " + product
                    + "; name a PostgreSQL-compatible database with builder(dataSource).dialect(Dialect.POSTGRESQL)");
        };
    }

    /** The folder of this database's own migration scripts, beside {@code db/migration/common}. */
    String folder() {
        return folder;
    }

    /** The column that orders complaints by reference, by its UTF-8 bytes. */
    String referenceOrder() {
        return referenceOrder;
    }

    /**
     * One statement taking council and year, returning the next number of that sequence
     * ({@link ReferenceSequencesTable}).
     */
    String nextReferenceNumber() {
        return nextReferenceNumber;
    }

    /**
     * One statement taking council and a number of events, adding it to the council's feed counter (locking its row
     * until the transaction ends) and returning the new last position ({@link FeedTable}).
     */
    String takeFeedPositions() {
        return takeFeedPositions;
    }

    /** Binds a reference as the value of {@link #referenceOrder()} compares with. */
    abstract void bindReferenceOrder(PreparedStatement ps, int index, String reference) throws SQLException;
}
