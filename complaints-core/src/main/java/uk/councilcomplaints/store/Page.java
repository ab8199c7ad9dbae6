package uk.councilcomplaints.store;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/** One page of results and the cursor of the next page, if there is one. */
public record Page<T>(List<T> items, Optional<Cursor> next) {

    public Page {
        items = ImmutableList.copyOf(items);
    }
}
