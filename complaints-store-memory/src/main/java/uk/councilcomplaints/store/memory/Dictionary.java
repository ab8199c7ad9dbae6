package uk.councilcomplaints.store.memory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Values numbered in the order first seen, so a column can hold a small int instead of a reference. Grown
 * only under the store's append lock; read without it at any number the reader was given through the
 * store's published view (which happens after the value was added).
 *
 * @param <T> the values
 */
final class Dictionary<T> {

    private final Map<T, Integer> numbers = new HashMap<>();
    /** Volatile, so a reader that sees a grown array sees the values copied into it. */
    private volatile Object[] values = new Object[8];
    /** How many times each number was asked for and not {@link #release released}. */
    private int[] uses = new int[8];
    private int size;

    /** The number of {@code value}, adding it if new; counts one use of it. Under the append lock. */
    int numberOf(T value) {
        Integer n = numbers.get(value);
        if (n != null) {
            uses[n]++;
            return n;
        }
        Object[] array = values;
        if (size == array.length) {
            array = Arrays.copyOf(array, size * 2);
            uses = Arrays.copyOf(uses, size * 2);
        }
        array[size] = value;
        values = array;
        numbers.put(value, size);
        uses[size] = 1;
        return size++;
    }

    /**
     * Ends one use of number {@code n}; after its last, forgets the value (its number is not given again, and
     * {@link #get} returns null for it). Under the append lock, after every row that held {@code n} was given
     * another number, so a reader that finds null reads its row's number again.
     */
    void release(int n) {
        if (--uses[n] == 0) {
            Object[] array = values;
            numbers.remove(array[n]);
            array[n] = null;
            values = array; // publishes the change to readers of the array
        }
    }

    /** The value numbered {@code n}; null once released for good. */
    @SuppressWarnings("unchecked")
    T get(int n) {
        return (T) values[n];
    }

    /** How many values have been added. Under the append lock; readers take it from the published view. */
    int size() {
        return size;
    }
}
