package uk.councilcomplaints.store.jdbc;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableSet;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import uk.councilcomplaints.model.Remedy;

/** Remedies in one text column: their enum names in declaration order, joined by commas; none is empty. */
final class RemedyList {

    private static final Splitter COMMA = Splitter.on(',');

    private RemedyList() {
    }

    static String format(Set<Remedy> remedies) {
        return remedies.isEmpty() ? ""
                : EnumSet.copyOf(remedies).stream().map(Remedy::name).collect(Collectors.joining(","));
    }

    static Set<Remedy> parse(String column) {
        if (column.isEmpty()) {
            return ImmutableSet.of();
        }
        return COMMA.splitToStream(column).map(Remedy::valueOf).collect(ImmutableSet.toImmutableSet());
    }
}
