package uk.councilcomplaints.examples.cli.legacy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes a legacy tracker spreadsheet of made-up cases for measuring the import: {@code LegacyCsvGenerator
 * FILE.csv ROWS}. Every row is valid and distinct (its own reference, complainant and email); received in the
 * year from 1 April 2021, each at a different milestone, from just received to closed. The same rows every time.
 */
public final class LegacyCsvGenerator {

    private static final List<String> HEADER = List.of("reference", "received_on", "service_area", "type",
            "complainant_name", "complainant_email", "summary", "triaged_on", "allocated_on", "officer",
            "acknowledged_on", "sent_to_service_on", "responded_on", "outcome", "closed_on");
    private static final List<String> AREAS = List.of("Adults", "Corporate", "Highways", "Waste and recycling",
            "Housing");
    private static final List<String> OUTCOMES = List.of("upheld", "partly upheld", "not upheld");
    private static final LocalDate FIRST = LocalDate.of(2021, 4, 1);

    private LegacyCsvGenerator() {
    }

    /** {@code FILE.csv ROWS}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LegacyCsvGenerator FILE.csv ROWS");
            System.exit(2);
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    /** Writes {@code rows} cases to {@code csv}, replacing it. */
    public static void write(Path csv, int rows) throws IOException {
        Random random = new Random(rows);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            line(w, HEADER.toArray());
            for (int i = 1; i <= rows; i++) {
                line(w, row(i, random));
            }
        }
    }

    private static Object[] row(int i, Random random) {
        String area = AREAS.get(random.nextInt(AREAS.size()));
        String type = area.equals("Adults") ? "Statutory Adults" : "Corporate";
        LocalDate received = FIRST.plusDays(random.nextInt(365));
        int reached = random.nextInt(6); // 0 received, 1 triaged, 2 allocated, 3 acknowledged, 4 responded, 5 closed
        String[] cells = new String[HEADER.size()];
        Arrays.fill(cells, "");
        cells[0] = String.format(Locale.ROOT, "GEN-%07d", i);
        cells[1] = received.toString();
        cells[2] = area;
        cells[3] = type;
        cells[4] = "Resident " + i;
        cells[5] = i % 3 == 0 ? "" : "resident" + i + "@example.org";
        cells[6] = "Complaint number " + i + " about " + area.toLowerCase(Locale.ROOT);
        if (reached >= 1) {
            cells[7] = received.plusDays(1).toString();
        }
        if (reached >= 2) {
            cells[8] = received.plusDays(2).toString();
            cells[9] = "officer" + random.nextInt(40);
        }
        if (reached >= 3) {
            cells[10] = received.plusDays(3).toString();
            cells[11] = received.plusDays(4).toString();
        }
        if (reached >= 4) {
            cells[12] = received.plusDays(10 + random.nextInt(10)).toString();
            cells[13] = OUTCOMES.get(random.nextInt(OUTCOMES.size()));
        }
        if (reached >= 5) {
            cells[14] = received.plusDays(30).toString();
        }
        return cells;
    }

    private static void line(BufferedWriter w, Object[] cells) throws IOException {
        w.write(CSVFormat.RFC4180.format(cells));
        w.write("\r\n");
    }
}
