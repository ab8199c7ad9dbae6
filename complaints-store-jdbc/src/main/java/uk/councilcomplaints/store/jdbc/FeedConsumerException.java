package uk.councilcomplaints.store.jdbc;

import uk.councilcomplaints.ComplaintsException;

/** A feed consumer's handler failed; the consumer's position did not move, so the events come again. */
public final class FeedConsumerException extends ComplaintsException {

    private static final long serialVersionUID = 1L;

    FeedConsumerException(String consumer, long firstPosition, Exception cause) {
        super("Feed consumer " + consumer + " failed handling the events from position " + firstPosition
                + "; its position did not move: " + cause.getMessage(), cause);
    }
}
