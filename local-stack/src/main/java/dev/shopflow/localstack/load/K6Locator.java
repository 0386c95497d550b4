package dev.shopflow.localstack.load;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the k6 binary, in this order: the {@code K6} environment variable, {@code k6} on the {@code PATH}, then
 * {@code ../shared/bin/k6} beside the project folder (where the project's CI machines keep it). k6 is never copied
 * into the project.
 */
public final class K6Locator {

    /** What to tell a user without k6. */
    public static final String HOW_TO_INSTALL = """
            k6 is not installed (looked at $K6, k6 on the PATH, and ../shared/bin/k6 beside the project). Install it:
              Linux (Debian/Ubuntu): see https://grafana.com/docs/k6/latest/set-up/install-k6/ (Grafana's apt repository),
                                     or download the linux-amd64 archive from https://github.com/grafana/k6/releases
              macOS:                 brew install k6
              Windows:               winget install k6 --source winget   (or: choco install k6)
            or set K6 to the k6 binary, for example K6=/opt/k6/k6 ./shopflow load smoke""";

    private final Map<String, String> environment;
    private final Path home;
    private final Predicate<Path> executable;

    /**
     * @param environment where {@code K6} and {@code PATH} are read
     * @param home the project folder
     * @param executable whether a path is a runnable file (tests give their own)
     */
    K6Locator(Map<String, String> environment, Path home, Predicate<Path> executable) {
        this.environment = environment;
        this.home = home;
        this.executable = executable;
    }

    public K6Locator(Map<String, String> environment, Path home) {
        this(environment, home, path -> Files.isRegularFile(path) && Files.isExecutable(path));
    }

    /**
     * The k6 to run, or empty when there is none.
     *
     * @throws IllegalArgumentException when {@code K6} is set but names no runnable file (a typo should not fall
     *     through to some other k6)
     */
    public Optional<Path> find() {
        String given = environment.get("K6");
        if (given != null && !given.isBlank()) {
            Path path = Path.of(given.strip());
            if (!executable.test(path)) {
                throw new IllegalArgumentException("K6=" + given + " is not a runnable k6 binary.");
            }
            return Optional.of(path);
        }
        String searchPath = environment.getOrDefault("PATH", "");
        boolean windows = File.separatorChar == '\\';
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, windows ? "k6.exe" : "k6");
            if (executable.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path shared = home.toAbsolutePath().normalize().resolveSibling("shared").resolve("bin").resolve(windows ? "k6.exe" : "k6");
        return executable.test(shared) ? Optional.of(shared) : Optional.empty();
    }
}
