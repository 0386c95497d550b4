package dev.shopflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Makes the services start faster, measured on two cores from 4.6 s to 1.8 s for one service:
 * <ul>
 *     <li>each service runs from its jar extracted into the stack's state folder, {@code app/SERVICE} (plain jars on
 *     the class path load faster than jars nested in one);</li>
 *     <li>on JDK 25 and later, each service also gets an ahead-of-time cache of loaded and linked classes
 *     ({@code -XX:AOTCache}, JEP 483/514), recorded once per build by a training run that starts the application
 *     context and exits ({@code -Dspring.context.exit=onRefresh}).</li>
 * </ul>
 * Each stack (a user's, a test's) keeps its own, so a build or a test run never changes the files a running
 * stack uses. Both are rebuilt when the jar changes. Recording runs after the stack is ready, at low priority, so the first
 * start is not slowed; a recording that fails or is cancelled only means a slower next start, never a failed one.
 */
final class ServiceImages {

    static final int AOT_CACHE_MIN_JDK = 25;
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(4);

    private final StackSettings settings;
    private final Consumer<String> out;
    private final List<Process> recordings = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    ServiceImages(StackSettings settings, Consumer<String> out) {
        this.settings = settings;
        this.out = out;
    }

    /** Whether this JVM, which also runs the services, can use an AOT cache, and the user has not turned it off. */
    boolean aotCacheSupported() {
        return Runtime.version().feature() >= AOT_CACHE_MIN_JDK
                && !"false".equalsIgnoreCase(settings.environment().getOrDefault("SHOPFLOW_AOT_CACHE", "true"));
    }

    /** Extracts every service's jar unless its extraction is already up to date. */
    void extractAll() {
        var stale = ServiceSpec.ALL.stream().filter(service -> !isCurrent(service)).toList();
        if (stale.isEmpty()) {
            return;
        }
        long began = System.nanoTime();
        var extractions = new ArrayList<Process>();
        for (ServiceSpec service : stale) {
            requireJar(service);
            deleteRecursively(extractedDirectory(service));
            extractions.add(start(List.of(Processes.java(), "-Djarmode=tools", "-jar", jar(service).toString(),
                    "extract", "--destination", extractedDirectory(service).toString()), Map.of(),
                    settings.logFile(service.name() + "-extract")));
        }
        for (int i = 0; i < stale.size(); i++) {
            ServiceSpec service = stale.get(i);
            if (!finished(extractions.get(i), Duration.ofMinutes(2)) || !Files.isRegularFile(extractedJar(service))) {
                throw new StackFailure("Could not extract " + jar(service) + "; see " + settings.logFile(service.name() + "-extract"));
            }
            writeStamp(service);
        }
        out.accept(String.format("  ✓ extracted jars  %s (%.1f s)", String.join(", ", stale.stream().map(ServiceSpec::name).toList()),
                (System.nanoTime() - began) / 1e9));
    }

    /** Whether some service has no current AOT cache that this JDK could use. */
    boolean cachesMissing() {
        return aotCacheSupported() && ServiceSpec.ALL.stream().anyMatch(service -> aotCache(service).isEmpty());
    }

    /**
     * Records an AOT cache for every service that lacks a current one, all at once and at low priority, each
     * connected to the stack as it runs ({@code launches}) but on a free port. Blocks until they finish or
     * {@link #cancelRecording()} is called.
     */
    void recordMissingCaches(Map<ServiceSpec, ServiceLaunch> launches) {
        if (!aotCacheSupported()) {
            return;
        }
        var untrained = ServiceSpec.ALL.stream().filter(service -> aotCache(service).isEmpty()).toList();
        if (untrained.isEmpty()) {
            return;
        }
        out.accept("  … recording start-up caches for " + String.join(", ", untrained.stream().map(ServiceSpec::name).toList())
                + " in the background (once per build; the next start is about twice as fast)");
        long began = System.nanoTime();
        var trainings = new ArrayList<Process>();
        for (ServiceSpec service : untrained) {
            ServiceLaunch launch = launches.get(service);
            deleteAbandonedRecordings(service);
            var command = new ArrayList<String>();
            if (Processes.installed("nice")) {
                command.addAll(List.of("nice", "-n", "15")); // the running stack keeps the CPU it needs
            }
            command.addAll(launch.command());
            int jarOption = command.indexOf("-jar");
            command.addAll(jarOption, List.of("-XX:AOTCacheOutput=" + trainingOutput(service), "-Dspring.context.exit=onRefresh"));
            var environment = new java.util.LinkedHashMap<>(launch.environment());
            environment.put("SERVER_PORT", "0");
            environment.put("MANAGEMENT_PORT", "0");
            if (cancelled) {
                return;
            }
            Process recording = start(command, environment, settings.logFile(service.name() + "-aot-training"));
            recordings.add(recording);
            trainings.add(recording);
        }
        var trained = new ArrayList<String>();
        for (int i = 0; i < untrained.size(); i++) {
            ServiceSpec service = untrained.get(i);
            Path output = trainingOutput(service);
            if (finished(trainings.get(i), TRAINING_TIMEOUT) && trainings.get(i).exitValue() == 0 && Files.isRegularFile(output)) {
                move(output, aotCacheFile(service));
                trained.add(service.name());
            } else if (cancelled) {
                return;
            } else {
                out.accept("  ! no start-up cache for " + service.name() + " (it starts without one); see "
                        + settings.logFile(service.name() + "-aot-training"));
            }
        }
        if (!trained.isEmpty()) {
            out.accept(String.format("  ✓ start-up caches recorded for %s (%.0f s); the next start uses them",
                    String.join(", ", trained), (System.nanoTime() - began) / 1e9));
        }
    }

