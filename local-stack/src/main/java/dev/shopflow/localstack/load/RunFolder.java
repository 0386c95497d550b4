package dev.shopflow.localstack.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The folder of one run ({@code .shopflow/load/TIME-SCENARIO}, {@code .shopflow/chaos/TIME}), and how it is shown. */
public final class RunFolder {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolder() {
    }

    /**
     * Creates {@code parent/yyyyMMdd-HHmmss[-suffix]} (with {@code -2}, {@code -3} … added when it exists already).
     *
     * @param suffix such as the scenario's name, or empty
     */
    public static Path create(Path parent, String suffix) {
        String name = LocalDateTime.now().format(TIME) + (suffix.isEmpty() ? "" : "-" + suffix);
        Path folder = parent.resolve(name);
        for (int i = 2; Files.exists(folder); i++) {
            folder = parent.resolve(name + "-" + i);
        }
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }

    /** {@code path} relative to the project folder when it is inside it, else absolute: how messages show it. */
    public static String shown(Path home, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path root = home.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }
}
