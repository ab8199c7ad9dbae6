package uk.councilcomplaints.examples.cli.legacy;

import java.nio.file.Path;

/**
 * What an import did with every row of the spreadsheet: each row is imported, already present or rejected.
 *
 * @param rows the rows read (blank lines aside)
 * @param imported rows stored now
 * @param alreadyPresent rows whose reference the store already holds: not stored again
 * @param rejected rows refused, written with their reasons to {@code rejectedFile}
 * @param possibleDuplicates rows imported now that look like an earlier row's complaint
 * @param rejectedFile where the rejected rows went (not written if none was rejected)
 * @param duplicatesFile where the possible duplicates went (not written if there was none)
 */
public record ImportSummary(int rows, int imported, int alreadyPresent, int rejected, int possibleDuplicates,
        Path rejectedFile, Path duplicatesFile) {

    /** {@code imported N, already present N, rejected N, possible duplicates N}. */
    @Override
    public String toString() {
        return "imported " + imported + ", already present " + alreadyPresent + ", rejected " + rejected
                + ", possible duplicates " + possibleDuplicates;
    }
}