    /** Stops the recordings under way; their services simply start without a cache next time. */
    void cancelRecording() {
        cancelled = true;
        // The JDK assembles the cache in a child JVM of its own: stop the whole tree, or that child outlives us.
        recordings.forEach(recording -> recording.descendants().forEach(ProcessHandle::destroyForcibly));
        recordings.forEach(Process::destroyForcibly);
        recordings.forEach(recording -> finished(recording, Duration.ofSeconds(10)));
    }

    private void deleteAbandonedRecordings(ServiceSpec service) {
        try (Stream<Path> files = Files.list(extractedDirectory(service))) {
            files.filter(file -> file.getFileName().toString().startsWith(service.name() + ".aot.recording-"))
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // Only leftovers of a cancelled recording; the next one writes to a file of its own.
        }
    }

    /** The jar a service runs from: the extracted one when it is current, else the packaged one. */
    Path runnableJar(ServiceSpec service) {
        return isCurrent(service) ? extractedJar(service) : jar(service);
    }

    /** JVM options that make a service use its AOT cache, when it has a current one. */
    List<String> cacheOptions(ServiceSpec service) {
        return aotCache(service).map(cache -> List.of("-XX:AOTCache=" + cache)).orElse(List.of());
    }

    private Optional<Path> aotCache(ServiceSpec service) {
        Path cache = aotCacheFile(service);
        return aotCacheSupported() && isCurrent(service) && Files.isRegularFile(cache) ? Optional.of(cache) : Optional.empty();
    }

    private boolean isCurrent(ServiceSpec service) {
        Path stamp = stampFile(service);
        try {
            return Files.isRegularFile(extractedJar(service)) && Files.isRegularFile(stamp)
                    && Files.readString(stamp).trim().equals(jarStamp(service));
        } catch (IOException e) {
            return false;
        }
    }

    private void writeStamp(ServiceSpec service) {
        try {
            Files.writeString(stampFile(service), jarStamp(service) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String jarStamp(ServiceSpec service) throws IOException {
        Path jar = jar(service);
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    }

    private void requireJar(ServiceSpec service) {
        if (!Files.isRegularFile(jar(service))) {
            throw new StackFailure("There is no " + jar(service) + ": build it with ./mvnw package -DskipTests"
                    + " (./shopflow up does that for you).");
        }
    }

    private Path jar(ServiceSpec service) {
        return settings.jar(service);
    }

    private Path extractedDirectory(ServiceSpec service) {
        return settings.stateDirectory().resolve("app").resolve(service.name());
    }

    private Path extractedJar(ServiceSpec service) {
        return extractedDirectory(service).resolve(service.name() + ".jar");
    }

    private Path stampFile(ServiceSpec service) {
        return extractedDirectory(service).resolve("extracted-from");
    }

    private Path aotCacheFile(ServiceSpec service) {
        return extractedDirectory(service).resolve(service.name() + ".aot");
    }

    private Path trainingOutput(ServiceSpec service) {
        return extractedDirectory(service).resolve(service.name() + ".aot.recording-" + ProcessHandle.current().pid());
    }

    private Process start(List<String> command, Map<String, String> environment, Path log) {
        return Processes.start(command, environment, settings.home(), log, false);
    }

    private static boolean finished(Process process, Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return false;
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

}
