package dev.shopflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Which processes belong to the stack, as one pid file per process under the run directory. Every command
 * ({@code up}, {@code down}, {@code kill}, {@code restart}, {@code status}) works from these files, so a service
 * started by {@code restart} in another terminal, or left behind by a launcher that was killed, is still found.
 * A pid file also records the process's start time, so a recycled pid is never mistaken for a Shopflow process.
 */
final class ProcessRegistry {

    private final Path runDirectory;

    ProcessRegistry(Path runDirectory) {
        this.runDirectory = runDirectory;
    }

    void record(String name, ProcessHandle process) {
        try {
            Files.createDirectories(runDirectory);
            long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            Files.writeString(pidFile(name), process.pid() + " " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + pidFile(name), e);
        }
    }

    /** The live process recorded under this name, if there is one. */
    Optional<ProcessHandle> find(String name) {
        Path file = pidFile(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readString(file).trim().split("\\s+");
            long pid = Long.parseLong(fields[0]);
            long started = fields.length > 1 ? Long.parseLong(fields[1]) : 0L;
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> started == 0L || process.info().startInstant()
                            .map(instant -> instant.toEpochMilli() == started).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void forget(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + pidFile(name), e);
        }
    }

    private Path pidFile(String name) {
        return runDirectory.resolve(name + ".pid");
    }
}
