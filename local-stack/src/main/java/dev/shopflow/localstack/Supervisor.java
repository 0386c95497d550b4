package dev.shopflow.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The launcher process while the stack runs: it holds the Kafka broker, watches the services, and stops everything
 * when it is told to (Ctrl-C, {@code ./shopflow down}, or SIGTERM). A lock file makes sure only one runs per
 * project folder, and its state file tells a detached {@code up -d} when the stack is ready.
 */
final class Supervisor {

    static final String NAME = "launcher";

    enum State { STARTING, READY, FAILED, STOPPING, STOPPED }

    private final StackSettings settings;
    private final PrintStream out;
    private final ProcessRegistry registry;
    private final boolean observe;
    private final InstanceCounts instances;

    /** @param observe also run Prometheus and Zipkin beside the stack ({@code up --observe}) */
    Supervisor(StackSettings settings, PrintStream out, boolean observe) {
        this(settings, out, observe, InstanceCounts.ONE_EACH);
    }

    /**
     * @param observe   also run Prometheus and Zipkin beside the stack ({@code up --observe})
     * @param instances how many instances of each service to run ({@code up --instances})
     */
    Supervisor(StackSettings settings, PrintStream out, boolean observe, InstanceCounts instances) {
        this.settings = settings;
        this.out = out;
        this.registry = new ProcessRegistry(settings.runDirectory());
        this.observe = observe;
        this.instances = instances;
    }

    /** Runs the stack until this process is told to stop; returns the exit code. */
    int run(boolean detached) {
        try (FileChannel channel = lockChannel(settings); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                out.println("Shopflow is already running: ./shopflow status shows it, ./shopflow down stops it.");
                return 1;
            }
            return runLocked(detached);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int runLocked(boolean detached) {
        Optional<String> leftovers = leftoverServices(settings);
        if (leftovers.isPresent()) {
            out.println("Services from an earlier run are still running (" + leftovers.get() + ")."
                    + " Run ./shopflow down first.");
            return 1;
        }
        registry.record(NAME, ProcessHandle.current());
        writeState(settings, State.STARTING);
        out.println("Starting Shopflow from " + settings.home().toAbsolutePath());
        var stack = new LocalStack(settings, out::println);
        if (observe) {
            stack.observe();
        }
        stack.instances(instances);
        var stopped = new CountDownLatch(1);
        // `./shopflow kill kafka` and `restart kafka` ask this process to stop or restart its broker.
        var brokerControl = new BrokerControl(settings, stack::kafkaBroker, stack::kafkaDescription, out::println);
        Thread hook = new Thread(() -> {
            writeState(settings, State.STOPPING);
            brokerControl.close();
            out.println();
            out.println("Stopping Shopflow …");
            var killed = stack.stop();
            out.println(killed.isEmpty() ? "Stopped." : "Stopped; had to kill " + String.join(", ", killed) + ".");
            writeState(settings, State.STOPPED);
            registry.forget(NAME);
            stopped.countDown();
        }, "shopflow-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.start(null);
        } catch (StackFailure e) {
            out.println();
            out.println("Shopflow could not start: " + e.getMessage());
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                registry.forget(NAME);
                writeState(settings, State.FAILED);
            } catch (IllegalStateException shuttingDown) {
                // Told to stop while starting (Ctrl-C, ./shopflow down): the hook is already cleaning up.
            }
            return 1;
        }
        out.println();
        out.print(stack.urlTable());
        out.println();
        out.println(detached ? "Running in the background: ./shopflow status, ./shopflow logs SERVICE, ./shopflow down."
                : "Press Ctrl-C to stop (or run ./shopflow down in another terminal).");
        brokerControl.start();
        writeState(settings, State.READY);
        watch(stopped);
        return 0;
    }

    /**
     * Reports services that stop or come back (a fault lab's kill and restart), and instances that {@code scale}
     * adds or removes, until the stack stops.
     */
    private void watch(CountDownLatch stopped) {
        Map<String, Long> running = new HashMap<>();
        var seen = new java.util.HashSet<String>();
        for (ServiceInstance instance : ServiceInstance.allIn(settings)) {
            registry.find(instance.name()).ifPresent(process -> running.put(instance.name(), process.pid()));
        }
        seen.addAll(running.keySet());
        try {
            while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                var current = ServiceInstance.allIn(settings).stream().map(ServiceInstance::name).toList();
                var names = new java.util.LinkedHashSet<>(current);
                names.addAll(running.keySet());
                for (String name : names) {
                    Long before = running.get(name);
                    Long now = registry.find(name).map(ProcessHandle::pid).orElse(null);
                    if (before != null && !before.equals(now)) {
                        out.println("  ! " + name + " (pid " + before + ") has stopped" + (current.contains(name)
                                ? "; ./shopflow restart " + name + " starts it again" : " (scaled away)"));
                    }
                    if (now != null && !now.equals(before)) {
                        out.println("  ✓ " + name + " is running" + (seen.contains(name) ? " again" : "") + " (pid " + now + ")");
                    }
                    if (now == null) {
                        running.remove(name);
                    } else {
                        running.put(name, now);
                        seen.add(name);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The live launcher process of this project folder, if one runs. */
    static Optional<ProcessHandle> running(StackSettings settings) {
        return new ProcessRegistry(settings.runDirectory()).find(NAME);
    }

    /** Processes of an earlier run that are still alive: services, an embedded PostgreSQL, Prometheus or Zipkin. */
    static Optional<String> leftoverServices(StackSettings settings) {
        var registry = new ProcessRegistry(settings.runDirectory());
        var names = new java.util.ArrayList<String>();
        ServiceInstance.allIn(settings).forEach(instance -> names.add(instance.name()));
        names.add(LocalStack.EMBEDDED_POSTGRES);
        names.add(Observability.PROMETHEUS);
        names.add(Observability.ZIPKIN);
        var alive = names.stream()
                .flatMap(name -> registry.find(name).map(process -> name + " pid " + process.pid()).stream())
                .toList();
        return alive.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", alive));
    }

    static Optional<State> state(StackSettings settings) {
        Path file = settings.runDirectory().resolve("launcher.state");
        try {
            return Files.exists(file) ? Optional.of(State.valueOf(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void writeState(StackSettings settings, State state) {
        try {
            Files.createDirectories(settings.runDirectory());
            Files.writeString(settings.runDirectory().resolve("launcher.state"), state.name() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FileChannel lockChannel(StackSettings settings) throws IOException {
        Files.createDirectories(settings.runDirectory());
        return FileChannel.open(settings.runDirectory().resolve("launcher.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    static Duration stopTimeout() {
        return Services.STOP_GRACE.plusSeconds(30);
    }
}
