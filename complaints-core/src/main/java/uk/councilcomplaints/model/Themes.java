package uk.councilcomplaints.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The council's list of complaint themes (its taxonomy), in the order reports show them. Codes are unique; a
 * code no longer listed still counts in reports, under its code.
 */
public final class Themes {

    /** A starting taxonomy, close to the categories councils publish; replace it with the council's own. */
    public static final Themes DEFAULT = of(List.of(
            new Theme("communication", "Communication"),
            new Theme("delay", "Delay"),
            new Theme("staff-conduct", "Staff conduct"),
            new Theme("policy", "Policy or decision"),
            new Theme("quality-of-service", "Quality of service"),
            new Theme("other", "Other")));

    private final Map<String, Theme> byCode;

    private Themes(Map<String, Theme> byCode) {
        this.byCode = byCode;
    }

    /** The taxonomy of {@code themes}, in that order; throws {@link IllegalArgumentException} on a repeated code. */
    public static Themes of(Collection<Theme> themes) {
        checkArgument(!themes.isEmpty(), "a theme list needs at least one theme");
        ImmutableMap.Builder<String, Theme> map = ImmutableMap.builder();
        for (Theme t : themes) {
            map.put(t.code(), t);
        }
        try {
            return new Themes(map.buildOrThrow());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("theme codes must be unique: " + e.getMessage(), e);
        }
    }

    /** Every theme, in order. */
    public List<Theme> all() {
        return List.copyOf(byCode.values());
    }

    /** The theme with {@code code}, if listed. */
    public Optional<Theme> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The label of {@code code}, or the code itself when it is no longer listed. */
    public String label(String code) {
        Theme t = byCode.get(code);
        return t == null ? code : t.label();
    }

    @Override
    public String toString() {
        return String.join(", ", byCode.keySet());
    }
}
