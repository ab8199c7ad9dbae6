package uk.councilcomplaints.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.UncheckedFold;
import uk.councilcomplaints.model.Complaint;

/**
 * States for tests that talk to a store directly: the fold of a history plus one event, and a copy of a state
 * with one component changed (to build a commit a store or {@code Commit} must refuse). Callers of the library
 * have no way to build a state other than folding events; tests need one to prove that wrong states are caught.
 */
public final class States {

    private States() {
    }

    /** The state after {@code history} and then {@code next}, even if {@code next} is out of order. */
    public static Complaint next(List<ComplaintEvent> history, ComplaintEvent next) {
        return UncheckedFold.next(new ComplaintHistory(history).current(), next);
    }

    /** A copy of {@code state} whose record component {@code name} is {@code value}, through its constructor. */
    public static Complaint with(Complaint state, String name, Object value) {
        RecordComponent[] components = Complaint.class.getRecordComponents();
        Object[] args = new Object[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                boolean match = components[i].getName().equals(name);
                found |= match;
                args[i] = match ? value : components[i].getAccessor().invoke(state);
            }
            if (!found) {
                throw new IllegalArgumentException("Complaint has no component " + name);
            }
            Constructor<Complaint> constructor = Complaint.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
