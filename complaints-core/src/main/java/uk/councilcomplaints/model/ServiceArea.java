package uk.councilcomplaints.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of the council a complaint is about: one value per code. Two areas are equal when their codes are,
 * whatever their names. Adults, Children's, Corporate and Other are predefined and always carry those names;
 * a council defines each of its own once, with {@link #of(String, String)}, and uses that value everywhere.
 * Reports label every code with one name whatever order complaints arrive in (see {@code Grouping}).
 *
 * @param code the identity: 1-40 lower-case letters, digits, '_' or '-', starting with a letter
 * @param name the label in reports: one line of at most 100 characters
 */
public record ServiceArea(String code, String name) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    public static final ServiceArea ADULTS = Predefined.ADULTS.area();
    public static final ServiceArea CHILDRENS = Predefined.CHILDRENS.area();
    public static final ServiceArea CORPORATE = Predefined.CORPORATE.area();
    public static final ServiceArea OTHER = Predefined.OTHER.area();

    public ServiceArea {
        requireNonNull(code, "code");
        requireNonNull(name, "name");
        checkArgument(CODE.matcher(code).matches(),
                "service area code must be 1-40 lower-case letters, digits, '_' or '-', starting with a letter: '%s'",
                code.length() > 40 ? code.substring(0, 40) + "..." : code);
        Optional<String> problem = CleanTextValidator.problem(name, 100, false);
        checkArgument(problem.isEmpty(), "service area name of '%s' %s", code, problem.orElse(""));
        for (Predefined p : Predefined.values()) {
            checkArgument(!p.code.equals(code) || p.name.equals(name),
                    "service area '%s' is predefined as '%s', not '%s'; give the council's own area another code",
                    code, p.name, name);
        }
    }

    /** A council-defined service area (or a predefined one, given its own name). */
    /**
     * Which of two values of one code labels it in reports: the one whose name comes first alphabetically, so
     * a label never depends on the order complaints arrive in (say, after a rename).
     */
    public static ServiceArea labelOf(ServiceArea a, ServiceArea b) {
        return a.name().compareTo(b.name()) <= 0 ? a : b;
    }

    public static ServiceArea of(String code, String name) {
        return new ServiceArea(code, name);
    }

    /** The predefined areas' codes and names, apart so the constructor can check them while building them. */
    private enum Predefined {
        ADULTS("adults", "Adults"),
        CHILDRENS("childrens", "Children's"),
        CORPORATE("corporate", "Corporate"),
        OTHER("other", "Other");

        private final String code;
        private final String name;

        Predefined(String code, String name) {
            this.code = code;
            this.name = name;
        }

        ServiceArea area() {
            return new ServiceArea(code, name);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceArea other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
