/** Council complaints handling: the root holds the common exception type; each sub-package is one concept. */
package uk.councilcomplaints;
