package dev.shopflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One running copy of a service. A service's first instance is the one {@code up} has always started, on the
 * service's own ports and named after it ({@code order-service}); further instances ({@code order-service-2},
 * {@code order-service-3} ...) run beside it on ports of their own, with the same jar, database, Kafka consumer group
 * and settings, so that they share its work (ADR 0028). Each instance has a pid file, a launch file and a log of its
 * own, named after the instance.
 *
 * @param number 1 for the service's first instance
 */
record ServiceInstance(ServiceSpec service, int number) {

    /** The most instances one service may run. */
    static final int MAX = 9;

    /** How far apart the default ports of a service's instances are: order-service on 8083, 8183, 8283 ... */
    static final int PORT_STEP = 100;

    private static final Pattern NUMBERED = Pattern.compile("(.+)-([0-9]{1,2})");
    private static final Pattern RECORDED = Pattern.compile("(.+)-([0-9]{1,2})\\.(pid|launch)");

    ServiceInstance {
        Objects.requireNonNull(service, "service");
        if (number < 1 || number > MAX) {
            throw new IllegalArgumentException("An instance number is between 1 and " + MAX + ", not " + number);
        }
        if (number > 1 && !scalable(service)) {
            throw new IllegalArgumentException(service.name() + " runs one instance");
        }
    }

    /** The service's first instance, the one the gateway routes to. */
    static ServiceInstance first(ServiceSpec service) {
        return new ServiceInstance(service, 1);
    }

    /**
     * Whether a service may run more than one instance: every service behind the gateway. The gateway stays the
     * stack's one entry.
     */
    static boolean scalable(ServiceSpec service) {
        return !service.equals(ServiceSpec.GATEWAY);
    }

    /** {@code order-service} for the first instance, {@code order-service-2} for the second ... */
    String name() {
        return number == 1 ? service.name() : service.name() + "-" + number;
    }

    boolean isFirst() {
        return number == 1;
    }

    /**
     * The instance a user names: {@code order-service} or {@code order} (also {@code order-service-1}) is the first,
     * {@code order-service-2} or {@code order-2} the second, and so on; empty for anything else (an unknown service, a
     * number out of range, a second gateway).
     */
    static Optional<ServiceInstance> named(String name) {
        Optional<ServiceSpec> service = ServiceSpec.named(name);
        if (service.isPresent()) {
            return Optional.of(first(service.get()));
        }
        var numbered = NUMBERED.matcher(name);
        if (!numbered.matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(numbered.group(2));
        return ServiceSpec.named(numbered.group(1))
                .filter(found -> number >= 1 && number <= MAX && (number == 1 || scalable(found)))
                .map(found -> new ServiceInstance(found, number));
    }

    /**
     * The instance's port: the service's own for the first; for the others {@code SHOPFLOW_<SERVICE>_<N>_PORT}
     * (such as {@code SHOPFLOW_ORDER_SERVICE_2_PORT}) when set, else the first's plus {@value #PORT_STEP} for each
     * instance after it (8183, 8283 ...).
     */
    int port(StackSettings settings) {
        return isFirst() ? settings.port(service)
                : setting(settings, portVariable(), settings.port(service) + PORT_STEP * (number - 1));
    }

    /**
     * The instance's management port: the service's own for the first; for the others
     * {@code SHOPFLOW_<SERVICE>_<N>_MANAGEMENT_PORT} when set, else the first's plus {@value #PORT_STEP} for each
     * instance after it (9183, 9283 ...).
     */
    int managementPort(StackSettings settings) {
        return isFirst() ? settings.managementPort(service)
                : setting(settings, managementPortVariable(), settings.managementPort(service) + PORT_STEP * (number - 1));
    }

    /** The variable that moves this instance's port. */
    String portVariable() {
        return isFirst() ? StackSettings.portVariable(service) : prefix() + "_PORT";
    }

    /** The variable that moves this instance's management port. */
    String managementPortVariable() {
        return isFirst() ? StackSettings.managementPortVariable(service) : prefix() + "_MANAGEMENT_PORT";
    }

    private String prefix() {
        return "SHOPFLOW_" + service.name().toUpperCase().replace('-', '_') + "_" + number;
    }

    /**
     * The instances beyond each service's first that belong to the stack in these settings' state folder: those with
     * a launch file or a pid file there (written when they were started, removed when they are scaled away or the
     * stack stops), in the order of {@link ServiceSpec#ALL}, then by number.
     */
    static List<ServiceInstance> extrasIn(StackSettings settings) {
        Path run = settings.runDirectory();
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        var found = new TreeSet<ServiceInstance>(Comparator
                .comparingInt((ServiceInstance instance) -> ServiceSpec.ALL.indexOf(instance.service()))
                .thenComparingInt(ServiceInstance::number));
        try (Stream<Path> files = Files.list(run)) {
            files.map(file -> RECORDED.matcher(file.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .forEach(file -> ServiceSpec.ALL.stream()
                            .filter(service -> service.name().equals(file.group(1)))
                            .findFirst()
                            .filter(ServiceInstance::scalable)
                            .filter(service -> Integer.parseInt(file.group(2)) > 1 && Integer.parseInt(file.group(2)) <= MAX)
                            .ifPresent(service -> found.add(new ServiceInstance(service, Integer.parseInt(file.group(2))))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + run, e);
        }
        return List.copyOf(found);
    }

    /** Every instance of the stack: each service's first, followed by its further instances. */
    static List<ServiceInstance> allIn(StackSettings settings) {
        var extras = extrasIn(settings);
        var all = new ArrayList<ServiceInstance>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            all.add(first(service));
            extras.stream().filter(extra -> extra.service().equals(service)).forEach(all::add);
        }
        return List.copyOf(all);
    }

    private static int setting(StackSettings settings, String variable, int fallback) {
        return StackSettings.intSetting(settings.environment(), variable, fallback);
    }
}
