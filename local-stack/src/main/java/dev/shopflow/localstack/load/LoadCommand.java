package dev.shopflow.localstack.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * {@code ./shopflow load SCENARIO [--rate N] [--duration D] [--vus N]}: runs {@code load-tests/SCENARIO.js} with k6
 * against the running stack's gateway, keeps k6's JSON summary, its HTML report with charts, its output and the
 * stack's memory in {@code .shopflow/load/TIME-SCENARIO/}, prints a one-screen summary, and then runs the
 * consistency audit. The exit code is 0 only when the scenario passed and the audit is clean; 2 for bad arguments.
 */
public final class LoadCommand {

    /**
     * The running stack a load run is aimed at.
     *
     * @param gatewayUrl for example {@code http://127.0.0.1:8080}
     * @param administrator {@code SHOPFLOW_ADMIN_EMAIL} and {@code SHOPFLOW_ADMIN_PASSWORD} of the stack's
     *     administrator (the scripts keep a sold-out product with them), or empty
     * @param processes the stack's processes now, for its resident memory
     */
    public record Target(String gatewayUrl, Map<String, String> administrator, Supplier<List<ProcessHandle>> processes) {
    }

    private static final long MEMORY_EVERY_SECONDS = 5;
    static final Duration WARM_AFTER = Duration.ofMinutes(3);
    // Measured on 2 cores: 20 s of smoke after a start still left checkout p50 at 1.25 s; a minute more, 0.3 s.
    private static final Duration WARM_UP = Duration.ofSeconds(60);
    private static final Duration RECORDING_WAIT = Duration.ofMinutes(3);

    private final Path home;
    private final Path loadDirectory;
    private final Map<String, String> environment;
    private final PrintStream out;

    /**
     * @param home the project folder ({@code load-tests/} is there)
     * @param loadDirectory where each run gets its folder ({@code .shopflow/load})
     * @param environment where {@code K6} and {@code PATH} are read; passed on to k6
     */
    public LoadCommand(Path home, Path loadDirectory, Map<String, String> environment, PrintStream out) {
        this.home = home;
        this.loadDirectory = loadDirectory;
        this.environment = environment;
        this.out = out;
    }

    /**
     * Runs a scenario, then the audit.
     *
     * @param args the arguments after {@code load}
     * @param target the running stack, or empty when it is not running (asked only once the arguments are right)
     * @param audit runs the consistency audit and returns its exit code (0: clean)
     * @return 0 when the scenario passed and the audit is clean, 1 when either did not, 2 for bad arguments
     */
    public int run(List<String> args, Supplier<Optional<Target>> target, IntSupplier audit) {
        LoadOptions options;
        Path k6;
        try {
            options = LoadOptions.parse(args);
            k6 = new K6Locator(environment, home).find().orElse(null);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(LoadOptions.USAGE);
            return 2;
        }
        Path script = home.resolve("load-tests").resolve(options.scenario().script());
        if (!Files.isRegularFile(script)) {
            out.println("There is no " + script + ": run ./shopflow from the project folder.");
            return 1;
        }
        if (k6 == null) {
            out.println(K6Locator.HOW_TO_INSTALL);
            return 1;
        }
        Optional<Target> stack = target.get();
        if (stack.isEmpty()) {
            out.println("Shopflow is not running (its gateway is not ready): start it with ./shopflow up -d, then run"
                    + " ./shopflow load again. Heavier runs want higher rate limits: see load-tests/README.md.");
            return 1;
        }
        waitForStartupCacheRecordings(stack.get());
        Path folder = newRunFolder(options.scenario());
        if (needsWarmUp(options.scenario(), stack.get().processes().get(), Instant.now())) {
            warmUp(k6, stack.get(), folder.resolve("warm-up"));
        }
        LoadReport report = runK6(k6, script, options, stack.get(), folder);
        report.print(out);

        out.println();
        out.println("Consistency audit (./shopflow audit):");
        int auditCode = audit.getAsInt(); // the same dispatch as ./shopflow audit
        boolean clean = auditCode == 0;
        out.println();
        if (report.passed() && clean) {
            out.println("Load run " + options.scenario().id() + " passed, and the audit is clean.");
            return 0;
        }
        out.println("Load run " + options.scenario().id() + (report.passed() ? " passed" : " FAILED")
                + (clean ? ", and the audit is clean." : ", and the audit is NOT clean (exit " + auditCode + ")."));
        return 1;
    }

    /**
     * Whether a process of the stack (the launcher) has a JDK start-up cache recording running under it: a second JVM
     * per service that starts and stops once, in the background, right after the first start following a build.
     */
    static boolean recordingStartupCaches(List<ProcessHandle> stack) {
        return stack.stream().flatMap(ProcessHandle::descendants)
                .anyMatch(process -> process.info().arguments().stream().flatMap(java.util.Arrays::stream)
                        .anyMatch(argument -> argument.startsWith("-XX:AOTCacheOutput=")));
    }

