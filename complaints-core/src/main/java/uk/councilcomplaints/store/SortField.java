package uk.councilcomplaints.store;

import java.util.Comparator;
import uk.councilcomplaints.model.Complaint;

/** The fields a query may sort by: a whitelist, never a caller's string. Ties are broken by id. */
public enum SortField {
    RECEIVED_AT(Comparator.comparing(Complaint::receivedAt)),
    REFERENCE(Comparator.comparing(Complaint::reference)),
    LAST_ACTIVITY(Comparator.comparing(Complaint::lastOccurredAt));

    private final Comparator<Complaint> order;

    SortField(Comparator<Complaint> comparator) {
        this.order = comparator.thenComparing(Complaint::id);
    }

    /** Ascending order by this field, then by id. */
    public Comparator<Complaint> ascending() {
        return order;
    }
}
