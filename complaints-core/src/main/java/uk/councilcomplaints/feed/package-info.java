/**
 * The council's event feed: every committed event in commit order, each at a position that strictly increases,
 * for the rest of the council (letters, a CRM, a data warehouse) to follow
 * ({@link uk.councilcomplaints.feed.EventFeed}).
 */
package uk.councilcomplaints.feed;
