package uk.councilcomplaints.examples.cli.legacy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds rows that may be the same complaint logged twice: the same complainant email, or the same name and
 * service area within 14 days with similar summaries (at least half their words shared).
 */
final class PossibleDuplicates {

    static final int WINDOW_DAYS = 14;
    private static final double SIMILAR = 0.5;

    /**
     * What a row is compared by.
     *
     * @param row the row number
     * @param reference its reference
     * @param email the email, lower case, or empty
     * @param name the name, lower case with single spaces, or empty
     * @param serviceArea the service area as written, lower case
     * @param received the day received, if it parses
     * @param words the summary's words of three letters or more, lower case
     */
    record Seen(int row, String reference, String email, String name, String serviceArea,
            Optional<LocalDate> received, Set<String> words) {

        static Seen of(int row, String reference, String email, String name, String serviceArea,
                Optional<LocalDate> received, String summary) {
            Set<String> words = Arrays.stream(summary.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .filter(w -> w.length() >= 3).collect(Collectors.toSet());
            return new Seen(row, reference, email.strip().toLowerCase(Locale.ROOT),
                    name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "),
                    serviceArea.strip().toLowerCase(Locale.ROOT), received, words);
        }
    }

    /** An earlier row this one may duplicate, and why. */
    record Match(Seen earlier, String why) {
    }

    private final Map<String, Seen> byEmail = new HashMap<>();
    private final Map<String, List<Seen>> byNameAndArea = new HashMap<>();

    /** The earliest row seen so far that {@code row} may duplicate. */
    Optional<Match> match(Seen row) {
        if (!row.email().isEmpty()) {
            Seen same = byEmail.get(row.email());
            if (same != null && !same.reference().equals(row.reference())) {
                return Optional.of(new Match(same, "same email"));
            }
        }
        if (row.name().isEmpty() || row.received().isEmpty()) {
            return Optional.empty();
        }
        for (Seen other : byNameAndArea.getOrDefault(key(row), List.of())) {
            if (!other.reference().equals(row.reference()) && other.received().isPresent()
                    && Math.abs(ChronoUnit.DAYS.between(other.received().get(), row.received().get())) <= WINDOW_DAYS
                    && similar(other.words(), row.words())) {
                return Optional.of(new Match(other, "same name and service within " + WINDOW_DAYS
                        + " days, similar summary"));
            }
        }
        return Optional.empty();
    }

    /** Remembers a row that is in the store (imported now or before). */
    void add(Seen row) {
        if (!row.email().isEmpty()) {
            byEmail.putIfAbsent(row.email(), row);
        }
        if (!row.name().isEmpty()) {
            byNameAndArea.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
        }
    }

    private static String key(Seen row) {
        return row.name() + '\n' + row.serviceArea();
    }

    private static boolean similar(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return (double) shared.size() / all.size() >= SIMILAR;
    }
}
