package uk.councilcomplaints.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * The part of the council a complaint is about. Adults, Children's, Corporate and Other are predefined;
 * a council defines its own with {@link #of(String, String)}. Two areas are equal when their codes are.
 */
public record ServiceArea(String code, String name) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    public static final ServiceArea ADULTS = new ServiceArea("adults", "Adults");
    public static final ServiceArea CHILDRENS = new ServiceArea("childrens", "Children's");
    public static final ServiceArea CORPORATE = new ServiceArea("corporate", "Corporate");
    public static final ServiceArea OTHER = new ServiceArea("other", "Other");

    public ServiceArea {
        requireNonNull(code, "code");
        requireNonNull(name, "name");
        checkArgument(CODE.matcher(code).matches(),
                "service area code must be 1-40 lower-case letters, digits, '_' or '-', starting with a letter: '%s'", code);
        checkArgument(!name.isBlank() && name.length() <= 100, "service area name must be 1-100 characters: '%s'", name);
    }

    /** A council-defined service area. */
    public static ServiceArea of(String code, String name) {
        return new ServiceArea(code, name);
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
