package uk.councilcomplaints.store.memory;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import uk.councilcomplaints.event.ComplaintEvent;

/**
 * An immutable list of one complaint's events that shares its array with the longer lists appended from it:
 * appending writes past this list's end (copying only when the array is full or the slot was taken by
 * another append), so a history grows in amortised constant time per event and every list handed out stays
 * a snapshot. Appends to one complaint are serialised by the store; readers see a list only once published.
 */
final class EventList extends AbstractList<ComplaintEvent> implements RandomAccess {

    private final ComplaintEvent[] events;
    private final int size;

    private EventList(ComplaintEvent[] events, int size) {
        this.events = events;
        this.size = size;
    }

    /** A list of {@code first}. */
    static EventList of(List<ComplaintEvent> first) {
        ComplaintEvent[] array = first.toArray(new ComplaintEvent[Math.max(4, first.size())]);
        return new EventList(array, first.size());
    }

    /** This list followed by {@code more}; this list is unchanged. */
    EventList append(List<ComplaintEvent> more) {
        int newSize = size + more.size();
        ComplaintEvent[] array = events;
        if (newSize > array.length || array[size] != null) {
            array = Arrays.copyOf(array, Math.max(newSize, size * 2));
            Arrays.fill(array, size, array.length, null);
        }
        for (int i = 0; i < more.size(); i++) {
            array[size + i] = more.get(i);
        }
        return new EventList(array, newSize);
    }

    @Override
    public ComplaintEvent get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return events[index];
    }

    @Override
    public int size() {
        return size;
    }
}
