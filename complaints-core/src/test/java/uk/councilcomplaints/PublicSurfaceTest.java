package uk.councilcomplaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.protection.DataProtection;
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
    void theStoreSpiHasAtMostElevenMethodsAndNoStaticOnes() {
        Method[] methods = uk.councilcomplaints.store.ComplaintStore.class.getDeclaredMethods();
        assertEquals(List.of(), Arrays.stream(methods).filter(m -> Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).toList(), "policy lives in core, not in the SPI");
        // nine after the SPI issue, one for the work queues' clock rows, one for the event feed
        assertTrue(methods.length <= 11, Arrays.stream(methods).map(Method::getName).sorted().toList().toString());
    }

    /** The classes compiled from {@code type}'s package that name a class of {@code other} (a package name). */
    private static List<String> classesNaming(Class<?> type, String other) throws IOException, URISyntaxException {
        String needle = other.replace('.', '/') + "/";
        // the main classes' directory, not the tests' (which come first on the class path)
        Path dir = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(type.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            List<String> naming = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    // class names stand in the constant pool as modified UTF-8, which is ASCII for these
                    if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(needle)) {
                        naming.add(file.getFileName().toString());
                    }
                }
            }
            return naming;
        }
    }

    @Test
    void dataProtectionDoesNotDependOnTheWorkflow() throws Exception {
        assertTrue(classesNaming(Complaints.class, "uk.councilcomplaints.protection").contains("Complaints.class"),
                "the check sees the workflow's use of protection");
        assertEquals(List.of(), classesNaming(DataProtection.class, "uk.councilcomplaints.workflow"),
                "workflow -> protection only; protection reaches the facade through Erasure");
    }
}
