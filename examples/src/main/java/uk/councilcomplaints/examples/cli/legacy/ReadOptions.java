package uk.councilcomplaints.examples.cli.legacy;

import java.util.Optional;

/**
 * How to read a spreadsheet: the CSV separator (detected from the header row unless given) and the workbook's
 * sheet (the first unless given, by name or by number from 1).
 *
 * @param separator a comma, semicolon or tab, if given
 * @param sheet the sheet's name or number, if given
 */
public record ReadOptions(Optional<Character> separator, Optional<String> sheet) {

    /** Detect the separator; the first sheet. */
    public static final ReadOptions DETECT = new ReadOptions(Optional.empty(), Optional.empty());
}
