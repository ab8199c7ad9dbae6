package uk.councilcomplaints.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the docs true to the tree: every relative link and image in the README and {@code docs/} names a file that
 * exists, and every {@code #anchor} a heading of the file it points at (GitHub's slugs); the README stays a front
 * door of at most 200 lines.
 */
class DocsLinksTest {

    /** The repository's root: the examples module's parent. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)|<img src=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);
    private static final Pattern FENCE = Pattern.compile("```.*?```", Pattern.DOTALL);

    static List<Path> documents() {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CHANGELOG.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents()) {
            String text = FENCE.matcher(Files.readString(doc)).replaceAll("");
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1) != null ? m.group(1) : m.group(2);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http:, https:, mailto:
                }
                checked++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such file)");
                } else if (target.contains("#") && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(target.substring(target.indexOf('#') + 1))) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked > 30, "links checked: " + checked);
    }

    @Test
    void theReadmeIsAFrontDoorOfAtMost200Lines() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        assertTrue(lines.size() <= 200, "README.md has " + lines.size() + " lines");
        String readme = String.join("\n", lines);
        for (String section : List.of("## Quick start", "## Add it to your app", "## Documentation")) {
            assertTrue(readme.contains(section), section);
        }
    }

    /** GitHub's heading slugs: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
    static Set<String> anchors(Path markdown) {
        try {
            String text = FENCE.matcher(Files.readString(markdown)).replaceAll("");
            Set<String> slugs = new HashSet<>();
            Matcher m = HEADING.matcher(text);
            while (m.find()) {
                String slug = m.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-');
                String unique = slug;
                for (int n = 1; !slugs.add(unique); n++) {
                    unique = slug + "-" + n;
                }
            }
            return slugs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
