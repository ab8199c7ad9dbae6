package uk.councilcomplaints.report;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A council's self-assessment against the Complaint Handling Code, kept as a CSV file (one row per requirement of
 * the Code, as the Ombudsman's template lists them) with the columns {@code section}, {@code requirement},
 * {@code complies} (yes, no or partly), {@code evidence} and {@code commentary}. Evidence and commentary may quote
 * any figure of the annual report as {@code {key}}, e.g. {@code {timeliness.corporate.stage1.responded_on_time}};
 * {@link #filledFrom} puts the figures in.
 */
public final class SelfAssessment {

    /** Whether the council complies with a requirement. */
    public enum Complies {
        YES("Yes"),
        PARTLY("Partly"),
        NO("No");

        private final String label;

        Complies(String label) {
            this.label = label;
        }

        /** Human label used in reports. */
        public String label() {
            return label;
        }
    }

    /**
     * One requirement assessed.
     *
     * @param line the file's line the row starts on (the header is line 1)
     * @param section the Code's section, e.g. "1 Definitions"
     * @param requirement what the Code requires
     * @param complies whether the council complies
     * @param evidence the evidence, figures filled in once {@link #filledFrom filled}
     * @param commentary the council's commentary
     */
    public record Row(int line, String section, String requirement, Complies complies, String evidence,
            String commentary) {
    }

    private static final List<String> COLUMNS = List.of("section", "requirement", "complies", "evidence", "commentary");
    /** A placeholder: anything in braces without spaces, so a misspelt key is an error, not text left as it is. */
    private static final Pattern FIGURE = Pattern.compile("\\{([^{}\\s]+)}");

    private final List<Row> rows;

    private SelfAssessment(List<Row> rows) {
        this.rows = ImmutableList.copyOf(rows);
    }

    /**
     * Reads a self-assessment from CSV text (comma-separated, fields with commas, quotes or line breaks in double
     * quotes, a header naming the five columns in any order).
     *
     * @throws IllegalArgumentException naming the line and the column of the first problem
     */
    public static SelfAssessment parse(String csv) {
        requireNonNull(csv, "csv");
        List<Record> records = Csv.records(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("self-assessment: the file is empty; its first line names the columns "
                    + String.join(", ", COLUMNS));
        }
        Map<String, Integer> at = new HashMap<>();
        List<String> header = records.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            at.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !at.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("self-assessment line 1: no column " + String.join(", ", missing)
                    + "; the columns are " + String.join(", ", COLUMNS) + " (found " + String.join(", ", header) + ")");
        }
        List<Row> rows = new ArrayList<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.fields().stream().allMatch(String::isBlank)) {
                continue;
            }
            String requirement = field(r, at, "requirement");
            if (requirement.isEmpty()) {
                throw new IllegalArgumentException("self-assessment line " + r.line() + ": requirement is empty");
            }
            String complies = field(r, at, "complies");
            Complies value = switch (complies.toLowerCase(Locale.ROOT)) {
                case "yes", "y" -> Complies.YES;
                case "no", "n" -> Complies.NO;
                case "partly", "partial", "partially" -> Complies.PARTLY;
                default -> throw new IllegalArgumentException("self-assessment line " + r.line() + ": complies is '"
                        + complies + "', not yes, no or partly");
            };
            rows.add(new Row(r.line(), field(r, at, "section"), requirement, value, field(r, at, "evidence"),
                    field(r, at, "commentary")));
        }
        return new SelfAssessment(rows);
    }

    private static String field(Record r, Map<String, Integer> at, String column) {
        int i = at.get(column);
        return i < r.fields().size() ? r.fields().get(i).strip() : "";
    }

    /** The rows, in the file's order. */
    public List<Row> rows() {
        return rows;
    }

    /**
     * The self-assessment with every {@code {key}} in its evidence and commentary replaced by the report's figure.
     *
     * @throws IllegalArgumentException naming the line and the key of a figure the report does not have
     */
    public SelfAssessment filledFrom(CodeAnnualReport report) {
        List<Row> filled = new ArrayList<>();
        for (Row r : rows) {
            filled.add(new Row(r.line(), r.section(), r.requirement(), r.complies(), fill(r, r.evidence(), report),
                    fill(r, r.commentary(), report)));
        }
        return new SelfAssessment(filled);
    }

    private static String fill(Row row, String text, CodeAnnualReport report) {
        Matcher m = FIGURE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            Figure figure = report.figure(key).orElseThrow(() -> new IllegalArgumentException("self-assessment line "
                    + row.line() + ": the report has no figure {" + key + "}; figures are listed by"
                    + " `complaints report code-annual --list-figures`"));
            m.appendReplacement(out, Matcher.quoteReplacement(figure.text()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The self-assessment as a grid. */
    public Grid grid() {
        List<Grid.Column> columns = List.of(new Grid.Column("section", "Section", false),
                new Grid.Column("requirement", "Requirement", false), new Grid.Column("complies", "Complies", false),
                new Grid.Column("evidence", "Evidence", false), new Grid.Column("commentary", "Commentary", false));
        return new Grid(columns, rows.stream().map(r -> new Grid.Line(r.section(), List.of(r.section(),
                r.requirement(), r.complies().label(), r.evidence(), r.commentary()))).toList());
    }

    private record Record(int line, List<String> fields) {
    }

    /** RFC 4180 CSV: records of fields, quoted fields may hold commas, quotes (doubled) and line breaks. */
    private static final class Csv {
        static List<Record> records(String text) {
            List<Record> records = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int line = 1;
            int recordLine = 1;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        line += ch == '\n' ? 1 : 0;
                        field.append(ch);
                    }
                } else if (ch == '"' && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    fields.add(field.toString());
                    field.setLength(0);
                    records.add(new Record(recordLine, List.copyOf(fields)));
                    fields.clear();
                    line++;
                    recordLine = line;
                } else {
                    field.append(ch);
                }
            }
            if (quoted) {
                throw new IllegalArgumentException("self-assessment line " + recordLine
                        + ": a quoted field is not closed");
            }
            if (field.length() > 0 || !fields.isEmpty()) {
                fields.add(field.toString());
                records.add(new Record(recordLine, List.copyOf(fields)));
            }
            return records;
        }
    }
}
