package uk.councilcomplaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.Transitions;

/**
 * What callers must not be able to do through the public API: reach the store behind the facade, derive a
 * complaint in another state by hand, or fold events outside a history.
 */
class PublicSurfaceTest {

    private static Set<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toSet());
    }

    @Test
    void theFacadeDoesNotHandOutItsStore() {
        assertTrue(!publicMethods(Complaints.class).contains("store"), publicMethods(Complaints.class).toString());
    }

    @Test
    void aComplaintHasNoBuilderToDeriveOtherStates() {
        Set<String> methods = publicMethods(Complaint.class);
        assertTrue(!methods.contains("builder") && !methods.contains("toBuilder"), methods.toString());
        assertEquals(List.of(), Arrays.stream(Complaint.class.getDeclaredClasses())
                .filter(c -> Modifier.isPublic(c.getModifiers())).map(Class::getSimpleName).toList());
    }

    @Test
    void eventsAreFoldedOnlyAsAHistory() {
        List<String> statics = Arrays.stream(ComplaintHistory.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                        && m.getReturnType() == Complaint.class)
                .map(Method::getName).toList();
        assertEquals(List.of(), statics, "static folds beside new ComplaintHistory(events).current()");
    }

    @Test
    void theOpenStatusesAreSaidOnceInTheModel() {
        assertEquals(List.of(), Arrays.stream(Transitions.class.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers())).map(f -> f.getName()).toList(),
                "Status.open() says which statuses are open");
    }

    @Test
    void theStoreSpiHasAtMostTenMethodsAndNoStaticOnes() {
        Method[] methods = uk.councilcomplaints.store.ComplaintStore.class.getDeclaredMethods();
        assertEquals(List.of(), Arrays.stream(methods).filter(m -> Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).toList(), "policy lives in core, not in the SPI");
        // nine after the SPI issue, and one for the work queues' clock rows
        assertTrue(methods.length <= 10, Arrays.stream(methods).map(Method::getName).sorted().toList().toString());
    }
}
