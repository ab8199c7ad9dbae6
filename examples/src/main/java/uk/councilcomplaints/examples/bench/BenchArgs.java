package uk.councilcomplaints.examples.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A benchmark's command line: {@code --name value} options and {@code --flag}s, each name known in advance. */
final class BenchArgs {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    /**
     * @param options the names that take a value
     * @param knownFlags the names that take none
     */
    BenchArgs(String[] args, Set<String> options, Set<String> knownFlags) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (knownFlags.contains(name)) {
                flags.add(name);
            } else if (options.contains(name) && i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown or incomplete option " + name + "; options: " + options
                        + " (each with a value), flags: " + knownFlags);
            }
        }
    }

    int intValue(String name, int otherwise) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (n < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + value, e);
        }
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
