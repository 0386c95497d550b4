package dev.shopflow.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts the instances of a service beyond its first ({@code up --instances}, {@code ./shopflow scale}). A further
 * instance is started exactly as the service's first was — the first's saved launch: the same jar, database, Kafka,
 * settings and secrets — on ports of its own and under its own name. So it joins the first's Kafka consumer group,
 * relays the same outbox and sweeps the same orders: the instances share the work (ADR 0028).
 */
final class ExtraInstances {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final StackSettings settings;
    private final Services services;
    private final Consumer<String> out;
    private final Runnable stillWanted;

    ExtraInstances(StackSettings settings, Services services, Consumer<String> out) {
        this(settings, services, out, () -> { });
    }

    /** @param stillWanted run while waiting for readiness; throws {@link StackFailure} when the wait should end */
    ExtraInstances(StackSettings settings, Services services, Consumer<String> out, Runnable stillWanted) {
        this.settings = settings;
        this.services = services;
        this.out = out;
        this.stillWanted = stillWanted;
    }

    /**
     * The launch of a further instance: the service's first instance's launch on the instance's own port and
     * management port, and marked with the instance's name in {@code ps}.
     */
    static ServiceLaunch launchOf(ServiceInstance instance, ServiceLaunch first, StackSettings settings) {
        String firstMark = "-Dshopflow.service=" + instance.service().name();
        var command = first.command().stream()
                .map(argument -> argument.equals(firstMark) ? "-Dshopflow.service=" + instance.name() : argument)
                .toList();
        return new ServiceLaunch(command, first.environment()).with(Map.of(
                "SERVER_PORT", String.valueOf(instance.port(settings)),
                "MANAGEMENT_PORT", String.valueOf(instance.managementPort(settings))));
    }

    /**
     * Refuses ports these instances would share with each other or with the stack's other services, or that another
     * program uses already, saying which variable moves each.
     *
     * @throws StackFailure naming the first such port
     */
    void requireFreePorts(List<ServiceInstance> instances) {
        var taken = new LinkedHashMap<Integer, String>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            taken.put(settings.port(service), service.name());
            taken.put(settings.managementPort(service), service.name() + "'s management port");
        }
        for (ServiceInstance instance : instances) {
            Map<Integer, String> own = new LinkedHashMap<>();
            own.put(instance.port(settings), instance.portVariable());
            own.put(instance.managementPort(settings), instance.managementPortVariable());
            own.forEach((port, variable) -> {
                String other = taken.putIfAbsent(port, instance.name());
                if (other != null) {
                    throw new StackFailure("Port " + port + " would serve both " + other + " and " + instance.name()
                            + ". Choose another one for " + instance.name() + " with " + variable + ".");
                }
                try (var socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress("127.0.0.1", port));
                } catch (IOException e) {
                    throw new StackFailure("Port " + port + " (" + instance.name() + ") is already in use by another"
                            + " program. Stop that program, or choose another port with " + variable + ".");
                }
            });
        }
    }

    /**
     * Starts these further instances, each from its service's first instance's saved launch, and returns once every
     * one reports ready.
     *
     * @param freshLog move an earlier log of the same instance aside ({@code up}) rather than append to it
     * @throws StackFailure when a first instance was never started, an instance exits while starting, or is not
     *                      ready in time (those that started keep running: the caller decides)
     */
    void start(List<ServiceInstance> instances, boolean freshLog) {
        if (instances.isEmpty()) {
            return;
        }
        long began = System.nanoTime();
        requireFreePorts(instances);
        var started = new LinkedHashMap<ServiceInstance, ProcessHandle>();
        for (ServiceInstance instance : instances) {
            ServiceLaunch first = services.savedLaunch(instance.service()).orElseThrow(() -> new StackFailure(
                    "No record of how " + instance.service().name() + " was started, so " + instance.name()
                            + " cannot be started like it; start the stack with ./shopflow up."));
            started.put(instance, services.start(instance, launchOf(instance, first, settings), freshLog));
        }
        out.accept("  … started " + names(started.keySet()) + "; waiting for each to report ready");
        awaitReady(started, began);
    }

    private void awaitReady(Map<ServiceInstance, ProcessHandle> started, long began) {
        var waiting = new LinkedHashSet<>(started.keySet());
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (!waiting.isEmpty()) {
            stillWanted.run();
            for (var iterator = waiting.iterator(); iterator.hasNext(); ) {
                ServiceInstance instance = iterator.next();
                if (!started.get(instance).isAlive()) {
                    throw new StackFailure(instance.name() + " exited while starting. The end of its log ("
                            + settings.logFile(instance.name()) + "):\n" + LocalStack.tail(settings.logFile(instance.name()), 25));
                }
                if (Readiness.of(instance.managementPort(settings)) == Readiness.State.READY) {
                    out.accept(String.format("  ✓ %-17s ready on port %d, management port %d (%.1f s)", instance.name(),
                            instance.port(settings), instance.managementPort(settings), (System.nanoTime() - began) / 1e9));
                    iterator.remove();
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StackFailure("Not ready after " + settings.startTimeout().toSeconds() + " s: " + names(waiting)
                        + ". Their logs are in " + settings.logDirectory() + "; SHOPFLOW_START_TIMEOUT_SECONDS waits longer.");
            }
            if (System.nanoTime() > nextProgress) {
                out.accept(String.format("  … waiting for %s (%.0f s)", names(waiting), (System.nanoTime() - began) / 1e9));
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            LocalStack.pause(Duration.ofMillis(250));
        }
    }

    /** The running stack's further instances of the service, by number. */
    List<ServiceInstance> of(ServiceSpec service) {
        return ServiceInstance.extrasIn(settings).stream().filter(extra -> extra.service().equals(service)).toList();
    }

    /**
     * Stops these further instances gracefully, together, and removes them from the stack.
     *
     * @return the names of those that had to be killed
     */
    List<String> stop(List<ServiceInstance> extras) {
        var killed = services.stopInstances(extras);
        extras.forEach(services::forget);
        return killed;
    }

    private static String names(java.util.Collection<ServiceInstance> instances) {
        var names = new ArrayList<String>();
        instances.forEach(instance -> names.add(instance.name()));
        return String.join(", ", names);
    }
}
