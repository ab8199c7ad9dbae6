package uk.councilcomplaints.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs one test of a contract suite in a nested JUnit engine, to show that it fails. */
public final class SuiteRun {

    private SuiteRun() {
    }

    /** Runs {@code method} of {@code suite}; asserts it ran and failed, and returns why. */
    public static Throwable failureOf(Class<?> suite, String method) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectMethod(suite, method)).execute()
                .testEvents();
        String name = suite.getSimpleName() + "." + method;
        assertEquals(1, tests.started().count(), name + " ran");
        List<Throwable> failures = tests.failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()).toList();
        assertEquals(1, failures.size(), name + " must fail on this store");
        return failures.get(0);
    }
}
