package uk.councilcomplaints.store;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.model.Complaint;

/** One page of results and the cursor of the next page, if there is one. */
public record Page<T>(List<T> items, Optional<Cursor> next) {

    public Page {
        items = ImmutableList.copyOf(items);
    }

    /**
     * The page of a query with page size {@code limit}, from up to {@code limit + 1} rows in the query's order
     * (a store reads one row more than the page to know whether another page follows).
     */
    public static Page<Complaint> of(List<Complaint> rows, int limit) {
        checkArgument(rows.size() <= limit + 1, "%s rows for a page of %s", rows.size(), limit);
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<Complaint> page = rows.subList(0, limit);
        return new Page<>(page, Optional.of(Cursor.after(page.get(limit - 1))));
    }
}