    /**
     * A stack whose services started less than {@link #WARM_AFTER} ago still compiles its hot paths (about a third of
     * each service's CPU right after start): measured then, a checkout takes ten times as long. The smoke scenario
     * warms it up itself and needs no warm-up.
     */
    static boolean needsWarmUp(Scenario scenario, List<ProcessHandle> stack, Instant now) {
        return scenario != Scenario.SMOKE && stack.stream()
                .map(process -> process.info().startInstant())
                .flatMap(Optional::stream)
                .anyMatch(started -> started.isAfter(now.minus(WARM_AFTER)));
    }

    /**
     * Waits while the launcher records start-up caches (about a minute after the first start that follows a build):
     * that second JVM per service competes with the stack for the CPU, and a run measured meanwhile is many times
     * slower (docs in load-tests/README.md).
     */
    private void waitForStartupCacheRecordings(Target stack) {
        long began = System.nanoTime();
        long lastSaid = -1;
        while (recordingStartupCaches(stack.processes().get())) {
            long waited = (System.nanoTime() - began) / 1_000_000_000L;
            if (waited >= RECORDING_WAIT.toSeconds()) {
                out.println("  ! Start-up caches are still being recorded after " + waited + " s; measuring anyway, on a"
                        + " busier stack than usual.");
                return;
            }
            if (waited / 10 != lastSaid) {
                lastSaid = waited / 10;
                out.println("  … the launcher is recording start-up caches (once per build); waiting for it so that it"
                        + " does not compete with the run (" + waited + " s)");
            }
            sleepQuietly(Duration.ofSeconds(1));
        }
    }

