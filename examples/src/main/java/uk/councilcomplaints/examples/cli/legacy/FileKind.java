package uk.councilcomplaints.examples.cli.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a file is by its first bytes, whatever its name: a workbook or text. */
enum FileKind {
    /** A zip file, as an {@code .xlsx} workbook is. */
    XLSX,
    /** An OLE2 compound file, as an Excel 97-2003 {@code .xls} workbook is. */
    XLS,
    /** Anything else: read as CSV. */
    TEXT;

    static FileKind of(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return XLSX;
        }
        if (n == 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && head[2] == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            return XLS;
        }
        return TEXT;
    }
}
