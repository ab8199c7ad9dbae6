package uk.councilcomplaints.store;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.councilcomplaints.model.Complainant;

/**
 * The keys a complainant's personal data is found by in a subject access request, computed here once for
 * every store: a store keeps them beside the personal data (from {@link Commit#subjectKeys()}), indexes them,
 * drops them when the personal data is erased, and compares a {@link DataSubject}'s key with the one it keeps
 * by plain equality.
 *
 * <p>A name's key is the name in Unicode NFKC, case-folded in full (so "ZOË", "Zoë" and "zoë" match, and
 * "STRASSE" matches "Straße"), with every run of white space made one space and none at either end. The plain
 * name key also drops accents and other combining marks ("Zoe" matches "Zoë"); letters that are not a base
 * letter plus a mark (ø, ł, ß) stay as they are. An email address's key is the whole address, NFKC and
 * case-folded. A key is cut to its first {@value #MAX_LENGTH} characters (only names that compatibility forms
 * lengthen many times reach it), so two such names alike that far share a key.
 *
 * @param name the name's key
 * @param plainName the name's key without accents
 * @param email the email address's key, if there is an address
 */
public record SubjectKeys(String name, String plainName, Optional<String> email) {

    /** The longest key, in UTF-16 code units: short enough for any database's index. */
    public static final int MAX_LENGTH = 500;

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    public SubjectKeys {
        requireNonNull(name, "name");
        requireNonNull(plainName, "plainName");
        requireNonNull(email, "email");
    }

    /** The keys of {@code complainant}'s name and email address. */
    public static SubjectKeys of(Complainant complainant) {
        String name = spaced(fold(complainant.name()));
        return new SubjectKeys(cut(name), cut(withoutMarks(name)), complainant.email().map(SubjectKeys::emailKey));
    }

    /** The key {@code what} is compared by, as {@link DataSubject#key()} names it. */
    public Optional<String> get(DataSubject.Key what) {
        return switch (what) {
            case NAME -> Optional.of(name);
            case PLAIN_NAME -> Optional.of(plainName);
            case EMAIL -> email;
        };
    }

    /** A name's key: NFKC, full case folding, white space collapsed and trimmed. */
    static String nameKey(String name) {
        return cut(spaced(fold(name)));
    }

    private static String spaced(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** A name's key without accents: {@link #nameKey} with combining marks dropped. */
    static String plainNameKey(String name) {
        return cut(withoutMarks(spaced(fold(name))));
    }

    /** An email address's key: NFKC and full case folding of the whole address, trimmed. */
    static String emailKey(String email) {
        return cut(fold(email).strip());
    }

    /** {@code key} cut to {@link #MAX_LENGTH}, never between the two halves of a surrogate pair. */
    private static String cut(String key) {
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        int end = Character.isHighSurrogate(key.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return key.substring(0, end);
    }

    /**
     * Full case folding, as near as the JDK comes: NFKC, then upper case and lower case in the root locale
     * (which maps "ß" to "ss" and every sigma to "σ"), then NFKC again.
     */
    private static String fold(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String folded = nfkc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).replace('ς', 'σ');
        return Normalizer.normalize(folded, Normalizer.Form.NFKC);
    }

    private static String withoutMarks(String key) {
        String decomposed = Normalizer.normalize(key, Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
    }

    @Override
    public String toString() {
        return "SubjectKeys[personal data]";
    }
}
