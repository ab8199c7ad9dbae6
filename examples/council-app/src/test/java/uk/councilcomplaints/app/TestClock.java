package uk.councilcomplaints.app;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import uk.councilcomplaints.SettableClock;

/** The app's clock in tests: Monday 7 December 2026, 10:00 in London, moved on by the tests, never slept on. */
@TestConfiguration(proxyBeanMethods = false)
class TestClock {

    static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    @Bean
    SettableClock clock() {
        return new SettableClock(START);
    }

}
