package uk.councilcomplaints.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --format}, {@code --output} and {@code --council-name}: how every report, {@code sla}, {@code ageing},
 * {@code show} and {@code find} write what they computed ({@link Document}).
 *
 * <p>Text, CSV, Markdown and HTML are printed unless {@code --output} names a file. An xlsx workbook is binary: it
 * is written to {@code --output}, or to the standard output only when that is not a terminal (redirected to a file
 * or a pipe). Whether it is a terminal: on Linux, whether {@code /proc/self/fd/1} links to a {@code /dev/pts/} or
 * {@code /dev/tty} device; elsewhere, whether Java has a console (which it lacks when either the input or the output
 * is redirected).
 */
final class FormatOptions {

    /** Whether the standard output is a terminal; tests replace it. */
    static volatile BooleanSupplier stdoutIsTerminal = FormatOptions::terminal;
    /** Where a workbook goes without {@code --output}; tests replace it. */
    static volatile Supplier<OutputStream> binaryStdout = () -> System.out;

    @Option(names = "--format", paramLabel = "text|csv|md|html|xlsx", defaultValue = "text",
            description = "text (default), csv, md, html (one self-contained page for a committee paper: tables, "
                    + "charts, A4 print styles) or xlsx (a workbook, one sheet per table; needs --output unless the "
                    + "output is redirected).")
    TableFormat format = TableFormat.TEXT;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write to FILE (replacing it) instead of printing.")
    Path output;

    @Option(names = "--council-name", paramLabel = "NAME", defaultValue = "Council",
            description = "The council's name as printed on papers: the title of html and the workbook's "
                    + "properties (default ${DEFAULT-VALUE}). Only printed; which council's complaints are read is "
                    + "--council-key.")
    String councilName = "Council";

    /** Writes {@code document} as the options say; {@code generatedAt} is when it was produced (the HTML says). */
    void write(Document document, CommandSpec spec, Instant generatedAt) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (format == TableFormat.XLSX) {
            byte[] workbook = XlsxDocument.render(document, councilName);
            notesToErr(document, spec);
            if (output != null) {
                writeFile(workbook, out);
            } else if (stdoutIsTerminal.getAsBoolean()) {
                throw new CliException("--format xlsx writes a binary workbook: give --output FILE, or redirect the "
                        + "output to a file");
            } else {
                out.flush();
                OutputStream stdout = binaryStdout.get();
                stdout.write(workbook);
                stdout.flush();
            }
            return;
        }
        String text = format == TableFormat.HTML ? HtmlDocument.render(document, councilName, generatedAt)
                : document.render(format);
        if (format == TableFormat.CSV) {
            notesToErr(document, spec);
        }
        if (output != null) {
            writeFile(text.getBytes(StandardCharsets.UTF_8), out);
        } else {
            out.print(text);
            out.flush();
        }
    }

    private void writeFile(byte[] bytes, PrintWriter out) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(output, bytes);
        out.println("Wrote " + output.toAbsolutePath().normalize());
        out.flush();
    }

    private static void notesToErr(Document document, CommandSpec spec) {
        document.notes().forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().flush();
    }

    /** The standard check of whether the standard output is a terminal (for tests to put back). */
    BooleanSupplier terminalCheck() {
        return FormatOptions::terminal;
    }

    private static boolean terminal() {
        Path fd = Path.of("/proc/self/fd/1");
        try {
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux: ask Java
        }
        return System.console() != null;
    }
}
