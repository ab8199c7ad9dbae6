/** The store SPI: what a storage adapter implements, its commit, query and page types, and its exceptions. */
package uk.councilcomplaints.store;
