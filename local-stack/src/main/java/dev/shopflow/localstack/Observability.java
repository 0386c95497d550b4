package dev.shopflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What {@code ./shopflow up --observe} runs beside the stack: Prometheus, when it is installed, scraping every
 * service's management port with {@code observability/prometheus/local.yml} (its ports replaced by the ones the stack
 * uses); and a Zipkin server from Maven Central ({@value #ZIPKIN_ARTIFACT}, fetched once through the Maven wrapper into
 * the local Maven repository), to which every service sends its spans ({@code ZIPKIN_ENDPOINT}). Both run as processes
 * of their own, recorded in the {@link ProcessRegistry}, and stop with the stack.
 */
final class Observability implements AutoCloseable {

    static final String ZIPKIN_ARTIFACT = "io.zipkin:zipkin-server:3.5.1:jar:exec";
    static final String PROMETHEUS = "prometheus";
    static final String ZIPKIN = "zipkin";
    /** The scrape configuration in the project, with the default management ports. */
    static final Path LOCAL_SCRAPE_CONFIG = Path.of("observability", "prometheus", "local.yml");
    static final String HOW_TO_INSTALL_PROMETHEUS =
            "install it (Debian/Ubuntu: apt install prometheus; macOS: brew install prometheus) to collect metrics";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(10);
    /** The longest {@link #start} may take: fetching Zipkin the first time, then waiting for both to answer. */
    static final Duration LONGEST_START = FETCH_TIMEOUT.plus(READY_TIMEOUT);
    private static final Pattern SCRAPE_TARGET = Pattern.compile("\"127\\.0\\.0\\.1:(\\d+)\"");
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final StackSettings settings;
    private final Consumer<String> out;
    private final ProcessRegistry registry;
    private final List<String> started = new ArrayList<>();
    private boolean prometheusRuns;

    Observability(StackSettings settings, Consumer<String> out) {
        this.settings = settings;
        this.out = out;
        this.registry = new ProcessRegistry(settings.runDirectory());
    }

    /** Where Prometheus listens: {@code SHOPFLOW_PROMETHEUS_PORT}, 9090 by default. */
    int prometheusPort() {
        return port("SHOPFLOW_PROMETHEUS_PORT", 9090);
    }

    /** Where Zipkin listens: {@code SHOPFLOW_ZIPKIN_PORT}, 9411 by default. */
    int zipkinPort() {
        return port("SHOPFLOW_ZIPKIN_PORT", 9411);
    }

    /** Where the services send their spans (Zipkin's v2 API). */
    String zipkinEndpoint() {
        return "http://127.0.0.1:" + zipkinPort() + "/api/v2/spans";
    }

    /** What every service is told: where its spans go. */
    Map<String, String> serviceEnvironment() {
        return Map.of("ZIPKIN_ENDPOINT", zipkinEndpoint());
    }

    /** Starts Prometheus (if installed) and Zipkin, and returns once both answer. */
    void start() {
        long began = System.nanoTime();
        Optional<Path> prometheus = findOnPath(PROMETHEUS, settings.environment());
        Process prometheusProcess = null;
        if (prometheus.isPresent()) {
            prometheusProcess = startPrometheus(prometheus.get());
        } else {
            out.accept("  ! Prometheus      not installed: " + HOW_TO_INSTALL_PROMETHEUS);
        }
        Process zipkin = startZipkin(zipkinJar());
        if (prometheusProcess != null) {
            awaitAnswer(PROMETHEUS, prometheusProcess, "http://127.0.0.1:" + prometheusPort() + "/-/ready");
            prometheusRuns = true;
            out.accept(String.format("  ✓ Prometheus      http://localhost:%d (%.1f s)", prometheusPort(), seconds(began)));
        }
        awaitAnswer(ZIPKIN, zipkin, "http://127.0.0.1:" + zipkinPort() + "/health");
        out.accept(String.format("  ✓ Zipkin          http://localhost:%d (%.1f s)", zipkinPort(), seconds(began)));
    }

    /** Lines for the table printed when the stack is ready. */
    String describe() {
        var lines = new StringBuilder();
        lines.append(String.format("  %-16s %s%n", "Prometheus", prometheusRuns
                ? "http://localhost:" + prometheusPort() + "  (every service's metrics every 5 s)"
                : "not installed: " + HOW_TO_INSTALL_PROMETHEUS));
        lines.append(String.format("  %-16s %s%n", "Zipkin", "http://localhost:" + zipkinPort() + "  (every request's trace)"));
        return lines.toString();
    }

    boolean prometheusRuns() {
        return prometheusRuns;
    }

    /** Stops what {@link #start} started. */
    @Override
    public void close() {
        for (String name : started.reversed()) {
            stop(registry, name);
        }
        started.clear();
    }

    /** Stops a process of an earlier {@code --observe} that the launcher could not stop (it was killed). */
    static boolean stopLeftover(ProcessRegistry registry, String name) {
        if (registry.find(name).isEmpty()) {
            return false;
        }
        stop(registry, name);
        return true;
    }

    private static void stop(ProcessRegistry registry, String name) {
        registry.find(name).ifPresent(process -> {
            process.destroy();
            if (process.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).join() == null && process.isAlive()) {
                process.destroyForcibly();
            }
        });
        registry.forget(name);
    }

    /**
     * The scrape configuration for this stack: {@code observability/prometheus/local.yml} with each default management
     * port (9080 ...) replaced by the one the service uses here.
     */
    String scrapeConfig() {
        String template = read(settings.home().resolve(LOCAL_SCRAPE_CONFIG));
        var defaults = new java.util.HashMap<Integer, Integer>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            defaults.put(service.defaultPort() + StackSettings.MANAGEMENT_PORT_OFFSET, settings.managementPort(service));
        }
        return SCRAPE_TARGET.matcher(template).replaceAll(match -> {
            int port = Integer.parseInt(match.group(1));
            return "\"127.0.0.1:" + defaults.getOrDefault(port, port) + "\"";
        });
    }

    private Process startPrometheus(Path executable) {
        Path folder = settings.stateDirectory().resolve("prometheus");
        Path config = folder.resolve("prometheus.yml");
        try {
            Files.createDirectories(folder);
            Files.writeString(config, scrapeConfig());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config, e);
        }
        var command = List.of(executable.toString(),
                "--config.file=" + config.toAbsolutePath(),
                "--storage.tsdb.path=" + folder.resolve("data").toAbsolutePath(),
                "--storage.tsdb.retention.time=2d",
                "--web.listen-address=127.0.0.1:" + prometheusPort());
        return startRecorded(PROMETHEUS, command, Map.of());
    }

    private Process startZipkin(Path jar) {
        var command = new ArrayList<String>();
        command.add(Processes.java());
        command.addAll(List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        // In memory, loopback only, and bounded: a long load test keeps the newest spans.
        return startRecorded(ZIPKIN, command, Map.of(
                "QUERY_PORT", String.valueOf(zipkinPort()),
                "ARMERIA_PORTS_0_IP", "127.0.0.1",
                "ARMERIA_PORTS_0_PORT", String.valueOf(zipkinPort()),
                "MEM_MAX_SPANS", "200000"));
    }

    private Process startRecorded(String name, List<String> command, Map<String, String> environment) {
        Process process = Processes.start(command, environment, settings.home(), settings.logFile(name), false);
        registry.record(name, process.toHandle());
        started.add(name);
        return process;
    }

    /** Zipkin's runnable jar in the local Maven repository, fetched through the Maven wrapper the first time. */
    Path zipkinJar() {
        Path jar = mavenRepository().resolve("io/zipkin/zipkin-server/3.5.1/zipkin-server-3.5.1-exec.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        out.accept("  … fetching Zipkin (" + ZIPKIN_ARTIFACT + ") from Maven Central, once");
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        var command = List.of(settings.home().resolve(windows ? "mvnw.cmd" : "mvnw").toString(), "-B", "-q",
                "--no-transfer-progress", "dependency:get", "-Dartifact=" + ZIPKIN_ARTIFACT, "-Dtransitive=false");
        Process fetch = Processes.start(command, Map.of(), settings.home(), settings.logFile("zipkin-fetch"), false);
        try {
            if (!fetch.waitFor(FETCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                fetch.destroyForcibly();
                throw new StackFailure("Fetching Zipkin took longer than " + FETCH_TIMEOUT.toMinutes() + " min; see "
                        + settings.logFile("zipkin-fetch"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fetch.destroyForcibly();
            throw new StackFailure("Interrupted while fetching Zipkin.");
        }
        if (fetch.exitValue() != 0 || !Files.isRegularFile(jar)) {
            throw new StackFailure("Could not fetch " + ZIPKIN_ARTIFACT + " into " + jar + ":\n"
                    + LocalStack.tail(settings.logFile("zipkin-fetch"), 15));
        }
        return jar;
    }

    private Path mavenRepository() {
        String configured = settings.environment().get("SHOPFLOW_MAVEN_REPOSITORY");
        return configured != null && !configured.isBlank()
                ? Path.of(configured.trim())
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private void awaitAnswer(String name, Process process, String url) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackFailure(name + " exited while starting. The end of its log (" + settings.logFile(name)
                        + "):\n" + LocalStack.tail(settings.logFile(name), 20));
            }
            if (answers(url)) {
                return;
            }
            LocalStack.pause(Duration.ofMillis(250));
        }
        throw new StackFailure(name + " did not answer " + url + " within " + READY_TIMEOUT.toSeconds() + " s; see "
                + settings.logFile(name));
    }

    private static boolean answers(String url) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An executable on the {@code PATH} of this environment (Homebrew's folders are on a Mac user's). */
    static Optional<Path> findOnPath(String command, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            Path candidate = Path.of(folder, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private int port(String variable, int fallback) {
        String value = settings.environment().get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a number, not '" + value + "'");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
