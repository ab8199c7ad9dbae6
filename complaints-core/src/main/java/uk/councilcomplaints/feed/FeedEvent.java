package uk.councilcomplaints.feed;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import uk.councilcomplaints.event.ComplaintEvent;

/**
 * A committed event at its position in the council's feed. Positions start at 1 and strictly increase in the
 * order events were committed; a complaint's events come in version order.
 *
 * @param position where the event is in the feed
 * @param event the event: complaint id, version, status, both times, actor and data
 */
public record FeedEvent(long position, ComplaintEvent event) {

    public FeedEvent {
        checkArgument(position >= 1, "a feed position starts at 1, was %s", position);
        requireNonNull(event, "event");
    }
}
