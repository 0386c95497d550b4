package dev.shopflow.localstack.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The stack's resident memory: the sum of {@code VmRSS} of its processes (the launcher with Kafka, every service),
 * read from {@code /proc}. Elsewhere than on Linux it is unknown.
 */
final class StackMemory {

    private final Supplier<List<ProcessHandle>> processes;
    private final Path proc;

    StackMemory(Supplier<List<ProcessHandle>> processes) {
        this(processes, Path.of("/proc"));
    }

    StackMemory(Supplier<List<ProcessHandle>> processes, Path proc) {
        this.processes = processes;
        this.proc = proc;
    }

    /** Megabytes resident now, or empty when it cannot be read (not Linux, no process). */
    OptionalLong residentMegabytes() {
        long kilobytes = 0;
        boolean any = false;
        for (ProcessHandle process : processes.get()) {
            OptionalLong rss = residentKilobytes(proc.resolve(String.valueOf(process.pid())).resolve("status"));
            if (rss.isPresent()) {
                kilobytes += rss.getAsLong();
                any = true;
            }
        }
        return any ? OptionalLong.of(kilobytes / 1024) : OptionalLong.empty();
    }

    /** The {@code VmRSS} line of a {@code /proc/PID/status} file, in kB. */
    static OptionalLong residentKilobytes(Path status) {
        try (var lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .filter(digits -> !digits.isEmpty())
                    .mapToLong(Long::parseLong)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
