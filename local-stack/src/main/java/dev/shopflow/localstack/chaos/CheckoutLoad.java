package dev.shopflow.localstack.chaos;

import dev.shopflow.localstack.load.K6Summary;
import dev.shopflow.localstack.load.LoadCommand;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * k6's {@code checkout} scenario ({@code load-tests/checkout.js}) running in the background for as long as the faults
 * take: started with a duration far longer than any run, and stopped (SIGTERM, which k6 treats as Ctrl-C: it ends the
 * test and still writes its summary and report) once the faults are done. Its output goes to {@code k6.log}.
 */
final class CheckoutLoad implements AutoCloseable {

    /** Longer than any run: the load is stopped, never left to end on its own. */
    private static final String UNTIL_STOPPED = "2h";

    private final Process process;
    private final Path folder;
    private final Thread stopOnExit;
    private final int dashboardPort;

    private CheckoutLoad(Process process, Path folder, int dashboardPort) {
        this.process = process;
        this.folder = folder;
        this.dashboardPort = dashboardPort;
        // Ctrl-C on ./shopflow chaos stops k6 too.
        this.stopOnExit = new Thread(process::destroy, "stop-k6");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts k6 on the checkout scenario against the stack.
     *
     * @param environment the user's environment (k6 reads its own settings from it), passed on
     * @param folder where {@code k6.log}, {@code summary.json} and {@code report.html} go
     */
    static CheckoutLoad start(Path k6, Path script, LoadCommand.Target stack, int rate, Map<String, String> environment,
            Path folder) {
        int dashboardPort = freePort();
        var command = new ArrayList<>(List.of(k6.toString(), "run", "--quiet", "--no-color", "--address", "",
                "--summary-export", folder.resolve("summary.json").toString(),
                "-e", "RATE=" + rate, "-e", "DURATION=" + UNTIL_STOPPED, script.toAbsolutePath().toString()));
        var k6Environment = LoadCommand.k6Environment(environment, stack, folder, dashboardPort, "2s");
        var builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("k6.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(
                        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(k6Environment);
        try {
            return new CheckoutLoad(builder.start(), folder, dashboardPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + k6 + ": " + e.getMessage(), e);
        }
    }

    boolean running() {
        return process.isAlive();
    }

    int dashboardPort() {
        return dashboardPort;
    }

    /**
     * Ends the test as Ctrl-C would and waits for k6 to write its summary.
     *
     * @return k6's summary, empty when it wrote none
     */
    Optional<K6Summary> stop() {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        removeHook();
        Path summary = folder.resolve("summary.json");
        return Files.isRegularFile(summary) ? Optional.of(K6Summary.read(summary)) : Optional.empty();
    }

    /** The last lines k6 wrote, for a run that ended on its own. */
    String tail(int lines) {
        try (var all = Files.lines(folder.resolve("k6.log"))) {
            var list = all.toList();
            return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + folder.resolve("k6.log") + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        removeHook();
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it stops k6
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port for k6's dashboard", e);
        }
    }

    /** How long the scenario's setup may take (it signs up its customers): k6's own {@code setupTimeout}. */
    static final Duration SETUP_TIMEOUT = Duration.ofMinutes(3);
}
