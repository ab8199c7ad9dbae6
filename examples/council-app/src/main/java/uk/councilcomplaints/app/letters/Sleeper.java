package uk.councilcomplaints.app.letters;

import java.time.Duration;

/** Waits between tries of a call to Notify; the tests pass one that records the waits and does not wait. */
@FunctionalInterface
public interface Sleeper {

    /** The real one: {@link Thread#sleep(long)}. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
