package dev.shopflow.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starting the launcher's child processes the one way they are all started. */
final class Processes {

    private Processes() {
    }

    /**
     * Starts {@code command} in {@code directory} with {@code environment} added to this process's, standard output
     * and error both in {@code log}, and nothing on standard input (so a child never waits for a terminal).
     *
     * @param append add to the log rather than start it afresh
     */
    static Process start(List<String> command, Map<String, String> environment, Path directory, Path log, boolean append) {
        var builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        }
    }

    /** The {@code java} of this JVM: the JDK {@code ./shopflow} found runs every part of the stack. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Whether a system command is installed ({@code setsid} and {@code nice} are missing on macOS or Windows). */
    static boolean installed(String command) {
        return Files.isExecutable(Path.of("/usr/bin", command)) || Files.isExecutable(Path.of("/bin", command));
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
