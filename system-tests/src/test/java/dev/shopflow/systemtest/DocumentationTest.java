package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents a reader follows stay true to the tree: every relative link in a Markdown file leads to a file that
 * exists, and every decision record is listed in the root README.
 */
class DocumentationTest {

    private static final Path HOME = Path.of(System.getProperty("shopflow.home", "..")).toAbsolutePath().normalize();
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Set<String> NOT_DOCUMENTATION = Set.of("target", "node_modules", ".shopflow", ".git", ".mvn");

    @Test
    void everyRelativeLinkInTheDocsLeadsToAFileThatExists() {
        List<String> broken = new ArrayList<>();
        for (Path document : markdownFiles()) {
            Matcher link = MARKDOWN_LINK.matcher(read(document));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("#") || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // an anchor in the same page, or an absolute URL (http:, mailto:, …)
                }
                String path = target.replaceFirst("#.*$", "");
                if (!Files.exists(document.getParent().resolve(path).normalize())) {
                    broken.add(HOME.relativize(document) + " → " + target);
                }
            }
        }
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    @Test
    void theRootReadmeListsEveryDecisionRecord() throws IOException {
        String readme = read(HOME.resolve("README.md"));
        List<String> records;
        try (Stream<Path> files = Files.list(HOME.resolve("docs/adr"))) {
            records = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".md")).sorted().toList();
        }

        assertThat(records).isNotEmpty();
        assertThat(records).allSatisfy(record -> assertThat(readme).contains("(docs/adr/" + record + ")"));
    }

    private static List<Path> markdownFiles() {
        try (Stream<Path> files = Files.walk(HOME)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".md"))
                    .filter(file -> Stream.iterate(HOME.relativize(file), part -> part != null, Path::getParent)
                            .noneMatch(part -> NOT_DOCUMENTATION.contains(part.getFileName().toString())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
