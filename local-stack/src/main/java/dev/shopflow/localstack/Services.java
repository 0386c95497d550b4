package dev.shopflow.localstack;

import dev.shopflow.platform.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts and stops the service JVMs. Each runs its jar (extracted, with a start-up cache when it has one: see
 * {@link ServiceImages}) with its output in {@code logs/SERVICE.log}, and is recorded in the {@link ProcessRegistry}.
 */
final class Services {

    /** A service stopping gracefully gets this long before it is killed (its own shutdown phase is 20 s). */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /**
     * Settings of a service that the consistency audit checks against (an order may stay open until its time-out),
     * recorded in the service's launch file when the user sets them.
     */
    static final Map<String, List<String>> RECORDED_SETTINGS = Map.of("order-service", List.of(
            "ORDER_DEADLINE", "SHOPFLOW_ORDERING_DEADLINE", "ORDER_SWEEP_INTERVAL", "SHOPFLOW_ORDERING_SWEEP_INTERVAL"));

    /**
     * Tracing settings every service reads alike (platform's defaults): where spans go and how many are recorded. Passed
     * on from the stack's settings, so that a stack started in-process (the system tests) can point them elsewhere.
     */
    static final List<String> TRACING_SETTINGS = List.of(
            "ZIPKIN_ENDPOINT", "TRACING_SAMPLING_PROBABILITY", "TRACING_SAMPLING_TRACES_PER_SECOND");

    private final StackSettings settings;
    private final ProcessRegistry registry;
    private final ServiceImages images;

    Services(StackSettings settings) {
        this.settings = settings;
        this.registry = new ProcessRegistry(settings.runDirectory());
        this.images = new ServiceImages(settings, line -> { });
    }

    /** The addresses the gateway reaches the services from on one machine. */
    static final String LOOPBACK = "127.0.0.1,::1";

    ProcessRegistry registry() {
        return registry;
    }

    /** The command line and environment that connect a service to this Kafka and PostgreSQL. */
    ServiceLaunch launchOf(ServiceSpec service, PostgresServer postgres, String kafkaBootstrapServers,
            StackSecrets secrets) {
        var command = new ArrayList<String>();
        command.add(Processes.java());
        command.addAll(settings.jvmOptions());
        command.addAll(images.cacheOptions(service));
        // Marks the process as a Shopflow service in `ps` and in the JVM's own view of its arguments.
        command.add("-Dshopflow.service=" + service.name());
        command.add("-jar");
        command.add(images.runnableJar(service).toAbsolutePath().toString());

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", String.valueOf(settings.port(service)));
        // Loopback only, unless the user asks otherwise: a laptop demo should not be reachable from the network.
        environment.put("SERVER_ADDRESS", settings.environment().getOrDefault("SHOPFLOW_BIND_ADDRESS", "127.0.0.1"));
        // Health and metrics: on the same address, on a port the gateway does not route.
        environment.put("MANAGEMENT_PORT", String.valueOf(settings.managementPort(service)));
        if (!service.equals(ServiceSpec.GATEWAY)) {
            // The gateway reaches every service from 127.0.0.1, so a service believes the client address the gateway
            // forwards from there; from anywhere else the header is ignored. On one machine, anyone who can connect
            // from 127.0.0.1 is a local user, who is trusted like the gateway (ADR 0013). The gateway itself trusts
            // no proxy: its peer is the client.
            environment.put("SHOPFLOW_WEB_TRUSTED_PROXIES", LOOPBACK);
        }
        if (service.database() != null) {
            environment.put("DB_HOST", postgres.host());
            environment.put("DB_PORT", String.valueOf(postgres.port()));
            environment.put("DB_NAME", settings.database(service));
            environment.put("DB_USER", postgres.user());
            environment.put("DB_PASSWORD", postgres.password());
        }
        if (service.usesKafka()) {
            environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        }
        // Where the others are: every service checks tokens against auth-service's keys, the gateway routes to all,
        // order-service asks catalog-service for prices.
        for (ServiceSpec other : ServiceSpec.ALL) {
            if (other.database() != null && !other.equals(service)) {
                String key = other.name().replace("-service", "").toUpperCase();
                environment.put("SERVICES_" + key + "_URI", "http://127.0.0.1:" + settings.port(other));
            }
        }
        // The access tokens' issuer is the gateway's public address, where standard clients find the
        // authorization-server metadata (RFC 8414, ADR 0022); every service checks it. The user's own wins.
        environment.put("JWT_ISSUER", settings.environment().getOrDefault("JWT_ISSUER",
                "http://localhost:" + settings.port(ServiceSpec.GATEWAY)));
        // Inherited from the launcher anyway; written down so that ./shopflow audit uses what the service runs with.
        for (String setting : RECORDED_SETTINGS.getOrDefault(service.name(), List.of())) {
            String value = settings.environment().get(setting);
            if (value != null && !value.isBlank()) {
                environment.put(setting, value.trim());
            }
        }
        for (String setting : TRACING_SETTINGS) {
            String value = settings.environment().get(setting);
            if (value != null && !value.isBlank()) {
                environment.put(setting, value.trim());
            }
        }
        environment.putAll(secrets.environmentOf(service));
        return new ServiceLaunch(List.copyOf(command), environment);
    }

