package dev.shopflow.localstack.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a chaos run did and saw, one line per event with the time of day and the time since the run began, printed as
 * it happens and kept in {@code timeline.txt} of the run's folder.
 */
final class Timeline {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final Path file;
    private final long began = System.nanoTime();

    Timeline(PrintStream out, Path file) {
        this.out = out;
        this.file = file;
    }

    /** One event: {@code 17:03:12   +1m05.2s  text}. */
    void note(String text) {
        line(String.format(Locale.ROOT, "  %s  %9s  %s", LocalTime.now().format(CLOCK), offset(System.nanoTime() - began), text));
    }

    /** A line as it is (a header, the audit's table). */
    void line(String text) {
        out.println(text);
        out.flush();
        try {
            Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** {@code +5.2s}, {@code +1m05.2s}. */
    static String offset(long nanos) {
        double seconds = nanos / 1e9;
        if (seconds < 60) {
            return String.format(Locale.ROOT, "+%.1fs", seconds);
        }
        long minutes = (long) (seconds / 60);
        return String.format(Locale.ROOT, "+%dm%04.1fs", minutes, seconds - minutes * 60);
    }
}