    /** Runs the smoke scenario once, unmeasured, with its output in {@code folder}. */
    private void warmUp(Path k6, Target stack, Path folder) {
        out.println("  … warming the stack up first: it started less than " + WARM_AFTER.toMinutes()
                + " minutes ago, and fresh JVMs compile their hot paths for a while (the smoke scenario for "
                + WARM_UP.toSeconds() + " s, not measured;"
                + " output in " + shown(folder) + ")");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var environment = new LinkedHashMap<>(this.environment);
        environment.put("SHOPFLOW_URL", stack.gatewayUrl());
        environment.putAll(stack.administrator());
        var command = List.of(k6.toString(), "run", "--quiet", "--no-color", "--address", "",
                "-e", "DURATION=" + WARM_UP.toSeconds() + "s",
                home.resolve("load-tests").resolve(Scenario.SMOKE.script()).toAbsolutePath().toString());
        runAndLog(command, environment, folder);
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stack", e);
        }
    }

    private LoadReport runK6(Path k6, Path script, LoadOptions options, Target stack, Path folder) {
        Path summaryFile = folder.resolve("summary.json");
        int dashboardPort = freePort();
        var command = new ArrayList<>(List.of(k6.toString(), "run", "--quiet", "--no-color",
                // k6's REST API (6565) is of no use here and would clash with a second run.
                "--address", "",
                "--summary-export", summaryFile.toString(),
                "--summary-trend-stats", "avg,min,med,max,p(90),p(95),p(99),count"));
        options.rate().ifPresent(rate -> command.addAll(List.of("-e", "RATE=" + rate)));
        options.duration().ifPresent(duration -> command.addAll(List.of("-e", "DURATION=" + duration)));
        options.vus().ifPresent(vus -> command.addAll(List.of("-e", "VUS=" + vus)));
        command.add(script.toAbsolutePath().toString());

        // The report is only written when the run spans two snapshot periods (10 s by default).
        var k6Environment = k6Environment(environment, stack, folder, dashboardPort,
                dashboardPeriod(options.expectedSeconds()));

        out.printf("Running k6 scenario %s (%s) against %s%n", options.scenario().id(), options.scenario().description(),
                stack.gatewayUrl());
        out.printf("  k6 %s · load for about %d s after signing up its customers · live dashboard http://127.0.0.1:%d%n",
                k6, options.expectedSeconds(), dashboardPort);
        out.println("  output in " + shown(folder));

        var memory = new StackMemory(stack.processes());
        OptionalLong before = memory.residentMegabytes();
        var samples = new CopyOnWriteArrayList<SoakDrift.MemorySample>();
        long started = System.nanoTime();
        var sampler = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform().daemon().name("memory-sampler").unstarted(runnable));
        sampler.scheduleAtFixedRate(() -> memory.residentMegabytes().ifPresent(megabytes ->
                samples.add(new SoakDrift.MemorySample((System.nanoTime() - started) / 1e9, megabytes))), 0, MEMORY_EVERY_SECONDS, TimeUnit.SECONDS);
        int exitCode;
        try {
            exitCode = runAndLog(command, k6Environment, folder);
        } finally {
            sampler.shutdownNow();
        }
        double loadEnd = (System.nanoTime() - started) / 1e9;
        OptionalLong after = memory.residentMegabytes();
        writeMemory(folder.resolve("memory.csv"), samples);
        OptionalLong peak = samples.stream().mapToLong(SoakDrift.MemorySample::megabytes).max().stream()
                .map(max -> Math.max(max, after.orElse(0))).findFirst();

        K6Summary summary;
        if (Files.isRegularFile(summaryFile)) {
            summary = K6Summary.read(summaryFile);
        } else {
            out.println("k6 wrote no summary (exit " + exitCode + "). The end of its output (" + shown(folder.resolve("k6.log")) + "):");
            out.println(tail(folder.resolve("k6.log"), 20));
            summary = K6Summary.parse("{\"metrics\":{}}");
            exitCode = exitCode == 0 ? 1 : exitCode;
        }
        if (!Files.isRegularFile(folder.resolve("report.html"))) {
            out.println("  ! k6 wrote no HTML report (the run was shorter than two snapshot periods, or it failed early)");
        }
        SoakDrift drift = options.scenario() == Scenario.SOAK
                ? SoakDrift.of(summary, samples, Math.max(0, loadEnd - options.expectedSeconds()), loadEnd)
                : null;
        return new LoadReport(options.scenario(), summary, exitCode, options.expectedSeconds(), before, peak, after,
                shown(folder), drift);
    }

    /**
     * Runs k6 with its output in {@code k6.log}; its warnings and errors (a crossed threshold, an order that ended
     * unexpectedly) are shown as they come. Ctrl-C stops k6 too.
     */
    private int runAndLog(List<String> command, Map<String, String> k6Environment, Path folder) {
        var builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(k6Environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        }
        Thread stopK6 = new Thread(process::destroy, "stop-k6");
        Runtime.getRuntime().addShutdownHook(stopK6);
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(folder.resolve("k6.log"))) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.write(line);
                log.write('\n');
                if (line.contains("level=warning") || line.contains("level=error")) {
                    out.println("  k6: " + line.replaceFirst("^time=\"[^\"]*\" ", ""));
                }
            }
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep k6's output in " + folder.resolve("k6.log"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopK6);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops k6
            }
        }
    }

    private Path newRunFolder(Scenario scenario) {
        return RunFolder.create(loadDirectory, scenario.id());
    }

    /** A snapshot period that gives a run's report enough points: 1 s for short runs, up to 10 s for long ones. */
    /**
     * What k6 runs with against the stack: the caller's environment, the gateway's URL, the administrator's
     * credentials (through the environment: a command line is visible to everyone) and the web dashboard that writes
     * {@code report.html} into the run's folder, snapshotting every {@code dashboardPeriod}.
     */
    public static Map<String, String> k6Environment(Map<String, String> environment, Target stack, Path folder,
            int dashboardPort, String dashboardPeriod) {
        var k6Environment = new LinkedHashMap<>(environment);
        k6Environment.put("SHOPFLOW_URL", stack.gatewayUrl());
        k6Environment.putAll(stack.administrator());
        k6Environment.put("K6_WEB_DASHBOARD", "true");
        k6Environment.put("K6_WEB_DASHBOARD_EXPORT", folder.resolve("report.html").toString());
        k6Environment.put("K6_WEB_DASHBOARD_PORT", String.valueOf(dashboardPort));
        k6Environment.put("K6_WEB_DASHBOARD_OPEN", "false");
        k6Environment.put("K6_WEB_DASHBOARD_PERIOD", dashboardPeriod);
        return k6Environment;
    }

    static String dashboardPeriod(long loadSeconds) {
        return loadSeconds <= 120 ? "1s" : loadSeconds <= 900 ? "5s" : "10s";
    }

    private String shown(Path path) {
        return RunFolder.shown(home, path);
    }

    private static void writeMemory(Path file, List<SoakDrift.MemorySample> samples) {
        var csv = new StringBuilder("seconds,stack_rss_mb\n");
        samples.forEach(sample -> csv.append(String.format(java.util.Locale.ROOT, "%.1f,%d%n", sample.secondsIntoRun(), sample.megabytes())));
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String tail(Path file, int count) {
        try (var lines = Files.lines(file)) {
            var all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ")";
        }
    }

    /** A port for k6's live dashboard that nothing listens on, so that two runs at once do not clash on 5665. */
    private static int freePort() {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port for k6's dashboard", e);
        }
    }
}
