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
    private int size;

    /** The number of {@code value}, adding it if new. Under the append lock. */
    int numberOf(T value) {
        Integer n = numbers.get(value);
        if (n != null) {
            return n;
        }
        Object[] array = values;
        if (size == array.length) {
            array = Arrays.copyOf(array, size * 2);
        }
        array[size] = value;
        values = array;
        numbers.put(value, size);
        return size++;
    }

    /** Puts {@code value}, equal to the value numbered {@code n}, in its place. Under the append lock. */
    void replace(int n, T value) {
        Object[] array = values;
        array[n] = value;
        values = array; // publishes the change to readers of the array
    }

    /** The value numbered {@code n}. */
    @SuppressWarnings("unchecked")
    T get(int n) {
        return (T) values[n];
    }

    /** How many values have been added. Under the append lock; readers take it from the published view. */
    int size() {
        return size;
    }
}