    /**
     * Starts a service's first instance and records it.
     *
     * @param freshLog move the previous log aside ({@code up}) rather than append to it ({@code restart})
     */
    ProcessHandle start(ServiceSpec service, ServiceLaunch launch, boolean freshLog) {
        return start(ServiceInstance.first(service), launch, freshLog);
    }

    /**
     * Starts an instance of a service and records it: its pid file, its launch file and its log are named after the
     * instance ({@code order-service-2.log}).
     *
     * @param freshLog move the previous log aside ({@code up}) rather than append to it ({@code restart})
     */
    ProcessHandle start(ServiceInstance instance, ServiceLaunch launch, boolean freshLog) {
        Path jar = settings.jar(instance.service());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("There is no " + jar + ": build it with ./mvnw package -DskipTests"
                    + " (./shopflow up does that for you).");
        }
        Path log = settings.logFile(instance.name());
        try {
            Files.createDirectories(log.getParent());
            if (freshLog && Files.exists(log)) {
                Files.move(log, log.resolveSibling(instance.name() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + log, e);
        }
        launch.save(ServiceLaunch.file(settings, instance));
        ProcessHandle process = Processes.start(launch.command(), launch.environment(), settings.home(), log, true).toHandle();
        registry.record(instance.name(), process);
        return process;
    }

    Optional<ServiceLaunch> savedLaunch(ServiceSpec service) {
        return ServiceLaunch.saved(settings, service);
    }

    Optional<ServiceLaunch> savedLaunch(ServiceInstance instance) {
        return ServiceLaunch.saved(settings, instance);
    }

    Optional<ProcessHandle> running(ServiceSpec service) {
        return running(ServiceInstance.first(service));
    }

    Optional<ProcessHandle> running(ServiceInstance instance) {
        return registry.find(instance.name());
    }

    /**
     * Stops a service's first instance gracefully (SIGTERM, then up to {@link #STOP_GRACE} to finish in-flight work),
     * killing it only if it does not exit in time.
     *
     * @return whether it stopped on its own
     */
    boolean stop(ServiceSpec service) {
        return stop(ServiceInstance.first(service));
    }

    /** Stops an instance gracefully, as {@link #stop(ServiceSpec)} does; @return whether it stopped on its own */
    boolean stop(ServiceInstance instance) {
        return stopInstances(List.of(instance)).isEmpty();
    }

    /**
     * Stops these services together, every instance of each: all are asked to stop at once, then each gets until
     * the same deadline before it is killed. Their further instances are no longer part of the stack afterwards
     * (their launch files go too).
     *
     * @return the names of the instances that had to be killed
     */
    List<String> stopAll(List<ServiceSpec> toStop) {
        var instances = new ArrayList<ServiceInstance>();
        var extras = ServiceInstance.extrasIn(settings);
        for (ServiceSpec service : toStop) {
            instances.add(ServiceInstance.first(service));
            extras.stream().filter(extra -> extra.service().equals(service)).forEach(instances::add);
        }
        List<String> killed = stopInstances(instances);
        instances.stream().filter(instance -> !instance.isFirst()).forEach(this::forget);
        return killed;
    }

    /**
     * Stops these instances together: all are asked to stop at once, then each gets until the same deadline before
     * it is killed.
     *
     * @return the names of the instances that had to be killed
     */
    List<String> stopInstances(List<ServiceInstance> toStop) {
        var stopping = new LinkedHashMap<String, ProcessHandle>();
        for (ServiceInstance instance : toStop) {
            registry.find(instance.name()).ifPresent(process -> {
                process.destroy();
                stopping.put(instance.name(), process);
            });
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        var killed = new ArrayList<String>();
        stopping.forEach((name, process) -> {
            if (!awaitExit(process, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(10));
                killed.add(name);
            }
        });
        toStop.forEach(instance -> registry.forget(instance.name()));
        return killed;
    }

    /** Kills a service's first instance at once (SIGKILL), as a crash would. */
    boolean kill(ServiceSpec service) {
        return kill(ServiceInstance.first(service));
    }

    /** Kills an instance at once (SIGKILL), as a crash would; it stays part of the stack, for {@code restart}. */
    boolean kill(ServiceInstance instance) {
        var process = registry.find(instance.name());
        process.ifPresent(handle -> {
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(10));
        });
        registry.forget(instance.name());
        return process.isPresent();
    }

    /**
     * Removes a further instance from the stack once it has stopped: its pid and launch files, so that
     * {@code status} no longer lists it and {@code restart} no longer starts it. (Its log stays.)
     */
    void forget(ServiceInstance extra) {
        if (extra.isFirst()) {
            throw new IllegalArgumentException("A service's first instance stays part of the stack: " + extra.name());
        }
        registry.forget(extra.name());
        try {
            Files.deleteIfExists(ServiceLaunch.file(settings, extra));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + ServiceLaunch.file(settings, extra), e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

}
