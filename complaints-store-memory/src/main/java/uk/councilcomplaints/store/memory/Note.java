package uk.councilcomplaints.store.memory;

import java.util.Optional;

/** Who recorded an event and why, numbered in a {@link Dictionary}. */
record Note(String actor, Optional<String> reason) {
}
