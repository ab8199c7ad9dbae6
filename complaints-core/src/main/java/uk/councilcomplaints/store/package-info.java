/**
 * The store SPI: what a storage adapter implements, its commit, query and page types, and its exceptions;
 * the report projection a store may keep ({@link uk.councilcomplaints.store.ProjectionRow}) and the count
 * query it then answers ({@link uk.councilcomplaints.store.CountQuery}, {@link uk.councilcomplaints.store.GroupCounts}).
 * Nothing here depends on the {@code report} package: reports are made from these counts in core.
 */
package uk.councilcomplaints.store;
