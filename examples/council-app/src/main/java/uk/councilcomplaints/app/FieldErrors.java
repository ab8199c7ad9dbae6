package uk.councilcomplaints.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form's errors by field id, in the order the fields appear: what GOV.UK's error summary lists (each a link to
 * its field) and what each field shows above its input.
 */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    void add(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String get(String field) {
        return errors.get(field);
    }

    public Map<String, String> all() {
        return errors;
    }

    @Override
    public String toString() {
        return errors.toString();
    }
}
