package dev.shopflow.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where {@code ./shopflow load} looks for k6: K6, then the PATH, then ../shared/bin/k6 beside the project. */
class K6LocatorTest {

    private static final Path HOME = Path.of("/work/shopflow");
    private static final Path SHARED = Path.of("/work/shared/bin/k6");
    private static final Path ON_PATH = Path.of("/usr/local/bin/k6");
    private static final Path GIVEN = Path.of("/opt/k6/k6");

    private static K6Locator locator(Map<String, String> environment, Path... executables) {
        Set<Path> runnable = Set.of(executables);
        return new K6Locator(environment, HOME, runnable::contains);
    }

    private static String path(String... directories) {
        return String.join(File.pathSeparator, directories);
    }

    @Test
    void theK6VariableComesFirst() {
        var found = locator(Map.of("K6", GIVEN.toString(), "PATH", path("/usr/bin", "/usr/local/bin")), GIVEN, ON_PATH, SHARED).find();

        assertThat(found).contains(GIVEN);
    }

    @Test
    void thenK6OnThePathInThePathsOrder() {
        var found = locator(Map.of("PATH", path("/usr/bin", "/usr/local/bin", "/opt/k6")), ON_PATH, GIVEN, SHARED).find();

        assertThat(found).contains(ON_PATH);
    }

    @Test
    void thenTheSharedFolderBesideTheProject() {
        assertThat(locator(Map.of("PATH", path("/usr/bin")), SHARED).find()).contains(SHARED);
    }

    @Test
    void nothingWhenK6IsNowhere() {
        assertThat(locator(Map.of("PATH", path("/usr/bin"))).find()).isEmpty();
        assertThat(locator(Map.of()).find()).isEmpty();
    }

    @Test
    void aK6VariableNamingNoProgramIsAnErrorRatherThanAFallThrough() {
        assertThatIllegalArgumentException().isThrownBy(() -> locator(Map.of("K6", "/opt/k6/k7"), ON_PATH, SHARED).find())
                .withMessage("K6=/opt/k6/k7 is not a runnable k6 binary.");
    }
}
