package uk.councilcomplaints.store.memory;

import uk.councilcomplaints.model.ServiceArea;

/**
 * A service area with the name a row gave it, numbered apart from the same code under another name (a renamed
 * area), so each day's counts are labelled by the names of the rows counted that day, as the fold labels them.
 *
 * @param code the area's code
 * @param name the row's name for it
 * @param area the area itself (equal, as areas are, to any other of its code)
 */
record NamedArea(String code, String name, ServiceArea area) {

    static NamedArea of(ServiceArea area) {
        return new NamedArea(area.code(), area.name(), area);
    }
}
