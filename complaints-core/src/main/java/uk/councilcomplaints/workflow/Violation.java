package uk.councilcomplaints.workflow;

/** One invalid field of a command: its path (e.g. {@code complainant.email}) and what is wrong. */
public record Violation(String path, String message) implements Comparable<Violation> {

    @Override
    public int compareTo(Violation o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
